import ArgumentParser
import FoundationEssentials
import LineageKit

extension Lineage {
    struct Why: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            abstract: "Say why a NeMo Curator rerun skips one source or runs it again.",
            discussion: """
                The source is given by its id (as written, or a unique prefix of 4+ hex digits), by \
                the paths of its file group, or with --lance DATASET --dataset-version V \
                --fragments 1,2,3. Answers which readable writer files hold it, the writer files \
                the pipeline skips, its Slurm shard (as the pipeline assigns it) with what the \
                manifests say and the failed attempts on it, the risks of its id, and the \
                conclusion (with the writer files the resumed start fails on, if any). Exit 0 when \
                answered; 1 when a prefix names no id or several; 2 when a writer file is damaged, \
                unreadable, skipped or failing (after the answer).
                """)

        @OptionGroup var options: CheckpointOptions

        @OptionGroup var leading: LeadingCheckpoint

        @Argument(help: ArgumentHelp("A source id (or a unique prefix of 4+ hex digits), or the paths of one file group.", valueName: "id-or-path"))
        var rest: [String] = []

        @OptionGroup var lance: LanceOptions

        @Option(help: "Output format: json (one document) or jsonl (the same on one line).")
        var format: ReportFormat = .text

        @OptionGroup var progress: ProgressOptions

        /// The checkpoint operand and what is asked about: without -c or LINEAGE_CHECKPOINT
        /// the first argument is the checkpoint.
        private var operands: (checkpoint: String?, asked: [String]) {
            let all = [leading.value].compactMap { $0 } + rest
            let elsewhere = options.checkpoint != nil || !(ProcessInfo.processInfo.environment["LINEAGE_CHECKPOINT"] ?? "").isEmpty
            guard !elsewhere, let first = all.first else { return (nil, all) }
            return (first, Array(all.dropFirst()))
        }

        func checkUsage() throws {
            try lance.check(others: !operands.asked.isEmpty)
            if lance.inputs == nil, operands.asked.isEmpty {
                throw UsageError("Give the source: its id, the paths of its file group, or --lance DATASET ...")
            }
        }

        func run() throws {
            defer { Console.flush() }
            let location = try options.location(operand: operands.checkpoint)
            let checkpoint = try CuratorCommand.checkpoint(location, kind: nil, slurm: true, progress: progress.handler("lineage why"))
            CuratorCommand.reportSkipped(checkpoint)
            let lookup = CuratorSourceLookup(checkpoint)
            let asked = operands.asked
            let source: String
            let from: String
            if let inputs = lance.inputs {
                source = CuratorSourceID(paths: inputs).description
                from = "lance"
            } else if asked.count == 1, let query = CuratorSourceQuery(asked[0]), !asked[0].contains("/") {
                switch lookup.match(query) {
                case .unique(let found, _): source = found
                case .several(let candidates, let more):
                    throw CuratorFailure.ambiguous(path: location.path, query: query, candidates: candidates, more: more)
                case .none:
                    // A whole id not held is still an answer (it runs again); a shorter prefix names nothing.
                    guard query.isWholeID else { throw CuratorFailure.notHeld(path: location.path, query: query, groups: nil) }
                    source = query.id
                }
                from = "id"
            } else {
                source = CuratorSourceID(paths: asked).description
                from = "paths"
            }
            let why = CuratorWhy(source: source, in: checkpoint, lookup: lookup)
            switch format {
            case .text: Console.print(CuratorWhyRenderer.text(why, from: from))
            case .json, .jsonl: Console.print(CuratorWhyRenderer.json(why, from: from, checkpoint: location.path))
            }
            try CuratorCommand.finish(checkpoint)
        }
    }
}

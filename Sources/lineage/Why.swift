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
                conclusion. Exit 0 when answered; 1 when a prefix names no id or several; 2 when \
                a writer file is damaged or unreadable (after the answer).
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
            case .text: Console.print(Self.text(why, from: from))
            case .json, .jsonl: Console.print(Self.json(why, from: from, checkpoint: location.path))
            }
            try CuratorCommand.finish(checkpoint)
        }

        static func text(_ why: CuratorWhy, from: String) -> String {
            var lines = [
                "source id        \(Escaping.text(why.source))\(from == "paths" ? " (from the paths given)" : from == "lance" ? " (from the Lance dataset, version and fragments)" : "")",
                "writers          \(why.writers.isEmpty ? "none readable holds it" : why.writers.map { Escaping.text($0) }.joined(separator: ", "))",
            ]
            if !why.skippedWriters.isEmpty {
                lines.append("skipped writers  \(why.skippedWriters.map { Escaping.text($0) }.joined(separator: ", ")) (unreadable or damaged: not read)")
            }
            if let shard = why.shard {
                lines.append("shard            \(shard.index) (\(shard.state))")
                for attempt in why.failedAttempts {
                    if case .slurm(let job, let task, let restart, _) = attempt.attempt {
                        lines.append("failed attempt   job \(job) array task \(task) restart \(restart)")
                    }
                }
            } else {
                lines.append("shard            - (not a Slurm job array, or run.json unusable)")
            }
            for risk in why.risks { lines.append("risk             \(risk)") }
            lines.append("conclusion       \(why.conclusion)")
            return lines.joined(separator: "\n")
        }

        static func json(_ why: CuratorWhy, from: String, checkpoint: String) -> String {
            func strings(_ values: [String]) -> String { "[" + values.map(Escaping.jsonString).joined(separator: ", ") + "]" }
            let attempts = why.failedAttempts.compactMap { attempt -> String? in
                guard case .slurm(let job, let task, let restart, let shard) = attempt.attempt else { return nil }
                return "{\"job\": \(job), \"array_task\": \(task), \"restart\": \(restart), \"shard\": \(shard)}"
            }
            let fields = [
                "\"schema_version\": 1", "\"kind\": \"curator\"", "\"checkpoint\": \(Escaping.jsonString(checkpoint))",
                "\"source_id\": \(Escaping.jsonString(why.source))", "\"from\": \"\(from)\"", "\"writers\": \(strings(why.writers))",
                "\"skipped_writers\": \(strings(why.skippedWriters))", "\"busy_writers\": \(strings(why.busyWriters))",
                "\"shard\": \(why.shard.map { String($0.index) } ?? "null")",
                "\"shard_state\": \(why.shard.map { "\"\($0.state)\"" } ?? "null")",
                "\"failed_attempts\": [\(attempts.joined(separator: ", "))]", "\"risks\": \(strings(why.risks))",
                "\"skipped\": \(why.skipped)", "\"conclusion\": \(Escaping.jsonString(why.conclusion))",
            ]
            return "{" + fields.joined(separator: ", ") + "}"
        }
    }
}

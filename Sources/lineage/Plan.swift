import ArgumentParser
import LineageKit

extension Lineage {
    struct Plan: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Show what a NeMo Curator rerun over given file groups will skip and run.",
            discussion: """
                Each group's source id is looked up in the union of completed sources the \
                pipeline reads: skip when it is there, run otherwise. One row per group in input \
                order, SOURCE_ID<TAB>skip|run<TAB>FIRST_PATH[ (+N more)][<TAB>shard S STATE] (a Lance \
                fragment set: DATASET (version V, fragments ...)), then a summary line. \
                Paths are hashed exactly as given, so list them as the pipeline's reader saw them. \
                The union holds what the pipeline's start reads from each writer file (a damaged \
                file it still reads counts; one it skips or fails on does not: Docs/ReaderModel.md); \
                each damaged, unreadable, skipped or failing file is named on stderr and the \
                command exits 2 after the plan. Exit 0; 2 when \
                the path is no checkpoint; 64 when an input line is not a group or the path is a \
                DAG checkpoint.
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(help: ArgumentHelp("JSON Lines, one JSON array of paths (one file group) per line; - reads stdin.", valueName: "file"))
        var groups: String?

        @Option(help: ArgumentHelp("One path per line, each its own group; - reads stdin.", valueName: "file"))
        var files: String?

        @Option(help: "Output format: text, jsonl (one object per group) or json (one document).")
        var format: ListFormat = .text

        @Option(help: "Read the checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            switch (groups, files) {
            case (nil, nil): throw UsageError("Give the inputs of the rerun with --groups FILE or --files FILE (- reads stdin).")
            case (.some, .some): throw UsageError("Give either --groups or --files, not both.")
            default: break
            }
        }

        func run() throws {
            defer { Console.flush() }
            let location = try options.location
            let checkpoint = try CuratorCommand.checkpoint(location, kind: kind, slurm: true, progress: progress.handler("lineage plan"))
            CuratorCommand.reportSkipped(checkpoint)
            var plan = CuratorPlan(checkpoint)
            let rows: CuratorPlanRenderer.Format =
                switch format {
                case .text: .text
                case .jsonl: .jsonLines
                case .json: .json
                }
            Console.withBuffer {
                CuratorPlanRenderer.appendHeader(
                    checkpoint: location.path, skippedWriters: checkpoint.skippedWriters.map(\.name), format: rows, to: &$0)
            }
            let report = progress.handler("lineage plan")
            // Groups that run again while their shard is marked completed: resubmitting only
            // the missing shards never runs them (the shard's manifest says it finished).
            var stranded = CuratorStranded(limit: 1)
            try CuratorCommand.forEachGroup(in: groups ?? files ?? "-", form: groups != nil ? .groups : .files) { paths, lance in
                let decision = plan.decide(paths)
                let first = plan.summary.groups == 1
                let shard = stranded.note(decision, slurm: checkpoint.slurm)
                Console.withBuffer {
                    CuratorPlanRenderer.appendGroup(decision, paths: paths, lance: lance, first: first, format: rows, shard: shard, to: &$0)
                }
                if WorkProgress.isDue(plan.summary.groups) {
                    report?(WorkProgress(phase: "planning", done: plan.summary.groups, total: nil, unit: "groups"))
                }
            }
            let summary = plan.summary
            Console.withBuffer { CuratorPlanRenderer.appendFooter(summary, format: rows, to: &$0) }
            if summary.groups > 0, summary.skip == 0, summary.unmatchedCompleted > 0 {
                Console.error(
                    "note: no given group matches any of the \(summary.unmatchedCompleted) completed sources; "
                        + "paths are hashed exactly as given, so spell them as the pipeline's reader saw them (absolute, relative or s3://).")
            }
            if let warning = CuratorPlanRenderer.strandedWarning(stranded) { Console.error(warning) }
            try CuratorCommand.finish(checkpoint)
        }
    }
}

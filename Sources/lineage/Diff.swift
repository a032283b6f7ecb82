import ArgumentParser
import FoundationEssentials
import LineageKit

extension Lineage {
    struct Diff: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            abstract: "Compare two checkpoints: tasks, edges, types and completion, and whether the DAGs have the same shape.",
            discussion: """
                Counts are exact; each kind lists its first examples in udid order. When the \
                udids differ, the two DAGs are also compared by shape (udids ignored): the \
                last line says whether the checkpoints are identical, the same DAG with \
                different udids (naming where the lineage path first differs), or different \
                work. Both files are read once through the structure walk, never liblmdb. \
                Exit 0 identical, 1 different, 2 when either file cannot be read or is damaged, \
                75 when either is being written too fast for a consistent read.
                """)

        @Option(
            name: [.customShort("c", allowingJoined: true), .long],
            help: ArgumentHelp("The first checkpoint, as an alternative to the first argument.", valueName: "path"),
            completion: .file(extensions: ["mdb"]))
        var checkpoint: String?

        @Argument(help: ArgumentHelp("The first checkpoint (unless -c gives it).", valueName: "a"), completion: .file(extensions: ["mdb"]))
        var first: String?

        @Argument(help: ArgumentHelp("The second checkpoint.", valueName: "b"), completion: .file(extensions: ["mdb"]))
        var second: String?

        /// The two checkpoints: `-c` first, then the arguments; with one argument and no
        /// `-c`, `LINEAGE_CHECKPOINT` is the first, as every command takes it.
        private var pair: [String] {
            let given = (checkpoint.map { [$0] } ?? []) + [first, second].compactMap { $0 }
            guard given.count == 1, let environment = ProcessInfo.processInfo.environment["LINEAGE_CHECKPOINT"], !environment.isEmpty else {
                return given
            }
            return [environment] + given
        }

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        // .unconditional takes `-1` as the value, so the range check below can word it.
        @Option(parsing: .unconditional, help: ArgumentHelp("Examples listed per kind of difference, n >= 0.", valueName: "n"))
        var maxExamples = 10

        @Flag(name: [.customShort("q"), .long], help: "Print nothing; the exit status tells (0 identical, 1 different).")
        var quiet = false

        @OptionGroup var waiting: WaitOption

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            if pair.count != 2 {
                throw UsageError("Give two checkpoints: lineage diff A B (or -c A B); \(pair.count) \(pair.count == 1 ? "was" : "were") given.")
            }
            if maxExamples < 0 { throw UsageError("--max-examples must be 0 or more (got \(maxExamples)).") }
        }

        func run() throws {
            defer { Console.flush() }
            let location = CheckpointLocation(path: pair[0], origin: checkpoint == nil ? .operand : .option, wait: try waiting.seconds)
            let other = pair[1]
            let handler = quiet ? nil : progress.handler("lineage diff")
            let diff = try location.analyse(others: [other]) { path throws(CheckpointError) in
                try CheckpointAnalysis.diff(a: path, b: other, maxExamples: maxExamples, progress: handler)
            }.value
            if !quiet {
                switch format {
                case .text: Console.print(DiffRenderer.text(diff))
                case .json, .jsonl: Console.print(DiffRenderer.json(diff))
                }
            }
            if !diff.identical { throw ExitCode(ExitStatus.no) }
        }
    }
}

import ArgumentParser
import LineageKit

extension Lineage {
    struct Stats: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            abstract: "Show the shape of the run and of the LMDB file: types, stages, fan-out and fan-in, components, pages.",
            discussion: """
                The LMDB numbers are those of mdb_stat -a -f -e, read without liblmdb, so stats \
                works where liblmdb cannot open the file and never creates a lock file. Exit 2 \
                when the checkpoint cannot be read or is damaged, 75 when the pipeline writes it \
                too fast for a consistent read.
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        @Option(
            name: [.customLong("max-examples"), .customLong("top")], parsing: .unconditional,
            help: ArgumentHelp("Tasks listed by largest fan-out and by largest fan-in, n >= 0.", valueName: "n"))
        var top = 5

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            if top < 0 { throw UsageError("--max-examples must be 0 or more, not \(top).") }
        }

        func run() throws {
            defer { Console.flush() }
            let stats = try options.location.analyse { path throws(CheckpointError) in
                try CheckpointAnalysis.stats(path: path, top: top, progress: progress.handler("lineage stats"))
            }.value
            switch format {
            case .text: Console.print(StatsRenderer.text(stats))
            case .json, .jsonl: Console.print(StatsRenderer.json(stats))
            }
        }
    }
}

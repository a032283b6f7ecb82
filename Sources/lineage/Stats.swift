import ArgumentParser
import LineageKit

extension Lineage {
    struct Stats: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            abstract: "Show the shape of the run and of the LMDB file: types, stages, fan-out and fan-in, components, pages.",
            discussion: """
                The LMDB numbers are those of mdb_stat -a -f -e, read without liblmdb, so stats \
                works where liblmdb cannot open the file and never creates a lock file. On a \
                damaged file it prints what the meta page and the stored database records still \
                say (as mdb_stat -a does), then exits 2; exit 2 too when the checkpoint cannot be \
                read, 75 when the pipeline writes it too fast for a consistent read.
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
            if top < 0 { throw UsageError("--max-examples must be 0 or more (got \(top)).") }
        }

        func run() throws {
            defer { Console.flush() }
            let location = try options.location
            let stats: CheckpointStats
            do {
                stats = try location.analyse { path throws(CheckpointError) in
                    try CheckpointAnalysis.stats(path: path, top: top, progress: progress.handler("lineage stats"))
                }.value
            } catch let caught where Self.damage(caught) != nil {
                // Damaged (on a stable read): what the meta page and the stored records still
                // say, as mdb_stat -a prints them, then the sentence and exit 2.
                guard let lmdb = try? CheckpointAnalysis.fileStats(path: location.path) else { throw caught }
                let error = caught
                switch format {
                case .text: Console.print(StatsRenderer.damagedText(lmdb, checkpoint: location.path))
                case .json, .jsonl: Console.print(StatsRenderer.damagedJSON(lmdb, checkpoint: location.path))
                }
                throw error
            }
            switch format {
            case .text: Console.print(StatsRenderer.text(stats))
            case .json, .jsonl: Console.print(StatsRenderer.json(stats))
            }
        }
    }
}

extension Lineage.Stats {
    /// The damage `error` reports (also when the path came from `LINEAGE_CHECKPOINT`), or `nil`.
    static func damage(_ error: any Error) -> CheckpointError? {
        let checkpointError = (error as? CheckpointError) ?? (error as? CheckpointFromEnvironment)?.error
        guard let checkpointError, case .notCheckpoint(_, .damaged) = checkpointError else { return nil }
        return checkpointError
    }
}

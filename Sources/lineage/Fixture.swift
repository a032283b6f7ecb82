import ArgumentParser
import LineageKit
import LineageRecorder

extension Lineage {
    struct Fixture: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fixture",
            abstract: "Write checkpoints with the recorder, exactly as the pipeline writes them.",
            discussion:
                "These are the only commands that write. They refuse an existing file unless --force (curator: an existing, non-empty directory always).",
            subcommands: [FourStage.self, Named.self, Pipeline.self, Curator.self, Live.self])
    }
}

/// What every fixture subcommand shares: the output path and `--force`.
struct FixtureOutput: ParsableArguments {
    @Argument(help: ArgumentHelp("The checkpoint file to create.", valueName: "out"))
    var out: String

    @Flag(help: "Replace the file if it exists.")
    var force = false

    @OptionGroup var progress: ProgressOptions

    /// Writes `scenario` and prints a one-line summary; recorder errors exit 2 with a sentence.
    func write(_ scenario: Scenario) throws {
        defer { Console.flush() }
        try Self.writing(out, exists: "\(out) already exists; pass --force to replace it, or choose another path.") {
            let paths = try scenario.write(to: out, overwrite: force)
            Console.print("wrote \(out): \(scenario.taskCount) tasks, \(paths.count) lineage paths")
        }
    }

    /// Runs one fixture write; the recorder's errors become one sentence on stderr and exit 2
    /// (`exists` is the sentence for an output that is already there).
    static func writing(_ out: String, exists: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch RecorderError.fileExists {
            Console.error(exists)
            throw ExitCode(ExitStatus.unreadable)
        } catch let error as RecorderError {
            Console.error(error.description)
            throw ExitCode(ExitStatus.unreadable)
        } catch let error as LMDBError {
            Console.error("\(out): writing failed (\(error)); check the directory is writable and has space.")
            throw ExitCode(ExitStatus.unreadable)
        }
    }
}

extension Lineage.Fixture {
    struct FourStage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "four-stage",
            abstract: "FanOut(N) -> Passthrough -> FanIn -> Passthrough, as fixtures/four_stage*.mdb.")

        @OptionGroup var output: FixtureOutput

        @Option(help: "Tasks the FanOut stage emits.")
        var fanout = 3

        @Flag(help: "Give the root the lineage path 0, as a real pipeline run does (four_stage_rooted).")
        var rooted = false

        @Flag(help: "Mark the final leaf completed and propagate upwards (four_stage_completed).")
        var complete = false

        func validate() throws {
            guard (1...100_000).contains(fanout) else { throw ValidationError("--fanout must be between 1 and 100000.") }
        }

        func run() throws { try output.write(.fourStage(fanout: fanout, rooted: rooted, complete: complete)) }
    }

    struct Named: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "named",
            abstract: "Any of the pipeline's fixtures by name (four_stage, partial_completion, retries_and_joins, ...).")

        @Argument(help: ArgumentHelp("The fixture's name.", valueName: "name"))
        var name: String

        @OptionGroup var output: FixtureOutput

        func validate() throws {
            guard Scenario.fixtures[name] != nil else {
                throw ValidationError("Unknown fixture '\(name)'; known: \(Scenario.fixtures.keys.sorted().joined(separator: ", ")).")
            }
        }

        func run() throws {
            guard let scenario = Scenario.fixtures[name] else { return }
            try output.write(scenario)
        }
    }

    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipeline",
            abstract: "A big rooted pipeline DAG: roots -> FanOut -> Passthrough -> FanIn -> Passthrough.",
            discussion:
                "The emissions and completions a pipeline run of this shape records; --batch-size 1 also gives the pipeline's file layout (one write transaction per emission, free pages included)."
        )

        @OptionGroup var output: FixtureOutput

        @Option(help: "Root tasks.")
        var roots = 100

        @Option(help: "Children per root in the FanOut stage.")
        var fanout = 40

        @Option(help: "Parents per FanIn group.")
        var fanin = 5

        @Option(help: "Fraction of leaves marked completed (0...1).")
        var complete = 0.6

        @Option(help: "Emissions per write transaction (1 = one per emission, as the pipeline).")
        var batchSize = 1

        func validate() throws {
            guard roots >= 1, fanout >= 1, fanin >= 1, batchSize >= 1 else {
                throw ValidationError("--roots, --fanout, --fanin and --batch-size must be at least 1.")
            }
            guard (0...1).contains(complete) else { throw ValidationError("--complete must be between 0 and 1.") }
        }

        func run() throws {
            try output.write(.pipeline(roots: roots, fanout: fanout, fanin: fanin, completeFraction: complete, batchSize: batchSize))
        }
    }
}

extension Lineage.Fixture {
    struct Curator: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "curator",
            abstract: "A NeMo Curator checkpoint directory: writer files, Slurm manifests, failed-task markers.",
            discussion:
                "Writes OUT/.nemo_curator_metadata/ as the pipeline does: one LMDB file per writer (no lock file, one write transaction per completion, deletions for late updates), the Slurm completion manifests (written atomically) and the failed-task markers. The same options write the same bytes."
        )

        @Argument(help: ArgumentHelp("The checkpoint directory to create (or an empty one).", valueName: "out"))
        var out: String

        @Option(help: "Writer files, including the --empty ones.")
        var writers = 3

        @Option(help: "Writers (the last ones) that complete nothing.")
        var empty = 1

        @Option(help: "Sources each other writer completes.")
        var sources = 4

        @Option(help: "Sources each writer after the first also completes that the writer before it completed.")
        var overlap = 1

        @Option(help: "Sources each writer completes and then deletes again (a late update).")
        var deleted = 1

        @Option(help: "Of each writer's sources, how many have positional ids (0, 1, ...).")
        var positional = 0

        @Option(help: "Of each writer's sources, how many have random ids (r + 32 hex digits).")
        var random = 0

        @Option(help: "Slurm shards (0: not a job array).")
        var shards = 6

        @Option(help: "Shards that failed: a failed-task marker and no completion manifest.")
        var failed = 2

        @Option(help: "Seeds the source paths and the failed shards.")
        var seed: UInt64 = 1

        @Flag(help: "Do not flush every commit (the pipeline does); the same bytes, written much faster.")
        var noSync = false

        @OptionGroup var progress: ProgressOptions

        var scenario: CuratorRun {
            var run = CuratorRun()
            run.writers = writers
            run.emptyWriters = empty
            run.sourcesPerWriter = sources
            run.overlap = overlap
            run.deleted = deleted
            run.positional = positional
            run.random = random
            run.shards = shards
            run.failedShards = failed
            run.seed = seed
            run.syncEachCommit = !noSync
            return run
        }

        func validate() throws {
            do {
                try scenario.validate()
            } catch .invalidScenario(let reason) {
                throw ValidationError("Invalid fixture options: \(reason).")
            } catch {
                throw ValidationError("\(error)")
            }
        }

        func run() throws {
            defer { Console.flush() }
            try FixtureOutput.writing(out, exists: "\(out) already exists and is not an empty directory; choose another path.") {
                let summary = try scenario.write(to: out, progress: progress.handler("lineage fixture curator"))
                Console.print(
                    "wrote \(out): \(summary.writers) writer files, \(summary.completions) completions, "
                        + "\(summary.deletions) deletions, \(summary.completedShards) completed and \(summary.failedShards) failed shards")
            }
        }
    }
}

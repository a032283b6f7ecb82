import ArgumentParser
import LineageKit
import LineageRecorder

extension Lineage {
    struct Fixture: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fixture",
            abstract: "Write checkpoints with the recorder, exactly as the pipeline writes them.",
            discussion: "These are the only commands that write. They refuse an existing file unless --force.",
            subcommands: [FourStage.self, Named.self, Pipeline.self, Live.self])
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
        do {
            let paths = try scenario.write(to: out, overwrite: force)
            Console.print("wrote \(out): \(scenario.taskCount) tasks, \(paths.count) lineage paths")
        } catch RecorderError.fileExists {
            Console.error("\(out) already exists; pass --force to replace it, or choose another path.")
            throw ExitCode(2)
        } catch let error as RecorderError {
            Console.error(error.description)
            throw ExitCode(2)
        } catch let error as LMDBError {
            Console.error("\(out): writing failed (\(error)); check the directory is writable and has space.")
            throw ExitCode(2)
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

import ArgumentParser
import FoundationEssentials
import LineageKit

extension Lineage {
    struct Verify: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Audit checkpoints against every invariant of the format.",
            discussion: """
                The kind of each path is detected (--kind overrides it): a task-lineage DAG file, or a \
                NeMo Curator checkpoint (a directory holding .nemo_curator_metadata/, that folder, or one \
                writer .mdb file); paths of both kinds may be mixed. Each check has a stable id. DAG: \
                structure, schema, key-format, type-values, edge-symmetry, dangling, type-consistency, \
                self-loop, acyclic, completed-values, completed-known, completed-closure. Curator: \
                writer-structure, writer-schema, source-keys, source-values, slurm-run, slurm-manifests, \
                slurm-leftovers. Exit 0 when every checkpoint is sound (OK), 1 when a check failed \
                (FAILED), 2 when a checkpoint or a Curator writer file cannot be read, is not LMDB or not \
                a lineage checkpoint (UNREADABLE) or its structure is damaged (DAMAGED), 75 when the \
                pipeline was writing it too fast for a consistent read within --wait seconds (BUSY, not \
                damage); with several paths, the worst (2, then 75, then 1). A damaged or unreadable writer file is named on stderr with what the \
                pipeline's start does with it (reads it still, skips it, or fails). --format json prints one document holding a report \
                per path (reports), jsonl one report per line.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, junit }

        @OptionGroup var checkpoints: CheckpointList

        @Option(help: "Output format on stdout.")
        var format: Format = .text

        @Option(help: ArgumentHelp("Also write a JUnit XML report to this file (- is stdout, instead of the report).", valueName: "file"), completion: .file())
        var junit: String?

        @Flag(name: [.customShort("q"), .long], help: "Print nothing on stdout; the exit status tells, and stderr names each checkpoint that is not OK.")
        var quiet = false

        // .unconditional takes `-1` as the value, so the range check below can word it.
        @Option(parsing: .unconditional, help: "Examples shown per check, 0 or more; 0 shows only the counts (they stay exact).")
        var maxExamples = 5

        @Option(help: "Read every checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            guard maxExamples >= 0 else { throw UsageError("--max-examples must be 0 or more (got \(maxExamples)).") }
            if junit == "-" && (format != .text || quiet) {
                throw UsageError("--junit - writes the JUnit report to stdout, so it takes neither --format nor --quiet.")
            }
            if let junit, junit != "-", let problem = JUnitFile.problem(with: junit) { throw UsageError(problem) }
        }

        func run() throws {
            defer { Console.flush() }
            let locations = try checkpoints.locations
            // A retry after a fault (a new run of the command line) keeps the first deadline.
            let wait = try CrashWatch.inheritedWait ?? checkpoints.waiting.seconds
            let outcomes = Verification.verify(
                paths: locations.map(\.path), format: kind?.format, maxExamples: maxExamples, wait: wait,
                progress: { path in progress.handler(locations.count > 1 ? "lineage verify: \(path)" : "lineage verify") },
                watch: CrashGuard.watch(wait: wait))
            let entries = zip(locations, outcomes).map { location, outcome in
                VerifyEntry(
                    outcome: outcome, message: ErrorPresentation.verifyMessage(outcome, location: location),
                    exitCode: ExitStatus.of(outcome.verdict))
            }
            switch quiet ? nil : junit == "-" ? .junit : format {
            case nil: break
            case .text?:
                Console.print(entries.map(TextRenderer.verify).joined(separator: "\n\n"))
                if entries.count > 1 {
                    Console.print("\n\(outcomes.filter { $0.verdict == .ok }.count) of \(entries.count) checkpoints sound")
                }
            case .json?:
                // One document for every path, so json.load reads it whatever their number.
                Console.print(JSONRenderer.verifyDocument(entries, exitCode: ExitStatus.of(Verdict.worst(outcomes.map(\.verdict)))))
            case .jsonl?:
                // JSON Lines: one report per path and line.
                for entry in entries { Console.print(JSONRenderer.verify(entry)) }
            case .junit?:
                Console.print(JUnitRenderer.render(entries, suiteName: "lineage verify"))
            }
            // On stderr after the reports, so the last line on a screen is the verdict's why.
            for (location, outcome) in zip(locations, outcomes) {
                for message in ErrorPresentation.verifyAdvice(outcome, location: location) { Console.error(message) }
            }
            var status = ExitStatus.of(Verdict.worst(outcomes.map(\.verdict)))
            if let junit, junit != "-", let failure = JUnitFile.write(JUnitRenderer.render(entries, suiteName: "lineage verify") + "\n", to: junit) {
                Console.error(failure)
                status = ExitStatus.of(Verdict.worst([Verdict.worst(outcomes.map(\.verdict)), .unreadable]))
            }
            if status != ExitStatus.success { throw ExitCode(status) }
        }
    }
}

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
                damage); with several paths, the worst (2, then 75, then 1). A damaged or unreadable writer file is named on stderr: the pipeline \
                skips it, so its sources run again. --format json prints one report per line (JSON Lines).
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

        @OptionGroup var checkpoints: CheckpointList

        @Option(help: "Output format on stdout.")
        var format: Format = .text

        @Option(help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"), completion: .file())
        var junit: String?

        // .unconditional takes `-1` as the value, so the range check below can word it.
        @Option(parsing: .unconditional, help: "Examples shown per check, 0 or more; 0 shows only the counts (they stay exact).")
        var maxExamples = 5

        @Option(help: "Read every checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            guard maxExamples >= 0 else { throw UsageError("--max-examples must be 0 or more (got \(maxExamples)).") }
        }

        func run() throws {
            defer { Console.flush() }
            var outcomes: [JUnitRenderer.Outcome] = []
            var worst: Int32 = 0
            // Said on stderr after the reports, so the last line on a screen is the verdict's why.
            var messages: [String] = []
            // The outcomes (by index) that are BUSY rather than UNREADABLE.
            var busyOutcomes: [Int: CheckpointBusy] = [:]
            let locations = try checkpoints.locations
            for location in locations {
                let path = location.path
                let curator: CuratorLocation?
                do {
                    curator = try CheckpointKind.curatorLocation(location, kind: kind)
                } catch let error as CheckpointError {
                    let message = ErrorPresentation.message(for: error, fromEnvironment: location.origin == .environment)
                    outcomes.append(.unreadable(path: path, message: message))
                    worst = 2
                    messages.append(message)
                    continue
                }
                if let curator {
                    let outcome = verifyCurator(
                        curator, progress: progress.handler(locations.count > 1 ? "lineage verify: \(path)" : "lineage verify"))
                    outcomes.append(outcome.outcome)
                    worst = Self.worse(worst, outcome.exitCode)
                    messages += outcome.messages
                    continue
                }
                CrashGuard.arm(reading: path)
                let handler = progress.handler(locations.count > 1 ? "lineage verify: \(path)" : "lineage verify")
                let result: Result<AuditReport, CheckpointError>
                do {
                    result = .success(
                        try location.consistently(isFailure: { (report: AuditReport) in !report.ok }) {
                            try Verifier.verify(path: path, maxExamples: maxExamples, progress: handler)
                        }.value)
                } catch let error as CheckpointError {
                    result = .failure(error)
                } catch let busy as CheckpointBusy {
                    // Not damage: the pipeline committed too fast for a consistent read (BUSY, 75).
                    let message = ErrorPresentation.message(for: busy)
                    busyOutcomes[outcomes.count] = busy
                    outcomes.append(.unreadable(path: path, message: message))
                    worst = Self.worse(worst, ErrorPresentation.busyExitCode)
                    messages.append(message)
                    continue
                }
                switch result {
                case .success(let report):
                    outcomes.append(.report(report))
                    worst = Self.worse(worst, Self.exitCode(report))
                    if report.structureFailed, let structure = report[.structure] {
                        let first = structure.examples.first.map(FindingPhrasing.line) ?? "see the report"
                        messages.append(
                            "\(path): the LMDB file is damaged (\(structure.violations) structure problem\(structure.violations == 1 ? "" : "s"), first: \(first)); the transaction ids show the file was stable during the read, so this is not a writer at work: do not resume from it, restore a good copy."
                        )
                    }
                    if !report.structureFailed, let schema = report[.schema], schema.status == .failed {
                        let first = schema.examples.first.map(FindingPhrasing.line) ?? "see the report"
                        messages.append("\(path): not a lineage checkpoint (\(first)); lineage's other commands cannot read it.")
                    }
                case .failure(let error):
                    let message = ErrorPresentation.message(for: error, fromEnvironment: location.origin == .environment)
                    outcomes.append(.unreadable(path: path, message: message))
                    worst = Self.worse(worst, 2)
                    messages.append(message)
                }
            }
            switch format {
            case .text:
                var blocks: [String] = []
                for (index, outcome) in outcomes.enumerated() {
                    switch outcome {
                    case .unreadable(_, let message) where busyOutcomes[index] != nil:
                        blocks.append(BusyRenderer.text(busyOutcomes[index]!, message: message))
                    case .report(let report): blocks.append(TextRenderer.audit(report))
                    case .curator(let report): blocks.append(TextRenderer.curatorAudit(report))
                    case .unreadable(let path, let message): blocks.append(TextRenderer.unreadable(path: path, message: message))
                    }
                }
                Console.print(blocks.joined(separator: "\n\n"))
                if outcomes.count > 1 {
                    let sound = outcomes.filter(Self.isSound).count
                    Console.print("\n\(sound) of \(outcomes.count) checkpoints sound")
                }
            case .json:
                let documents = outcomes.enumerated().map { index, outcome -> String in
                    switch outcome {
                    case .unreadable(_, let message) where busyOutcomes[index] != nil:
                        return BusyRenderer.json(busyOutcomes[index]!, message: message)
                    case .report(let report): return JSONRenderer.audit(report)
                    case .curator(let report): return JSONRenderer.curatorAudit(report)
                    case .unreadable(let path, let message): return JSONRenderer.unreadable(path: path, message: message)
                    }
                }
                // JSON Lines: one report per line, so one path is one JSON document.
                for document in documents { Console.print(document) }
            case .junit:
                Console.print(JUnitRenderer.render(outcomes, suiteName: "lineage verify"))
            }
            for message in messages { Console.error(message) }
            if let junit, let failure = Self.write(JUnitRenderer.render(outcomes, suiteName: "lineage verify") + "\n", to: junit) {
                Console.error(failure)
                worst = Self.worse(worst, 2)
            }
            if worst != 0 { throw ExitCode(worst) }
        }

        /// 0 sound; 1 a logical check failed; 2 the file is damaged (structure) or not a
        /// lineage checkpoint (schema: a sub-database missing or wrongly flagged), which
        /// is what every other command exits with on it.
        static func exitCode(_ report: AuditReport) -> Int32 {
            if report.ok { return 0 }
            return report.structureFailed || report[.schema]?.status == .failed ? 2 : 1
        }

        /// Whether the outcome is a sound checkpoint of either kind.
        static func isSound(_ outcome: JUnitRenderer.Outcome) -> Bool {
            switch outcome {
            case .report(let report): report.ok
            case .curator(let report): report.ok
            case .unreadable: false
            }
        }

        /// The worse of two statuses: 2 (damaged, unreadable) over 75 (busy: no consistent
        /// read, not damage) over 1 (a check failed) over 0.
        static func worse(_ a: Int32, _ b: Int32) -> Int32 {
            let rank: [Int32: Int] = [0: 0, 1: 1, ErrorPresentation.busyExitCode: 2, 2: 3]
            return (rank[a] ?? 3) >= (rank[b] ?? 3) ? a : b
        }

        /// Writes the JUnit report to `file`; the sentence to print when that fails, else `nil`.
        static func write(_ report: String, to file: String) -> String? {
            var isDirectory = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory {
                return "\(file): cannot write the JUnit report there, it is a directory; give a file path such as \(file)/verify.xml."
            }
            let folder = Self.folder(of: file)
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                return "\(file): cannot write the JUnit report, the directory \(folder) does not exist."
            }
            if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                return "\(file): cannot write the JUnit report, the directory \(folder.isEmpty ? "." : folder) is not writable."
            }
            do {
                try report.write(toFile: file, atomically: true, encoding: .utf8)
                return nil
            } catch {
                return "\(file): cannot write the JUnit report; check the directory is writable and has space."
            }
        }

        /// The directory part of `path`, as `NSString.deletingLastPathComponent` gives it:
        /// repeated and trailing slashes dropped, "" for a bare name, "/" for one in the root.
        static func folder(of path: String) -> String {
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            let absolute = path.hasPrefix("/")
            guard parts.count > 1 else { return absolute ? "/" : "" }
            return (absolute ? "/" : "") + parts.dropLast().joined(separator: "/")
        }
    }
}

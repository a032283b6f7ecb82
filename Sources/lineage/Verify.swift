import ArgumentParser
import Foundation
import LineageKit

extension Lineage {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Audit checkpoints against every invariant of the format.",
            discussion: """
                Each check has a stable id (structure, schema, key-format, type-values, edge-symmetry, \
                dangling, type-consistency, self-loop, acyclic, completed-values, completed-known, \
                completed-closure). Exit 0 when every checkpoint is sound, 1 when a check failed, \
                2 when a checkpoint cannot be read or its structure is damaged; with several paths, the worst.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

        @Argument(
            help: ArgumentHelp("Checkpoints to audit. Default: -c PATH or $LINEAGE_CHECKPOINT.", valueName: "path"),
            completion: .file(extensions: ["mdb"]))
        var paths: [String] = []

        @Option(
            name: [.customShort("c"), .long], help: ArgumentHelp("The checkpoint, when no path is given.", valueName: "path"),
            completion: .file(extensions: ["mdb"]))
        var checkpoint: String?

        @Option(help: "Output format on stdout.")
        var format: Format = .text

        @Option(help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"), completion: .file())
        var junit: String?

        @Option(help: "Examples shown per check (counts stay exact).")
        var maxExamples = 5

        @OptionGroup var progress: ProgressOptions

        func validate() throws {
            guard maxExamples >= 0 else { throw ValidationError("--max-examples must be 0 or more.") }
            _ = try targets()
        }

        private func targets() throws -> [String] {
            if !paths.isEmpty { return paths }
            return [try CheckpointOptions(checkpoint: checkpoint).path]
        }

        func run() throws {
            defer { Console.flush() }
            var outcomes: [JUnitRenderer.Outcome] = []
            var worst: Int32 = 0
            let targets = try targets()
            for path in targets {
                CrashGuard.arm(reading: path)
                let result = Result { () throws(CheckpointError) in
                    try Verifier.verify(
                        path: path, maxExamples: maxExamples,
                        progress: progress.handler(targets.count > 1 ? "lineage verify: \(path)" : "lineage verify"))
                }
                switch result {
                case .success(let report):
                    outcomes.append(.report(report))
                    worst = max(worst, report.ok ? 0 : report.structureFailed ? 2 : 1)
                    if report.structureFailed, let structure = report[.structure] {
                        let first = structure.examples.first.map(FindingPhrasing.line) ?? "see the report"
                        Console.error(
                            "\(path): the LMDB file is damaged (\(structure.violations) structure problem\(structure.violations == 1 ? "" : "s"), first: \(first)); if the pipeline is still writing it, run verify again once it has stopped; otherwise do not resume from it, restore a good copy."
                        )
                    }
                case .failure(let error):
                    outcomes.append(.unreadable(path: path, message: ErrorPresentation.message(for: error)))
                    worst = 2
                    Console.error(ErrorPresentation.message(for: error))
                }
            }
            switch format {
            case .text:
                var blocks: [String] = []
                for outcome in outcomes {
                    switch outcome {
                    case .report(let report): blocks.append(TextRenderer.audit(report))
                    case .unreadable(let path, let message): blocks.append("\(path): not audited\nverdict: UNREADABLE, \(message)")
                    }
                }
                Console.print(blocks.joined(separator: "\n\n"))
                if outcomes.count > 1 {
                    let sound = outcomes.filter { if case .report(let report) = $0 { return report.ok } else { return false } }.count
                    Console.print("\n\(sound) of \(outcomes.count) checkpoints sound")
                }
            case .json:
                let documents = outcomes.map { outcome -> String in
                    switch outcome {
                    case .report(let report): return JSONRenderer.audit(report)
                    case .unreadable(let path, let message): return JSONRenderer.unreadable(path: path, message: message)
                    }
                }
                Console.print(documents.count == 1 ? documents[0] : "[\n" + documents.joined(separator: ",\n") + "\n]")
            case .junit:
                Console.print(JUnitRenderer.render(outcomes, suiteName: "lineage verify"))
            }
            if let junit {
                do {
                    try (JUnitRenderer.render(outcomes, suiteName: "lineage verify") + "\n").write(toFile: junit, atomically: true, encoding: .utf8)
                } catch {
                    Console.error(
                        "\(junit): cannot write the JUnit report (\(error.localizedDescription)); check the directory exists and is writable.")
                    worst = max(worst, 2)
                }
            }
            if worst != 0 { throw ExitCode(worst) }
        }
    }
}

extension CheckpointOptions {
    init(checkpoint: String?) {
        self.init()
        self.checkpoint = checkpoint
    }
}

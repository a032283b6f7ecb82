import ArgumentParser
import LineageKit

@main
struct Lineage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Inspect and audit task-lineage checkpoints (read-only).",
        discussion: """
            Exit codes: 0 success or a sound checkpoint; 1 not found, or verify found \
            violations; 2 the checkpoint cannot be read or is damaged; 64 usage error.
            """,
        version: Version.description,
        subcommands: [Show.self, Edges.self, Types.self, Verify.self, ExportDot.self, Udid.self, Fixture.self]
    )

    /// Parses and runs the command; the errors `ErrorPresentation` knows become its one
    /// sentence on stderr and its exit status, the rest are ArgumentParser's to report.
    static func main() {
        // Answered before ArgumentParser builds its command tree, which costs most of the
        // start-up time (the Swift runtime's type lookups); prints what it would print.
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            print(Version.description)
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Console.flush()
            if let presented = ErrorPresentation.presentation(of: error) {
                Console.error(presented.message)
                exit(withError: ExitCode(presented.exitCode))
            }
            exit(withError: error)
        }
    }
}

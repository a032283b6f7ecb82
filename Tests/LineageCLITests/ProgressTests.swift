import Foundation
import LineageTestSupport
import Testing

/// Progress goes to stderr only when it is a terminal, and never with --no-progress.
/// A terminal comes from util-linux `script`; the one-second delay is lifted for the test.
@Suite("Progress on a terminal")
struct ProgressTests {
    private func onTerminal(_ arguments: [String]) throws -> String {
        try withTemporaryDirectory { directory in
            let transcript = directory.appendingPathComponent("tty.txt").path
            let command = ([CLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ") + " > /dev/null"
            let result = try runProcess(
                URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, transcript],
                environment: ProcessInfo.processInfo.environment.merging(["LINEAGE_PROGRESS_DELAY": "0"]) { $1 })
            #expect(result.status == 0, "\(result)")
            return try String(contentsOfFile: transcript, encoding: .utf8)
        }
    }

    @Test("verify shows its phases on a terminal")
    func shown() throws {
        let screen = try onTerminal(["verify", CLI.fixture("four_stage")])
        #expect(screen.contains("lineage verify: reading task_type"), "\(screen)")
    }

    @Test("--no-progress keeps the terminal quiet")
    func suppressed() throws {
        let screen = try onTerminal(["verify", "--no-progress", CLI.fixture("four_stage")])
        #expect(!screen.contains("lineage verify:"), "\(screen)")
    }

    @Test("nothing when stderr is not a terminal")
    func notATerminal() throws {
        let result = try CLI.run(["verify", CLI.fixture("four_stage")], environment: ["LINEAGE_PROGRESS_DELAY": "0"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}

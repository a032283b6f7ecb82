import Foundation
import LineageTestSupport
import Testing

/// Progress goes to stderr only when it is a terminal, never with --no-progress, never on a
/// line with output, and never as an escape sequence when TERM is dumb or unset. Each test
/// runs the built binary on a pseudo-terminal, with the one-second delay lifted.
@Suite("Progress on a terminal")
struct ProgressTests {
    /// A checkpoint big enough for row counts to be reported (every 65,536 rows): 97,000
    /// tasks and about 130,000 edges, written once by the recorder for this suite's tests
    /// and only read after; `big()` throws what went wrong if it could not be written.
    private static let written: Result<String, FixtureNotWritten> = {
        let path = bigDirectory + "/big.mdb"
        do {
            try FileManager.default.createDirectory(atPath: bigDirectory, withIntermediateDirectories: true)
            // Removed when the test process exits: this suite's tests run in parallel and all read it.
            atexit { try? FileManager.default.removeItem(atPath: ProgressTests.bigDirectory) }
            let result = try CLI.run(["fixture", "pipeline", "--roots", "1000", "--batch-size", "100000", path])
            guard result.status == 0 else { return .failure(FixtureNotWritten(reason: "\(result)")) }
            return .success(path)
        } catch {
            return .failure(FixtureNotWritten(reason: "\(error)"))
        }
    }()
    private static let bigDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-progress-\(UUID().uuidString)").path

    struct FixtureNotWritten: Error, CustomStringConvertible {
        let reason: String
        var description: String { "lineage fixture pipeline could not write the 97,000-task checkpoint: \(reason)" }
    }

    static func big() throws -> String { try written.get() }

    /// `UDID<TAB>TYPE<TAB>completed|pending`, as `types` prints a task (checked field by
    /// field: a regular expression over a hundred thousand rows is slow in a debug build).
    static func isRow(_ line: String) -> Bool {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        return fields.count == 3 && isUDID(fields[0]) && ["source", "middle", "leaf", "source_leaf"].contains(fields[1])
            && (fields[2] == "completed" || fields[2] == "pending")
    }
    /// `PARENT<TAB>CHILD`, as `edges` prints an edge.
    static func isEdge(_ line: String) -> Bool {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        return fields.count == 2 && isUDID(fields[0]) && isUDID(fields[1])
    }
    static func isUDID(_ text: Substring) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    @Test("verify shows its phases on a terminal, and erases the line when done")
    func shown() throws {
        let run = try PseudoTerminal.run(["verify", CLI.fixture("four_stage")])
        #expect(run.status == 0, "\(run)")
        // Both threads announce their phases; which is drawn last depends on the scheduler.
        #expect(run.screen.contains("lineage verify: reading "), "\(run)")
        #expect(PseudoTerminal.visibleLines(run.screen).isEmpty, "\(run)")
    }

    @Test("--no-progress keeps the terminal quiet")
    func suppressed() throws {
        let run = try PseudoTerminal.run(["verify", "--no-progress", CLI.fixture("four_stage")])
        #expect(run.status == 0, "\(run)")
        #expect(run.screen.isEmpty, "\(run)")
    }

    @Test("nothing when stderr is not a terminal")
    func notATerminal() throws {
        let result = try CLI.run(["verify", CLI.fixture("four_stage")], environment: ["LINEAGE_PROGRESS_DELAY": "0"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test(
        "types and edges show progress on the terminal while stdout goes elsewhere",
        arguments: [
            ("types", "lineage types: listing tasks 66k / 97k tasks (67%)"), ("edges", "lineage edges: listing edges 66k / 128k edges"),
        ])
    func listingElsewhere(command: String, expected: String) throws {
        let run = try PseudoTerminal.run([command, "-c", try Self.big()])
        #expect(run.status == 0, "\(run)")
        #expect(run.screen.contains(expected), "\(run)")
        #expect(PseudoTerminal.visibleLines(run.screen).isEmpty, "\(run)")
    }

    @Test("with stdout on the same terminal, every line shown is a row: progress never joins the data")
    func listingOnTerminal() throws {
        let types = try PseudoTerminal.run(["types", "-c", try Self.big()], stdout: .terminal)
        #expect(types.status == 0, "\(types)")
        let rows = PseudoTerminal.visibleLines(types.screen)
        #expect(rows.count == 97_000)
        #expect(rows.allSatisfy(Self.isRow), "\(rows.first { !Self.isRow($0) } ?? "")")

        let edges = try PseudoTerminal.run(["edges", "-c", try Self.big()], stdout: .terminal)
        #expect(edges.status == 0, "\(edges)")
        let lines = PseudoTerminal.visibleLines(edges.screen)
        #expect(lines.count > 65_536)
        #expect(lines.allSatisfy(Self.isEdge), "\(lines.first { !Self.isEdge($0) } ?? "")")
    }

    @Test("verify and export-dot on the same terminal: progress while reading, erased before the first line of output")
    func reportOnTerminal() throws {
        let verify = try PseudoTerminal.run(["verify", try Self.big()], stdout: .terminal)
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.screen.contains("lineage verify: reading"), "\(verify)")
        let report = PseudoTerminal.visibleLines(verify.screen)
        #expect(report.first?.hasPrefix(try Self.big()) == true, "\(report)")
        #expect(!report.contains { $0.contains("lineage verify:") }, "\(report)")
        #expect(report.last?.hasPrefix("verdict: OK") == true, "\(report)")

        let export = try PseudoTerminal.run(["export-dot", "-c", try Self.big(), "--max-nodes", "100000"], stdout: .terminal)
        #expect(export.status == 0, "\(export)")
        #expect(export.screen.contains("lineage export-dot: reading task_type"), "\(export)")
        let dot = PseudoTerminal.visibleLines(export.screen)
        #expect(dot.first == "digraph lineage {", "\(dot.prefix(3))")
        #expect(dot.last == "}")
        #expect(!dot.contains { $0.contains("lineage export-dot:") })
    }

    @Test("export-dot shows reading and writing progress while its output goes to a file")
    func exportProgress() throws {
        let run = try PseudoTerminal.run(["export-dot", "-c", try Self.big(), "--max-nodes", "100000"])
        #expect(run.status == 0, "\(run)")
        #expect(run.screen.contains("lineage export-dot: reading task_type 66k / 97k tasks"), "\(run)")
        #expect(run.screen.contains("lineage export-dot: reading out_edges"), "\(run)")
        #expect(run.screen.contains("lineage export-dot: writing DOT"), "\(run)")
        #expect(PseudoTerminal.visibleLines(run.screen).isEmpty, "\(run)")
    }

    @Test("TERM=dumb or unset: progress with \\r and spaces only, no escape sequence", arguments: ["dumb", nil] as [String?])
    func dumbTerminal(term: String?) throws {
        let run = try PseudoTerminal.run(["verify", try Self.big()], term: term)
        #expect(run.status == 0, "\(run)")
        // Both threads announce their phases; which is drawn last depends on the scheduler.
        #expect(run.screen.contains("lineage verify: reading "), "\(run)")
        #expect(!run.screen.contains("\u{1b}"), "\(run)")
        #expect(PseudoTerminal.visibleLines(run.screen).isEmpty, "\(run)")
    }

    @Test("the line is cut to the terminal's width, so it never wraps")
    func narrow() throws {
        let run = try PseudoTerminal.run(["verify", try Self.big()], columns: 30)
        #expect(run.status == 0, "\(run)")
        let drawn = run.screen.replacingOccurrences(of: "\u{1b}[K", with: "").split(separator: "\r")
        #expect(!drawn.isEmpty)
        #expect(drawn.allSatisfy { $0.count < 30 }, "\(drawn.max { $0.count < $1.count } ?? "")")
        #expect(run.screen.contains("lineage verify: reading"), "\(run)")
    }

    @Test("with several paths verify's progress names the file")
    func namesTheFile() throws {
        let first = CLI.fixture("four_stage")
        let second = CLI.fixture("partial_completion")
        let run = try PseudoTerminal.run(["verify", first, second])
        #expect(run.status == 0, "\(run)")
        #expect(run.screen.contains("lineage verify: \(first): reading "), "\(run)")
        #expect(run.screen.contains("lineage verify: \(second): reading "), "\(run)")
    }

    @Test(
        "an interrupt erases the progress line and the process dies of the signal (the shell's 130 / 143)",
        arguments: [(SIGINT, "xterm"), (SIGTERM, "xterm"), (SIGINT, "dumb")] as [(Int32, String)])
    func interrupted(signal: Int32, term: String) throws {
        // stdout is a pipe the harness stops reading once progress is on screen, so
        // `types` is stuck mid-listing when the signal arrives.
        let run = try PseudoTerminal.run(
            ["types", "-c", try Self.big()], stdout: .pipe, term: term,
            interrupt: (signal, { $0.contains("lineage types: listing tasks") }))
        #expect(run.killedBySignal, "\(run)")
        #expect(run.status == signal, "\(run)")
        #expect(run.screen.contains("lineage types: listing tasks"), "\(run)")
        #expect(PseudoTerminal.visibleLines(run.screen).isEmpty, "\(run)")
        #expect(!run.stdout.isEmpty)
    }
}

/// Scripts can pass `--no-progress` to every command, whether or not it ever shows progress.
@Suite("--no-progress everywhere")
struct NoProgressFlagTests {
    @Test(
        "every subcommand accepts --no-progress",
        arguments: [
            ["show", "-c", CLI.fixture("four_stage"), "5fec"],
            ["edges", "-c", CLI.fixture("four_stage")],
            ["types", "-c", CLI.fixture("four_stage")],
            ["verify", CLI.fixture("four_stage")],
            ["export-dot", "-c", CLI.fixture("four_stage")],
            ["udid", "0_1"],
            ["fixture", "four-stage", "OUT"],
            ["fixture", "named", "four_stage", "OUT"],
            ["fixture", "pipeline", "--roots", "2", "OUT"],
        ])
    func accepted(arguments: [String]) throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("out.mdb").path
            let result = try CLI.run(arguments.map { $0 == "OUT" ? out : $0 } + ["--no-progress"])
            #expect(result.status == 0, "\(result)")
            #expect(!result.stdout.isEmpty)
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
    }
}

import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// How every command takes its checkpoint and reports usage mistakes.
@Suite("Input handling")
struct InputHandlingTests {
    static let fourStage = CLI.fixture("four_stage")

    @Test(
        "a mistyped option is reported (with its suggestion) before the missing checkpoint",
        arguments: [
            (["types", "--sumary"], "--sumary", "--summary"),
            (["show", "--fromat", "json", "ffda"], "--fromat", "--format"),
            (["edges", "--chld", "ffda"], "--chld", "--child"),
            (["verify", "--max-exampels", "2"], "--max-exampels", "--max-examples"),
        ])
    func unknownOptionFirst(arguments: [String], typo: String, suggestion: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("lineage: Unknown option '\(typo)'. Did you mean '\(suggestion)'?"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("\nTry 'lineage \(arguments[0]) --help' for the usage.\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("No checkpoint given"))
    }

    @Test("with no checkpoint at all, the command says so with its usage line (64)", arguments: [["types"], ["show", "ffda"], ["verify"]])
    func noCheckpoint(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr == "lineage: No checkpoint given: pass -c PATH or set LINEAGE_CHECKPOINT.\nTry 'lineage \(arguments[0]) --help' for the usage.\n")
    }

    @Test(
        "the checkpoint as the only operand reads like -c, -cPATH and LINEAGE_CHECKPOINT",
        arguments: [
            ["types"], ["types", "--summary"], ["edges"], ["export-dot"], ["verify"],
        ])
    func operand(arguments: [String]) throws {
        let withOption = try CLI.run(arguments + ["-c", Self.fourStage])
        #expect(withOption.status == 0, "\(withOption)")
        #expect(!withOption.stdout.isEmpty)
        for other in [
            try CLI.run(arguments + [Self.fourStage]),
            try CLI.run([arguments[0], Self.fourStage] + arguments.dropFirst()),
            try CLI.run(arguments + ["-c" + Self.fourStage]),
            try CLI.run(arguments, environment: ["LINEAGE_CHECKPOINT": Self.fourStage]),
        ] {
            #expect(other.status == 0, "\(other)")
            #expect(other.stdout == withOption.stdout, "\(arguments)")
        }
    }

    @Test("-c and an operand at once is a usage error, except for verify", arguments: [["types"], ["edges"], ["export-dot"]])
    func both(arguments: [String]) throws {
        let result = try CLI.run(arguments + [Self.fourStage, "-c", Self.fourStage])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("either with -c or as an argument"), "\(result.stderr)")
    }

    @Test("verify -c A B audits A and B, in that order")
    func verifyTakesEveryPath() throws {
        let other = CLI.fixture("partial_completion")
        let result = try CLI.run(["verify", "-c", Self.fourStage, other, "--format", "jsonl"])
        #expect(result.status == 0, "\(result)")
        #expect(try result.jsonLines().map { $0["checkpoint"] as? String } == [Self.fourStage, other])
    }

    @Test("a stale LINEAGE_CHECKPOINT is named as the source of the missing path", arguments: [["types"], ["show", "ffda"], ["verify"]])
    func staleEnvironment(arguments: [String]) throws {
        try withTemporaryDirectory { directory in
            let gone = directory.appendingPathComponent("gone.mdb").path
            let result = try CLI.run(arguments, environment: ["LINEAGE_CHECKPOINT": gone])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("lineage: \(gone) (from LINEAGE_CHECKPOINT): no such file"), "\(result.stderr)")
            // Given with -c, the same path is not blamed on the variable.
            let direct = try CLI.run(arguments + ["-c", gone])
            #expect(direct.status == 2)
            #expect(!direct.stderr.contains("LINEAGE_CHECKPOINT)"), "\(direct.stderr)")
        }
    }

    @Test(
        "bare lineage and lineage help WORD for an unknown word are usage errors (64)",
        arguments: [[], ["help", "nosuch"], ["help", "show", "nosuch"]])
    func noCommand(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("lineage: ") && result.stderr.hasSuffix("\nTry 'lineage --help' for the usage.\n"), "\(result.stderr)")
        if let word = arguments.last { #expect(result.stderr.contains("'\(word)'")) }
        let help = try CLI.run(["help", "show"])
        #expect(help.status == 0)
        #expect(help.text.contains("USAGE: lineage show"))
    }

    @Test(
        "negative counts get a range message, not 'Missing value'",
        arguments: [
            (["export-dot", "-c", fourStage, "--around", "ffda", "--depth", "-1"], "--depth must be 0 or more (got -1)"),
            (["export-dot", "-c", fourStage, "--max-nodes", "-5"], "--max-nodes must be at least 1 (got -5)"),
            (["verify", fourStage, "--max-examples", "-1"], "--max-examples must be 0 or more (got -1)"),
        ])
    func ranges(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("lineage: \(message)."), "\(result.stderr)")
    }

    @Test("--max-examples 0 shows the counts only: no example, no '... and N more' line")
    func noExamples() throws {
        try withTemporaryDirectory { directory in
            let bad = try ReportSchemaTests.badTypeCopy(in: directory)
            let result = try CLI.run(["verify", bad, "--max-examples", "0"])
            #expect(result.status == 1, "\(result)")
            #expect(result.text.contains("FAIL  type-values        1 violation"))
            #expect(!result.text.contains("... and"), "\(result.text)")
            #expect(!result.text.lines.contains { $0.hasPrefix("          - ") }, "\(result.text)")
            let one = try CLI.run(["verify", bad, "--max-examples", "1"])
            #expect(one.text.lines.contains { $0.hasPrefix("          - [task_type] ") }, "\(one.text)")
        }
    }

    @Test("lineage paths have no leading zeros: udid and show --path refuse 00 and 0_01 alike", arguments: ["00", "0_01", "007"])
    func leadingZeros(path: String) throws {
        for arguments in [["udid", path], ["show", "-c", Self.fourStage, "--path", path]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.stderr.contains("without leading zeros"), "\(result.stderr)")
        }
        #expect(try CLI.run(["udid", "10_0"]).status == 0)
    }

    @Test("the empty lineage path is accepted by udid and show --path alike")
    func emptyPath() throws {
        let udid = try CLI.run(["udid", ""])
        #expect(udid.status == 0)
        let expected = UDID(lineagePath: "").string
        #expect(udid.text == expected + "\n")
        // No fixture records the untracked root: show looks it up and says so (exit 1).
        let show = try CLI.run(["show", "-c", Self.fourStage, "--path", ""])
        #expect(show.status == 1, "\(show)")
        #expect(show.stderr.contains(expected), "\(show.stderr)")
    }

    @Test("a --junit path that is a directory or in a missing directory is refused before the audit, exit 64; --junit - is stdout")
    func junitDirectory() throws {
        try withTemporaryDirectory { directory in
            for (target, words) in [
                (directory.path, "is a directory"), (directory.appendingPathComponent("no/such/r.xml").path, "does not exist"),
            ] {
                let result = try CLI.run(["verify", Self.fourStage, "--junit", target])
                #expect(result.status == 64 && result.text.isEmpty, "\(result)")
                #expect(result.stderr.hasPrefix("lineage: \(target): cannot write the JUnit report"), "\(result.stderr)")
                #expect(result.stderr.contains(words), "\(result.stderr)")
                #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("could not be completed"))
            }
            let stdout = try CLI.run(["verify", Self.fourStage, "--junit", "-"])
            #expect(stdout.status == 0 && stdout.text.hasPrefix("<?xml") && stdout.text.contains("tests=\"12\" failures=\"0\""), "\(stdout)")
            #expect(!FileManager.default.fileExists(atPath: "-"))
            #expect(try CLI.run(["verify", Self.fourStage, "--junit", "-", "--format", "jsonl"]).status == 64)
        }
    }

    @Test("a mistyped command gets a suggestion, as a mistyped option does; one error style for usage and runtime errors")
    func mistypedCommand() throws {
        for (typo, suggestion) in [("stauts", "status"), ("sho", "show"), ("verfy", "verify"), ("expor-dot", "export-dot"), ("decendants", "descendants")] {
            let result = try CLI.run([typo, Self.fourStage])
            #expect(result.status == 64 && result.stdout.isEmpty, "\(result)")
            #expect(result.stderr == "lineage: Unknown command '\(typo)'. Did you mean '\(suggestion)'?\nTry 'lineage --help' for the usage.\n", "\(result.stderr)")
        }
        let unknown = try CLI.run(["xyzzy"])
        #expect(unknown.stderr == "lineage: Unknown command 'xyzzy'.\nTry 'lineage --help' for the usage.\n", "\(unknown.stderr)")
        // Usage errors and runtime errors start alike.
        let runtime = try CLI.run(["types", Self.fourStage + ".missing"])
        #expect(runtime.status == 2 && runtime.stderr.hasPrefix("lineage: "), "\(runtime)")
        let parser = try CLI.run(["types", Self.fourStage, "--format", "xml"])
        #expect(parser.status == 64 && parser.stderr.hasPrefix("lineage: ") && !parser.stderr.contains("Usage:"), "\(parser)")
    }
}

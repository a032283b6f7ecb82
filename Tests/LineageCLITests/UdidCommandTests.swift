import Foundation
import LineageTestSupport
import Testing

@Suite("lineage udid")
struct UdidCommandTests {
    @Test(
        "udid prints the udid of a lineage path",
        arguments: [
            ("0", "5feceb66ffc86f38d952786c6d696c79"),
            ("0_0_1_0_2_0_0_0", "5e3e6bbf1900f330afb3cc0ab7dac194"),
        ])
    func udid(path: String, expected: String) throws {
        let result = try CLI.run(["udid", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.text == expected + "\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("udid agrees with every lineage path of every fixture", arguments: CLI.fixtureNames)
    func udidOfFixturePaths(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        for (path, udid) in fixture.paths where !path.isEmpty {
            #expect(try CLI.run(["udid", path]).text == udid + "\n", "\(path)")
        }
    }

    @Test("udid of the empty path is the untracked root's")
    func emptyPath() throws {
        let result = try CLI.run(["udid", ""])
        #expect(result.status == 0, "\(result)")
        // SHA-256 of no bytes, first 32 hex digits.
        #expect(result.text == "e3b0c44298fc1c149afbf4c8996fb924\n")
    }

    @Test("udid of a malformed path is a usage error", arguments: ["a", "0_", "_0", "0__1", "0-1", "1.5", "-1"])
    func badPath(path: String) throws {
        let result = try CLI.run(["udid", path])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }
}

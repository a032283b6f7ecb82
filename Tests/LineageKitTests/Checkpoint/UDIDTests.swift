import LineageKit
import LineageTestSupport
import Testing

@Suite("UDID and LineagePath")
struct UDIDTests {
    @Test(
        "the examples of the format",
        arguments: [
            ("0", "5feceb66ffc86f38d952786c6d696c79"),
            ("0_0_1_0_2_0_0_0", "5e3e6bbf1900f330afb3cc0ab7dac194"),
        ])
    func formatExamples(path: String, udid: String) {
        #expect(UDID(lineagePath: path).string == udid)
        #expect(UDID(lineagePath: path).short == String(udid.prefix(8)))
    }

    @Test(
        "only 32 lowercase hex digits make a udid",
        arguments: [
            "", "5feceb66", "5FECEB66FFC86F38D952786C6D696C79", "5feceb66ffc86f38d952786c6d696c7g",
            "5feceb66ffc86f38d952786c6d696c790", " 5feceb66ffc86f38d952786c6d696c7",
        ])
    func malformed(text: String) {
        #expect(UDID(text) == nil)
        #expect(UDID(bytes: Array(text.utf8)) == nil)
    }

    @Test func wellFormed() {
        #expect(UDID("5feceb66ffc86f38d952786c6d696c79")?.string == "5feceb66ffc86f38d952786c6d696c79")
    }

    @Test("a child's path joins its parents' paths, dropping empty ones")
    func childPaths() {
        #expect(LineagePath.child(of: ["0_1", "2"], index: 3) == "0_1_2_3")
        #expect(LineagePath.child(of: [""], index: 0) == "0")
        #expect(LineagePath.child(of: [], index: 4) == "4")
    }

    @Test(
        "lineage path syntax",
        arguments: [
            ("0", true), ("0_0_1", true), ("12_345", true), ("10_0", true), ("", true),
            ("00", false), ("0_01", false), ("007", false), ("_", false), ("0_", false), ("_0", false), ("0__1", false), ("a", false), ("0-1", false),
            ("0 1", false),
        ])
    func pathSyntax(text: String, valid: Bool) {
        #expect(LineagePath.isValid(text) == valid)
    }

    @Test(
        "a udid prefix is 4 to 32 hex digits in any case, kept lowercase",
        arguments: [
            ("5fec", "5fec"), ("5FECEB66", "5feceb66"), ("5feceb66ffc86f38d952786c6d696c79", "5feceb66ffc86f38d952786c6d696c79"),
            ("5fe", nil), ("5fecx", nil), ("", nil), ("5feceb66ffc86f38d952786c6d696c790", nil), ("5fec 1", nil),
        ])
    func prefixes(text: String, digits: String?) {
        let prefix = UDIDPrefix(text)
        #expect(prefix?.digits == digits)
        #expect((prefix?.udid != nil) == (digits?.count == 32))
    }

    @Test("UDID(lineagePath:) gives the udid the writer recorded for every path", arguments: FixtureExpectation.names)
    func lineagePaths(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        for (path, udid) in fixture.paths {
            #expect(LineagePath.isValid(path) || path.isEmpty, "\(path)")
            #expect(UDID(lineagePath: path).string == udid, "path \(path)")
        }
    }
}

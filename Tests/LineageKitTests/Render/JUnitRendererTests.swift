import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("JUnit XML")
struct JUnitRendererTests {
    @Test("the JUnit document of sound, failed and unreadable checkpoints is well-formed XML with the right counts")
    func wellFormed() throws {
        let fixture = try FixtureExpectation.load("partial_completion")
        let sound = try Verifier.verify(path: fixture.checkpoint.path)
        var failed = sound
        failed.checks[1].status = .failed
        failed.checks[1].violations = 2
        failed.checks[1].examples = [
            Finding(
                check: failed.checks[1].id, problem: .badKey(.inEdges, key: Array("<bad> & \"quoted\" \u{1b} 'key'".utf8)), database: "in_edges",
                page: 3)
        ]
        failed.checks[2].status = .notRun
        failed.checks[2].notes = [.extraSubDatabases(["<in_edges>"])]
        let hostilePath = "/tmp/<a&b>\"c'\u{1}.mdb"
        let xml = JUnitRenderer.render(
            [
                VerifyEntry(outcome: .report(sound), message: nil, exitCode: 0), VerifyEntry(outcome: .report(failed), message: nil, exitCode: 1),
                VerifyEntry(
                    outcome: .unreadable(path: hostilePath, reason: .checkpoint(.missing(path: hostilePath))),
                    message: "\(hostilePath): not a readable LMDB checkpoint <x>", exitCode: 2),
            ], suiteName: "lineage verify")
        let checks = sound.checks.count
        #if canImport(FoundationXML)
            let document = try XMLDocument(xmlString: xml, options: [])
            let root = try #require(document.rootElement())
            #expect(root.name == "testsuites")
            #expect(root.attribute(forName: "tests")?.stringValue == "\(2 * checks + 1)")
            #expect(root.attribute(forName: "failures")?.stringValue == "1")
            #expect(root.attribute(forName: "errors")?.stringValue == "1")
            #expect(root.attribute(forName: "skipped")?.stringValue == "1")
            let suites = root.elements(forName: "testsuite")
            #expect(suites.count == 3)
            #expect(suites.map { $0.elements(forName: "testcase").count } == [checks, checks, 1])
            let failure = try #require(try document.nodes(forXPath: "//failure").first as? XMLElement)
            #expect(failure.stringValue?.contains("[in_edges, page 3] key \"<bad> & \\\"quoted\\\"") == true)
            #expect(failure.attribute(forName: "type")?.stringValue == failed.checks[1].id.rawValue)
            let skipped = try #require(try document.nodes(forXPath: "//skipped").first as? XMLElement)
            #expect(skipped.attribute(forName: "message")?.stringValue == "extra sub-databases (suspicious, not fatal): \"<in_edges>\"")
            let error = try #require(try document.nodes(forXPath: "//error").first as? XMLElement)
            #expect(error.attribute(forName: "message")?.stringValue?.contains("<x>") == true)
            #expect(suites[2].attribute(forName: "name")?.stringValue?.contains("<a&b>\"c'") == true)
        #else
            Issue.record("FoundationXML is not available to check the JUnit XML")
        #endif
    }
}

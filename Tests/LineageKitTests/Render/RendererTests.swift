import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Renderers")
struct RendererTests {
    @Test("show --format json of every task parses and equals the fixture record", arguments: FixtureExpectation.names)
    func recordJSON(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let checkpoint = try Checkpoint(path: fixture.checkpoint.path)
        for (udid, expected) in fixture.records {
            let id = try #require(UDID(udid))
            let record = try #require(try checkpoint.read { try $0.record(id) })
            let json = JSONRenderer.record(record, lineagePath: "0_1")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["udid"] as? String == udid)
            #expect(object["task_type"] as? String == expected.taskType)
            #expect(object["completed"] as? Bool == expected.completed)
            #expect(object["parents"] as? [String] == expected.parents)
            #expect(object["children"] as? [String] == expected.children)
            #expect(object["lineage_path"] as? String == "0_1")
            // The text view: one line per field and per neighbour.
            let text = TextRenderer.record(record)
            #expect(text.split(separator: "\n").count == 5 + expected.parents.count + expected.children.count)
            #expect(text.contains("type       \(expected.taskType)"))
            #expect(text.contains("completed  \(expected.completed ? "yes" : "no")"))
        }
    }

    @Test("a record with hostile bytes still renders valid JSON and a fixed number of text lines")
    func hostileRecord() throws {
        // What String(decoding:as:) makes of a damaged key: ASCII specials and controls.
        let hostile = "a\"b\\c\nd\re\tf\u{0}\u{1}\u{1b}\u{7f}"
        let record = TaskRecord(
            udid: hostile, typeName: hostile, completed: false,
            parents: [TaskSummary(udid: hostile, typeName: nil, completed: true)], children: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.record(record).utf8)) as? [String: Any])
        #expect(object["udid"] as? String == hostile)
        #expect(object["parents"] as? [String] == [hostile])
        #expect(TextRenderer.record(record).split(separator: "\n", omittingEmptySubsequences: false).count == 6)
    }

    @Test("a checkpoint path with non-ASCII characters comes back unchanged from the verify JSON")
    func nonASCIIPath() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        var report = try Verifier.verify(path: fixture.checkpoint.path)
        report = AuditReport(
            checkpoint: "/data/café ✓/ckpt.mdb", tasks: report.tasks, edges: report.edges, completed: report.completed, checks: report.checks)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.audit(report).utf8)) as? [String: Any])
        #expect(object["checkpoint"] as? String == "/data/café ✓/ckpt.mdb")
        let unreadable = JSONRenderer.unreadable(path: "/data/café/x.mdb", message: "/data/café/x.mdb: no such file")
        let error = try #require(try JSONSerialization.jsonObject(with: Data(unreadable.utf8)) as? [String: Any])
        #expect(error["checkpoint"] as? String == "/data/café/x.mdb")
        #expect(error["error"] as? String == "/data/café/x.mdb: no such file")
    }

    @Test("types --summary renders the counts as text and as JSON", arguments: FixtureExpectation.names)
    func typeSummary(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let summary = try Checkpoint(path: fixture.checkpoint.path).read { try $0.typeSummary() }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.typeSummary(summary).utf8)) as? [String: Any])
        let done = fixture.records.values.filter(\.completed).count
        #expect(object["total"] as? Int == fixture.records.count)
        #expect(object["completed"] as? Int == done)
        #expect(object["pending"] as? Int == fixture.records.count - done)
        let types = try #require(object["types"] as? [String: [String: Int]])
        for type in TaskType.allCases {
            let ofType = fixture.records.values.filter { $0.taskType == type.rawValue }
            #expect(types[type.rawValue]?["total"] == ofType.count, "\(type.rawValue)")
            #expect(types[type.rawValue]?["completed"] == ofType.filter(\.completed).count)
        }
        let lines = TextRenderer.typeSummary(summary).split(separator: "\n")
        #expect(lines.count == 6)
        let total = lines.last.map { $0.split(separator: " ").map(String.init) }
        #expect(total == ["total", "\(done)", "\(fixture.records.count - done)", "\(fixture.records.count)"])
    }

    @Test("verify --format json parses with schema_version 1 and every check", arguments: FixtureExpectation.names)
    func auditJSON(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let report = try Verifier.verify(path: fixture.checkpoint.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.audit(report).utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        #expect(object["ok"] as? Bool == true)
        #expect(object["checkpoint"] as? String == fixture.checkpoint.path)
        #expect(object["tasks"] as? Int == fixture.records.count)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["id"] as? String } == report.checks.map(\.id.rawValue))
        #expect(checks.allSatisfy { $0["status"] as? String == "passed" && $0["passed"] as? Bool == true })
        #expect(TextRenderer.audit(report).hasSuffix("verdict: OK, all \(report.checks.count) checks passed"))
    }
}

@Suite("DOT through Graphviz", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "needs /usr/bin/dot (graphviz)"))
struct DOTRendererTests {
    /// Runs `dot -Tsvg` on `text`: exit status, SVG, stderr.
    static func dot(_ text: String) throws -> (status: Int32, svg: String, errors: String) {
        try withTemporaryDirectory { directory in
            let input = directory.appendingPathComponent("graph.dot")
            try Data(text.utf8).write(to: input)
            let result = try runProcess(URL(fileURLWithPath: "/usr/bin/dot"), ["-Tsvg", input.path])
            return (result.status, result.text, result.stderr)
        }
    }

    @Test("every fixture's DAG renders with dot and shows every task", arguments: FixtureExpectation.names)
    func fixtures(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let graph = try Checkpoint(path: fixture.checkpoint.path).read { try $0.wholeGraph(maxNodes: 2000) }
        let result = try Self.dot(DOTRenderer.render(graph, title: "\(name): \(graph.tasks.count) tasks"))
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty, "\(result.errors)")
        for udid in fixture.udids { #expect(result.svg.contains(String(udid.prefix(8))), "\(udid) missing from the SVG") }
        // One SVG node per task plus the five legend samples, one SVG edge per edge (the legend's layout edges are invisible).
        #expect(result.svg.components(separatedBy: "class=\"node\"").count - 1 == fixture.records.count + 5)
        #expect(result.svg.components(separatedBy: "class=\"edge\"").count - 1 == fixture.edges.count)
    }

    @Test("a hostile title and udid with quotes, backslashes, newlines and control bytes still render")
    func hostile() throws {
        let nasty = "x\" ];\n digraph evil { \"\\\\\u{1b}\u{7f}\r\t<b>&amp;</b>\\"
        let graph = Subgraph(
            tasks: [
                TaskSummary(udid: nasty, typeName: "middle", completed: false),
                TaskSummary(udid: "5feceb66ffc86f38d952786c6d696c79", typeName: nasty, completed: true),
            ],
            edges: [(nasty, "5feceb66ffc86f38d952786c6d696c79")],
            focus: nasty)
        let text = DOTRenderer.render(graph, title: nasty)
        let result = try Self.dot(text)
        #expect(result.status == 0, "\(result.errors)\n\(text)")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.svg.components(separatedBy: "class=\"node\"").count - 1 == 2 + 5)
        #expect(result.svg.components(separatedBy: "class=\"edge\"").count - 1 == 1)
        #expect(result.svg.contains("5feceb66"))
    }
}

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
        failed.checks[2].note = .extraSubDatabases(["<in_edges>"])
        let hostilePath = "/tmp/<a&b>\"c'\u{1}.mdb"
        let xml = JUnitRenderer.render([
            .report(sound), .report(failed), .unreadable(path: hostilePath, message: "\(hostilePath): not a readable LMDB checkpoint <x>"),
        ])
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

import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

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
            // Each neighbour as {udid, task_type, completed}.
            for (key, udids) in [("parents", expected.parents), ("children", expected.children)] {
                let neighbours = try #require(object[key] as? [[String: Any]])
                #expect(neighbours.map { $0["udid"] as? String } == udids)
                #expect(neighbours.map { $0["task_type"] as? String } == udids.map { fixture.records[$0]?.taskType })
                #expect(neighbours.map { $0["completed"] as? Bool } == udids.map { fixture.records[$0]?.completed })
            }
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
        let parents = try #require(object["parents"] as? [[String: Any]])
        #expect(parents.map { $0["udid"] as? String } == [hostile])
        #expect(parents.first?["task_type"] is NSNull)
        #expect(TextRenderer.record(record).split(separator: "\n", omittingEmptySubsequences: false).count == 6)
    }

    @Test("a checkpoint path with non-ASCII characters comes back unchanged from the verify JSON")
    func nonASCIIPath() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        var report = try Verifier.verify(path: fixture.checkpoint.path)
        report = VerifyReport(checkpoint: "/data/café ✓/ckpt.mdb", subject: report.subject, checks: report.checks)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.audit(report, exitCode: 0).utf8)) as? [String: Any])
        #expect(object["checkpoint"] as? String == "/data/café ✓/ckpt.mdb")
        let unreadable = JSONRenderer.unreadable(path: "/data/café/x.mdb", kind: "unknown", message: "/data/café/x.mdb: no such file", exitCode: 2)
        let error = try #require(try JSONSerialization.jsonObject(with: Data(unreadable.utf8)) as? [String: Any])
        #expect(error["checkpoint"] as? String == "/data/café/x.mdb")
        #expect(error["error"] as? String == "/data/café/x.mdb: no such file")
    }

    @Test("types --summary renders the counts as text and as JSON", arguments: FixtureExpectation.names)
    func typeSummary(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let summary = try Checkpoint(path: fixture.checkpoint.path).read { try $0.typeSummary() }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.typeSummary(summary, checkpoint: fixture.checkpoint.path).utf8)) as? [String: Any])
        let done = fixture.records.values.filter(\.completed).count
        #expect(object["total"] as? Int == fixture.records.count)
        #expect(object["completed"] as? Int == done)
        #expect(object["pending"] as? Int == fixture.records.count - done)
        #expect(object["schema_version"] as? Int == 1 && object["kind"] as? String == "dag")
        let types = try #require(object["by_type"] as? [String: [String: Int]])
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

    @Test("a verify report parses with schema_version 4, kind dag and every check", arguments: FixtureExpectation.names)
    func auditJSON(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let report = try Verifier.verify(path: fixture.checkpoint.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.audit(report, exitCode: 0).utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 4)
        #expect(object["kind"] as? String == "dag")
        #expect(object["ok"] as? Bool == true)
        #expect(object["checkpoint"] as? String == fixture.checkpoint.path)
        #expect(object["tasks"] as? Int == fixture.records.count)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["id"] as? String } == report.checks.map(\.id.rawValue))
        #expect(checks.allSatisfy { $0["status"] as? String == "passed" && $0["passed"] as? Bool == true })
        #expect(TextRenderer.audit(report).hasSuffix("verdict: OK, all \(report.checks.count) checks passed"))
    }
}

import Foundation
import LineageTestSupport
import Testing

@Suite("lineage types")
struct TypesCommandTests {
    /// `udid\ttype\tcompleted|pending` for the fixture's tasks passing `filter`, sorted.
    static func expectedLines(_ fixture: FixtureExpectation, _ filter: (FixtureExpectation.Record) -> Bool = { _ in true }) -> [String] {
        fixture.udids.compactMap { udid in
            let record = fixture.records[udid]!
            return filter(record) ? "\(udid)\t\(record.taskType)\t\(record.completed ? "completed" : "pending")" : nil
        }
    }

    @Test("types lists every task with its type and completion in text, jsonl and json", arguments: CLI.fixtureNames)
    func everyTask(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let text = try CLI.run(["types", "-c", fixture.path])
        #expect(text.status == 0, "\(text)")
        #expect(text.text.lines == Self.expectedLines(fixture))

        for format in ["jsonl", "json"] {
            let result = try CLI.run(["types", "-c", fixture.path, "--format", format])
            #expect(result.status == 0, "\(result)")
            let objects: [[String: Any]]
            if format == "json" {
                objects = try result.records("tasks")
            } else {
                objects = try result.recordLines()
            }
            let lines = objects.map {
                "\($0["udid"] as? String ?? "")\t\($0["task_type"] as? String ?? "")\t\(($0["completed"] as? Bool) == true ? "completed" : "pending")"
            }
            #expect(lines == Self.expectedLines(fixture), "\(format)")
        }
    }

    @Test("--type, --completed and --pending filter the list", arguments: CLI.fixtureNames)
    func filters(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        for type in ["source", "middle", "leaf", "source_leaf"] {
            let result = try CLI.run(["types", "-c", fixture.path, "--type", type])
            #expect(result.status == 0, "\(result)")
            #expect(result.text.lines == Self.expectedLines(fixture) { $0.taskType == type }, "\(type)")
        }
        let completed = try CLI.run(["types", "-c", fixture.path, "--completed"])
        #expect(completed.text.lines == Self.expectedLines(fixture) { $0.completed })
        let pending = try CLI.run(["types", "-c", fixture.path, "--pending", "--format", "json"])
        #expect(
            (try pending.records("tasks")).compactMap { $0["udid"] as? String }
                == fixture.udids.filter { fixture.records[$0]?.completed == false })
        let leavesDone = try CLI.run(["types", "-c", fixture.path, "--type", "leaf", "--completed"])
        #expect(leavesDone.text.lines == Self.expectedLines(fixture) { $0.taskType == "leaf" && $0.completed })
    }

    @Test("--summary counts per type and completion, as text and JSON", arguments: CLI.fixtureNames)
    func summary(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let records = Array(fixture.records.values)
        let done = records.filter(\.completed).count
        let text = try CLI.run(["types", "-c", fixture.path, "--summary"])
        #expect(text.status == 0, "\(text)")
        let rows = Dictionary(
            uniqueKeysWithValues: text.text.lines.dropFirst().map { line -> (String, [String]) in
                let fields = line.split(separator: " ").map(String.init)
                return (fields[0], Array(fields.dropFirst()))
            })
        for type in ["source", "middle", "leaf", "source_leaf"] {
            let ofType = records.filter { $0.taskType == type }
            let c = ofType.filter(\.completed).count
            #expect(rows[type] == ["\(c)", "\(ofType.count - c)", "\(ofType.count)"], "\(type)")
        }
        #expect(rows["total"] == ["\(done)", "\(records.count - done)", "\(records.count)"])

        let json = try CLI.run(["types", "-c", fixture.path, "--summary", "--format", "json"])
        let object = try #require(try json.json() as? [String: Any], "\(json)")
        #expect(object["total"] as? Int == records.count)
        #expect(object["completed"] as? Int == done)
        #expect(object["pending"] as? Int == records.count - done)
        let types = try #require(object["by_type"] as? [String: [String: Int]])
        for type in ["source", "middle", "leaf", "source_leaf"] {
            let ofType = records.filter { $0.taskType == type }
            #expect(
                types[type] == [
                    "completed": ofType.filter(\.completed).count, "pending": ofType.filter { !$0.completed }.count, "total": ofType.count,
                ])
        }
    }

    @Test("--summary counts only the tasks the filters keep, as the docs say", arguments: CLI.fixtureNames)
    func summaryWithFilters(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let records = Array(fixture.records.values)
        for (filter, keep) in [
            (["--completed"], { (r: FixtureExpectation.Record) in r.completed }),
            (["--pending"], { (r: FixtureExpectation.Record) in !r.completed }),
            (["--type", "leaf"], { (r: FixtureExpectation.Record) in r.taskType == "leaf" }),
            (["--type", "middle", "--pending"], { (r: FixtureExpectation.Record) in r.taskType == "middle" && !r.completed }),
        ] {
            let result = try CLI.run(["types", "-c", fixture.path, "--summary", "--format", "json"] + filter)
            #expect(result.status == 0, "\(filter): \(result)")
            let object = try #require(try result.json() as? [String: Any], "\(filter): \(result)")
            let kept = records.filter(keep)
            #expect(object["total"] as? Int == kept.count, "\(name) \(filter)")
            #expect(object["completed"] as? Int == kept.filter(\.completed).count, "\(name) \(filter)")
            let types = try #require(object["by_type"] as? [String: [String: Int]])
            #expect(types["leaf"]?["total"] == kept.filter { $0.taskType == "leaf" }.count, "\(name) \(filter)")
        }
    }

    @Test(
        "contradictory or unknown filters are usage errors",
        arguments: [
            ["--completed", "--pending"], ["--summary", "--completed", "--pending"], ["--type", "root"],
        ])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(["types", "-c", CLI.fixture("four_stage")] + arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
    }
}

import Foundation
import LineageTestSupport
import Testing

@Suite("lineage edges")
struct EdgesCommandTests {
    @Test("edges lists exactly the fixture's edges, sorted, in text, jsonl and json", arguments: CLI.fixtureNames)
    func allEdges(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let text = try CLI.run(["edges", "-c", fixture.path])
        #expect(text.status == 0, "\(text)")
        #expect(text.stderr.isEmpty)
        #expect(text.text.lines == fixture.edgeLines)
        #expect(text.text.hasSuffix("\n") || fixture.edgeLines.isEmpty)

        let jsonl = try CLI.run(["edges", "-c", fixture.path, "--format", "jsonl"])
        #expect(jsonl.status == 0, "\(jsonl)")
        let rows = try jsonl.recordLines().map { object in "\(object["parent"] as? String ?? "")\t\(object["child"] as? String ?? "")" }
        #expect(rows == fixture.edgeLines)

        let json = try CLI.run(["edges", "-c", fixture.path, "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let array = try json.records("edges")
        #expect(array.map { "\($0["parent"] as? String ?? "")\t\($0["child"] as? String ?? "")" } == fixture.edgeLines)
    }

    @Test("--parent and --child keep the edges from and into one task", arguments: CLI.fixtureNames)
    func filters(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        for (udid, record) in fixture.records {
            let children = try CLI.run(["edges", "-c", fixture.path, "--parent", udid])
            #expect(children.status == 0, "\(children)")
            #expect(children.text.lines == record.children.map { "\(udid)\t\($0)" }, "children of \(udid)")
            let parents = try CLI.run(["edges", "-c", fixture.path, "--child", udid.uppercased(), "--format", "json"])
            #expect(parents.status == 0, "\(parents)")
            let array = try parents.records("edges")
            #expect(array.map { $0["parent"] as? String ?? "" } == record.parents, "parents of \(udid)")
            #expect(array.allSatisfy { $0["child"] as? String == udid })
        }
    }

    @Test("--parent with both ends keeps the one edge; a non-edge gives an empty list, exit 0")
    func bothEnds() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let line = try #require(fixture.edgeLines.first)
        let ends = line.split(separator: "\t").map(String.init)
        let one = try CLI.run(["edges", "-c", fixture.path, "--parent", ends[0], "--child", ends[1]])
        #expect(one.status == 0)
        #expect(one.text.lines == [line])
        let none = try CLI.run(["edges", "-c", fixture.path, "--parent", ends[1], "--child", ends[0], "--format", "json"])
        #expect(none.status == 0)
        #expect(try none.records("edges").isEmpty, "\(none)")
    }

    @Test(
        "a --parent or --child that is not a udid or a prefix of 4+ digits is a usage error",
        arguments: [
            ["--parent", "5fe"], ["--child", "zz"], ["--parent", "5feceb66ffc86f38d952786c6d696c79a"], ["--format", "xml"],
        ])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(["edges", "-c", CLI.fixture("four_stage")] + arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
    }
}

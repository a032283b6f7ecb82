import Foundation
import LineageTestSupport
import Testing

@Suite("lineage export-dot")
struct ExportDotCommandTests {
    static let dot = "/usr/bin/dot"
    static let fanIn = "ffda5213977a2f1e9422272e5baae3bb"

    /// Nodes drawn in an SVG, without the five legend samples.
    static func taskNodes(_ svg: String) -> Int { svg.components(separatedBy: "class=\"node\"").count - 1 - 5 }
    static func edges(_ svg: String) -> Int { svg.components(separatedBy: "class=\"edge\"").count - 1 }

    @Test("every fixture's export renders with dot and shows every task", arguments: CLI.fixtureNames)
    func whole(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let export = try CLI.run(["export-dot", "-c", fixture.path])
        #expect(export.status == 0, "\(export)")
        #expect(export.text.hasPrefix("digraph"))
        let svg = try CLI.tool(Self.dot, ["-Tsvg"], input: export.stdout)
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stderr.isEmpty, "\(svg.stderr)")
        for udid in fixture.udids { #expect(svg.text.contains(String(udid.prefix(8))), "\(udid)") }
        #expect(Self.taskNodes(svg.text) == fixture.records.count)
        #expect(Self.edges(svg.text) == fixture.edgeLines.count)
        #expect(svg.text.contains("\(fixture.records.count) tasks"))
    }

    @Test(
        "--around with --depth exports the neighbourhood",
        arguments: [(0, 1, 0), (1, 5, 4), (2, 8, 7), (3, 8, 7)])
    func around(depth: Int, tasks: Int, edges: Int) throws {
        let path = CLI.fixture("four_stage")
        let export = try CLI.run(["export-dot", "-c", path, "--around", Self.fanIn, "--depth", "\(depth)"])
        #expect(export.status == 0, "\(export)")
        let svg = try CLI.tool(Self.dot, ["-Tsvg"], input: export.stdout)
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(Self.taskNodes(svg.text) == tasks)
        #expect(Self.edges(svg.text) == edges)
        #expect(svg.text.contains("ffda5213"))
        #expect(svg.text.contains("\(tasks) tasks within \(depth)"))
    }

    @Test("--max-nodes below the task count refuses with exit 1 and says how many tasks")
    func tooMany() throws {
        let path = CLI.fixture("four_stage")
        let whole = try CLI.run(["export-dot", "-c", path, "--max-nodes", "3"])
        #expect(whole.status == 1, "\(whole)")
        #expect(whole.stdout.isEmpty)
        #expect(whole.stderr.contains("8 tasks"), "\(whole.stderr)")
        #expect(whole.stderr.contains(path))
        #expect(whole.stderr.contains("--max-nodes"))
        let around = try CLI.run(["export-dot", "-c", path, "--around", Self.fanIn, "--depth", "1", "--max-nodes", "3"])
        #expect(around.status == 1, "\(around)")
        #expect(around.stdout.isEmpty)
        #expect(around.stderr.contains("more than 3 tasks"), "\(around.stderr)")
        let exact = try CLI.run(["export-dot", "-c", path, "--max-nodes", "8"])
        #expect(exact.status == 0, "\(exact)")
    }

    @Test("--around a task that is not there exits 1")
    func aroundUnknown() throws {
        let result = try CLI.run(["export-dot", "-c", CLI.fixture("four_stage"), "--around", "00000000000000000000000000000000"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("00000000000000000000000000000000"))
    }

    @Test(
        "bad export-dot options are usage errors",
        arguments: [
            ["--around", "ffd"], ["--depth", "-1"], ["--max-nodes", "0"], ["--depth", "x"],
        ])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(["export-dot", "-c", CLI.fixture("four_stage")] + arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
    }
}

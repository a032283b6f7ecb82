import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("lineage export --by-stage")
struct ExportByStageTests {
    /// Groups and links computed the plain way from the DAG: stage(t) = 0 for a task
    /// without parents, else 1 + the largest stage of its parents (memoised recursion).
    static func expected(_ dag: KnownDAG) -> (groups: [String: [Int]], links: [String: Int]) {
        var stage: [String: Int] = [:]
        func stageOf(_ task: String) -> Int {
            if let known = stage[task] { return known }
            let value = (dag.oracle.parents[task] ?? []).map { stageOf($0) + 1 }.max() ?? 0
            stage[task] = value
            return value
        }
        func group(_ task: String) -> String { "s\(stageOf(task))_\(dag.tasks[task]?.type ?? "unknown")" }
        var groups: [String: [Int]] = [:]
        var links: [String: Int] = [:]
        for task in dag.oracle.tasks {
            let id = group(task)
            groups[id, default: [0, 0]][0] += 1
            if dag.tasks[task]?.completed == true { groups[id, default: [0, 0]][1] += 1 }
            for child in dag.oracle.children[task] ?? [] { links["\(id) -> \(group(child))", default: 0] += 1 }
        }
        return (groups, links)
    }

    /// The JSON export's groups (id -> [tasks, completed], with the stage checked against
    /// the id) and links ("a -> b" -> edges).
    static func exported(_ path: String) throws -> (groups: [String: [Int]], links: [String: Int], stages: Set<Int>) {
        let export = try CLI.run(["export", path, "--by-stage", "--format", "json"])
        try #require(export.status == 0, "\(export)")
        let object = try #require(try export.json() as? [String: Any])
        #expect(object["directed"] as? Bool == true)
        var groups: [String: [Int]] = [:]
        var stages = Set<Int>()
        for node in try #require(object["nodes"] as? [[String: Any]]) {
            let id = try #require(node["id"] as? String)
            let stage = try #require(node["stage"] as? Int)
            let type = try #require(node["task_type"] as? String)
            #expect(id == "s\(stage)_\(type)")
            stages.insert(stage)
            groups[id] = [try #require(node["tasks"] as? Int), try #require(node["completed"] as? Int)]
        }
        var links: [String: Int] = [:]
        for link in try #require(object["links"] as? [[String: Any]]) {
            let key = "\(try #require(link["source"] as? String)) -> \(try #require(link["target"] as? String))"
            #expect(links[key] == nil, "\(key) twice")
            links[key] = try #require(link["edges"] as? Int)
        }
        return (groups, links, stages)
    }

    @Test("four_stage_rooted: five stages, counts as computed from the records")
    func rooted() throws {
        let dag = KnownDAG(fixture: try FixtureExpectation.load("four_stage_rooted"))
        let found = try Self.exported(dag.path)
        #expect(found.stages == Set(0..<5))
        let expected = Self.expected(dag)
        #expect(found.groups == expected.groups)
        #expect(found.links == expected.links)
    }

    @Test("every fixture and recorded DAGs: groups and links as computed from the edges", arguments: CLI.fixtureNames)
    func fixtures(name: String) throws {
        let dag = KnownDAG(fixture: try FixtureExpectation.load(name))
        let found = try Self.exported(dag.path)
        let expected = Self.expected(dag)
        #expect(found.groups == expected.groups)
        #expect(found.links == expected.links)
    }

    @Test("a recorder-built DAG with joins and partial completion", arguments: [3, 17] as [UInt64])
    func recorded(seed: UInt64) throws {
        try withTemporaryDirectory { directory in
            let dag = try KnownDAG(recording: seed, count: 300, in: directory)
            let found = try Self.exported(dag.path)
            let expected = Self.expected(dag)
            #expect(found.groups == expected.groups)
            #expect(found.links == expected.links)
            #expect(found.groups.values.reduce(0) { $0 + $1[0] } == 300)
        }
    }

    @Test("DOT and Mermaid by stage: one node per group, one labelled edge per link", arguments: ["four_stage_rooted", "partial_completion"])
    func pictures(name: String) throws {
        let dag = KnownDAG(fixture: try FixtureExpectation.load(name))
        let expected = Self.expected(dag)
        let dot = try CLI.run(["export", dag.path, "--by-stage"])
        #expect(dot.status == 0, "\(dot)")
        let svg = try CLI.tool(ExportDotCommandTests.dot, ["-Tsvg"], input: dot.stdout)
        #expect(svg.status == 0 && svg.stderr.isEmpty, "\(svg.stderr)")
        #expect(ExportDotCommandTests.taskNodes(svg.text) == expected.groups.count)
        #expect(ExportDotCommandTests.edges(svg.text) == expected.links.count)
        for (id, counts) in expected.groups {
            let line = try #require(dot.text.lines.first { $0.hasPrefix("  \(id) [") }, "\(id)")
            #expect(line.contains("\(counts[0]) task"), "\(line)")
            #expect(line.contains("\\n\(counts[1]) completed"), "\(line)")
        }
        for (key, edges) in expected.links {
            #expect(dot.text.contains("  \(key) [label=\"\(edges)\", "), "\(key)")
        }
        let mermaid = try CLI.run(["export", dag.path, "--by-stage", "--format", "mermaid"])
        #expect(mermaid.status == 0, "\(mermaid)")
        for (key, edges) in expected.links {
            let ends = key.components(separatedBy: " -> ")
            #expect(mermaid.text.contains("  \(ends[0]) -->|\(edges)| \(ends[1])\n"), "\(key)")
        }
        for id in expected.groups.keys { #expect(mermaid.text.lines.filter { $0.hasPrefix("  \(id)[") || $0.hasPrefix("  \(id){") }.count == 1) }
    }
}

import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("lineage export")
struct ExportCommandTests {
    static let fanIn = "ffda5213977a2f1e9422272e5baae3bb"

    /// NetworkX reads the export with `node_link_graph(data, edges="links")` and prints
    /// what it understood: `[directed, nodes as [id, type, completed], edges as [s, t]]`.
    static let networkx = """
        import json, sys
        import networkx as nx
        g = nx.node_link_graph(json.load(open(sys.argv[1])), edges="links")
        nodes = sorted([n, d.get("task_type"), d.get("completed")] for n, d in g.nodes(data=True))
        print(json.dumps([g.is_directed(), nodes, sorted([s, t] for s, t in g.edges())]))
        """

    /// What NetworkX made of `json`: directed, nodes (id, type, completed), edges.
    static func readWithNetworkX(_ json: Data) throws -> (directed: Bool, nodes: [[String]], edges: [[String]]) {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("graph.json")
            try json.write(to: file)
            let result = try CLI.exec("/usr/bin/env", ["python3", "-c", networkx, file.path])
            try #require(result.status == 0, "python3 with networkx is needed (make test-deps): \(result)")
            let parsed = try #require(try result.json() as? [Any])
            let rows = try #require(parsed[1] as? [[Any]])
            let nodes: [[String]] = rows.map { row in row.map { "\($0)" } }
            let edges = try #require(parsed[2] as? [[String]])
            return (try #require(parsed[0] as? Bool), nodes, edges)
        }
    }

    @Test("--format json is read by NetworkX as the fixture's graph", arguments: CLI.fixtureNames)
    func jsonWithNetworkX(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let export = try CLI.run(["export", fixture.path, "--format", "json"])
        #expect(export.status == 0, "\(export)")
        let graph = try Self.readWithNetworkX(export.stdout)
        #expect(graph.directed)
        let expected = fixture.udids.map { udid in
            [udid, fixture.records[udid]!.taskType, fixture.records[udid]!.completed ? "1" : "0"]
        }
        #expect(graph.nodes == expected)
        #expect(graph.edges == fixture.edges.map { [$0.parent, $0.child] })
    }

    @Test("--format mermaid declares every task once and draws every edge", arguments: CLI.fixtureNames)
    func mermaid(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let export = try CLI.run(["export", "-c", fixture.path, "--format", "mermaid"])
        #expect(export.status == 0, "\(export)")
        let lines = export.text.lines
        #expect(lines.contains("flowchart TD"))
        for udid in fixture.udids {
            let record = fixture.records[udid]!
            let declared = lines.filter { $0.hasPrefix("  t\(udid)[") || $0.hasPrefix("  t\(udid){") }
            #expect(declared.count == 1, "\(udid): \(declared)")
            let classSuffix = ":::" + record.taskType + (record.completed ? "_completed" : "")
            #expect(declared.first?.hasSuffix(classSuffix) == true, "\(declared)")
            #expect(declared.first?.contains(String(udid.prefix(8))) == true)
        }
        let arrows = lines.filter { $0.contains(" --> ") }
        #expect(arrows.sorted() == fixture.edges.map { "  t\($0.parent) --> t\($0.child)" }.sorted())
    }

    @Test("the README's Mermaid block is the binary's output for the four-stage fixture")
    func readmeBlock() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```mermaid\n"))
        let end = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let path = CLI.fixture("four_stage")
        let export = try CLI.run(["export", "-c", path, "--format", "mermaid"])
        #expect(export.status == 0, "\(export)")
        // The README names the fixture from the repository root.
        let expected = export.text.replacingOccurrences(of: path, with: "Tests/LineageKitTests/Fixtures/four_stage.mdb")
        #expect(String(readme[start.upperBound..<end.lowerBound]) == expected, "README.md's mermaid block is stale")
    }

    @Test("--format dot is export-dot's output, byte for byte")
    func dotIsExportDot() throws {
        let path = CLI.fixture("four_stage")
        for extra in [[], ["--around", "ffda", "--depth", "1"]] {
            let export = try CLI.run(["export", path] + extra)
            let dot = try CLI.run(["export-dot", path] + extra)
            #expect(export.status == 0 && dot.status == 0)
            #expect(export.stdout == dot.stdout)
        }
    }

    @Test("--up and --down take ancestors and descendants to separate depths", arguments: [(0, 0), (1, 0), (0, 2), (2, 1), (5, 5)])
    func upDown(up: Int, down: Int) throws {
        try withTemporaryDirectory { directory in
            let dag = try KnownDAG(recording: 21, count: 60, in: directory)
            let center = dag.oracle.tasks[30]
            var expected = Set([center])
            for (task, distance) in dag.oracle.distances(from: center, up: true) where distance <= up { expected.insert(task) }
            for (task, distance) in dag.oracle.distances(from: center, up: false) where distance <= down { expected.insert(task) }
            let export = try CLI.run(["export", dag.path, "--format", "json", "--around", center, "--up", "\(up)", "--down", "\(down)"])
            #expect(export.status == 0, "\(export)")
            let graph = try Self.readWithNetworkX(export.stdout)
            #expect(graph.nodes.map { $0[0] } == expected.sorted())
            for node in graph.nodes {
                #expect(node[1] == dag.tasks[node[0]]?.type)
                #expect(node[2] == (dag.tasks[node[0]]?.completed == true ? "1" : "0"))
            }
            let edges = expected.sorted().flatMap { parent in
                (dag.oracle.children[parent] ?? []).filter(expected.contains).map { [parent, $0] }
            }
            #expect(graph.edges == edges)
            #expect(export.text.contains("\"focus\": \"\(center)\""))
        }
    }

    @Test("Mermaid over 500 edges is refused with exit 1, pointing at --around and --by-stage")
    func mermaidTooLarge() throws {
        try withTemporaryDirectory { directory in
            let dag = try KnownDAG(recording: 5, count: 600, in: directory)
            let edgeCount = dag.oracle.children.values.reduce(0) { $0 + $1.count }
            try #require(edgeCount > 500)
            let export = try CLI.run(["export", dag.path, "--format", "mermaid", "--max-nodes", "5000"])
            #expect(export.status == 1, "\(export)")
            #expect(export.stdout.isEmpty)
            #expect(export.stderr.contains("\(edgeCount) edges"), "\(export.stderr)")
            #expect(export.stderr.contains("--around") && export.stderr.contains("--by-stage"), "\(export.stderr)")
            // The same checkpoint by stage fits.
            let stages = try CLI.run(["export", dag.path, "--format", "mermaid", "--by-stage"])
            #expect(stages.status == 0, "\(stages)")
            #expect(stages.text.contains("flowchart TD"))
        }
    }

    @Test("a checkpoint path with hostile bytes stays inside the title of every format")
    func hostilePath() throws {
        try withTemporaryDirectory { directory in
            let name = "a\"b`c#d<e>&]\n--> x\n%%{init}%%;"
            let hostile = directory.appendingPathComponent(name)
            try FileManager.default.copyItem(atPath: CLI.fixture("four_stage"), toPath: hostile.path)
            let plain = try CLI.run(["export", CLI.fixture("four_stage"), "--format", "mermaid"])
            let mermaid = try CLI.run(["export", hostile.path, "--format", "mermaid"])
            #expect(mermaid.status == 0, "\(mermaid)")
            // Only the title line differs.
            #expect(mermaid.text.lines.count == plain.text.lines.count)
            #expect(zip(mermaid.text.lines, plain.text.lines).filter { $0 != $1 }.map(\.0).allSatisfy { $0.hasPrefix("title: \"") })
            let json = try CLI.run(["export", hostile.path, "--format", "json"])
            let object = try #require(try json.json() as? [String: Any])
            let title = try #require((object["graph"] as? [String: Any])?["title"] as? String)
            #expect(title.hasPrefix(hostile.path))
            for byStage in [["--format", "json"], ["--format", "mermaid"], ["--format", "dot"]] {
                let result = try CLI.run(["export", hostile.path, "--by-stage"] + byStage)
                #expect(result.status == 0, "\(result)")
            }
        }
    }

    @Test(
        "bad export options are usage errors",
        arguments: [
            ["--up", "1"], ["--around", "ffda", "--up", "-1"], ["--around", "ffda", "--depth", "1", "--down", "1"],
            ["--by-stage", "--around", "ffda"], ["--format", "svg"], ["--down", "2"],
        ])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(["export", "-c", CLI.fixture("four_stage")] + arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
    }
}

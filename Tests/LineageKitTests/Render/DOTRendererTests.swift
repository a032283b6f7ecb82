import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

@Suite("DOT through Graphviz")
struct DOTRendererTests {
    /// Runs `dot -Tsvg` on `text`: exit status, SVG, stderr.
    static func dot(_ text: String) throws -> (status: Int32, svg: String, errors: String) {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "/usr/bin/dot is missing: install graphviz (make deps does)")
        return try withTemporaryDirectory { directory in
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

import Foundation
import Testing

@testable import LineageKit

@Suite("MermaidRenderer")
struct MermaidRendererTests {
    /// Udids and types a damaged file could hold: quotes, brackets, entity starts, newlines,
    /// Mermaid's arrows and directive opener.
    static let hostile = Subgraph(
        tasks: [
            TaskSummary(udid: "ab\"]:::x\n--> click", typeName: "le\"af<b>#&`", completed: true),
            TaskSummary(udid: "%%{init}%%", typeName: "x direction LR", completed: false),
            TaskSummary(udid: "5feceb66ffc86f38d952786c6d696c79", typeName: "source", completed: false),
        ],
        edges: [("5feceb66ffc86f38d952786c6d696c79", "ab\"]:::x\n--> click"), ("%%{init}%%", "ab\"]:::x\n--> click")],
        focus: "%%{init}%%")

    @Test("hostile udids and types give safe ids, one line per node, and escaped labels")
    func hostileBytes() throws {
        let text = try MermaidRenderer.render(Self.hostile, title: "t\n\"x\"")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let body = lines.drop { $0 != "flowchart TD" }.dropFirst().filter { !$0.isEmpty && !$0.hasPrefix("  classDef ") }
        // 3 nodes, 2 edges, 1 style line: nothing broke out of its line.
        #expect(body.count == 6, "\(body)")
        for task in Self.hostile.tasks {
            let id = MermaidRenderer.id(task.udid)
            #expect(id.utf8.allSatisfy { $0 < 0x80 && (Character(UnicodeScalar($0)).isLetter || Character(UnicodeScalar($0)).isNumber) }, "\(id)")
            #expect(body.filter { $0.hasPrefix("  \(id)[") || $0.hasPrefix("  \(id){") }.count == 1, "\(id)")
        }
        #expect(Set(Self.hostile.tasks.map { MermaidRenderer.id($0.udid) }).count == 3)
        for node in body.prefix(3) {
            // Inside the label's quotes no quote, bracket-closing quote or raw HTML is left.
            let label = node.drop { $0 != "\"" }.dropFirst().prefix { $0 != "\"" }
            #expect(!label.contains("<b>") && !label.contains("&") && !label.contains("`"), "\(node)")
        }
        #expect(text.contains("le#34;af#60;b#62;#35;#38;#96;"))
        #expect(!text.contains("direction") && text.contains("x #100;irection LR"))
        #expect(lines[1] == "title: \"t\\n\\\"x\\\"\"")
        #expect(body.contains("  style \(MermaidRenderer.id("%%{init}%%")) stroke-width:4px"))
    }

    @Test("over the edge or character limit is refused before any output")
    func limits() throws {
        #expect(throws: MermaidTooLarge(edges: 2, characters: nil, limits: MermaidLimits(edges: 1, characters: 50_000))) {
            try MermaidRenderer.render(Self.hostile, title: "t", limits: MermaidLimits(edges: 1, characters: 50_000))
        }
        let size = try MermaidRenderer.render(Self.hostile, title: "t").utf16.count
        #expect(throws: MermaidTooLarge(edges: nil, characters: size, limits: MermaidLimits(edges: 500, characters: size - 1))) {
            try MermaidRenderer.render(Self.hostile, title: "t", limits: MermaidLimits(edges: 500, characters: size - 1))
        }
        #expect(try MermaidRenderer.render(Self.hostile, title: "t", limits: MermaidLimits(edges: 2, characters: size)).utf16.count == size)
    }

    @Test("node-link JSON of hostile udids parses and keeps them")
    func json() throws {
        let text = GraphJSONRenderer.render(Self.hostile, title: "t\u{1}")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.compactMap { $0["id"] as? String } == Self.hostile.tasks.map { $0.udid })
        #expect(nodes[1]["task_type"] as? String == "x direction LR")
        let links = try #require(object["links"] as? [[String: Any]])
        #expect(links.compactMap { $0["target"] as? String } == Self.hostile.edges.map { $0.child })
        #expect((object["graph"] as? [String: Any])?["focus"] as? String == "%%{init}%%")
    }
}

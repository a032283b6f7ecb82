import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// export-dot writes its DOT a node and an edge at a time; the bytes must be exactly the
/// pure renderer's text for the same graph.
@Suite("export-dot streams what DOTRenderer renders")
struct ExportDotStreamingTests {
    @Test("streamed output equals DOTRenderer.render byte for byte", arguments: CLI.fixtureNames)
    func sameBytes(name: String) throws {
        let path = CLI.fixture(name)
        let export = try CLI.run(["export-dot", "-c", path])
        #expect(export.status == 0, "\(export)")
        let graph = try Checkpoint(path: path).read { try $0.wholeGraph(maxNodes: 2000) }
        #expect(export.text == DOTRenderer.render(graph, title: "\(path): \(graph.tasks.count) tasks"))
    }
}

@Suite("export streams what GraphJSONRenderer renders")
struct ExportJSONStreamingTests {
    @Test("streamed JSON equals GraphJSONRenderer.render byte for byte", arguments: CLI.fixtureNames)
    func sameBytes(name: String) throws {
        let path = CLI.fixture(name)
        let export = try CLI.run(["export", "-c", path, "--format", "json"])
        #expect(export.status == 0, "\(export)")
        let graph = try Checkpoint(path: path).read { try $0.wholeGraph(maxNodes: 2000) }
        #expect(export.text == GraphJSONRenderer.render(graph, title: "\(path): \(graph.tasks.count) tasks"))
    }
}

import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `wholeGraph` appends tasks in key order and tests edge ends on 128-bit udids; a damaged
/// file's udids that appear only in edges (well-formed or not) must still be drawn.
@Suite("wholeGraph on edges without tasks")
struct WholeGraphTests {
    static let odd = "not-a-udid"

    static func crafted() -> CraftedCheckpoint {
        var crafted = CraftedCheckpoint.dag([(Tasks.a, Tasks.b), (Tasks.b, Tasks.c)])
        crafted.outEdges? += [(Tasks.c, Tasks.d), (Tasks.c, odd)]
        return crafted
    }

    @Test("udids only in out_edges are added untyped, in udid order, and counted against maxNodes")
    func edgeOnly() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("edge-only.mdb")
            try Self.crafted().write(to: file)
            let graph = try Checkpoint(path: file.path).read { try $0.wholeGraph(maxNodes: 5) }
            let expected = [Tasks.a, Tasks.b, Tasks.c, Tasks.d, Self.odd].sorted()
            #expect(graph.tasks.map(\.udid) == expected)
            #expect(graph.tasks.filter { $0.typeName == nil }.map(\.udid).sorted() == [Tasks.d, Self.odd].sorted())
            #expect(graph.edges.count == 4)
            let error = #expect(throws: SubgraphTooLarge.self) {
                try Checkpoint(path: file.path).read { try $0.wholeGraph(maxNodes: 4) }
            }
            #expect(error?.tasks == 5)
        }
    }
}

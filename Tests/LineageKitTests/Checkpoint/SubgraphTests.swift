import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("wholeGraph and neighbourhood")
struct SubgraphTests {
    static let fanIn = UDID("ffda5213977a2f1e9422272e5baae3bb")!

    @Test("wholeGraph holds every task and edge of the fixture", arguments: FixtureExpectation.names)
    func wholeGraph(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let graph = try Checkpoint(path: fixture.checkpoint.path).read { try $0.wholeGraph(maxNodes: 2000) }
        #expect(graph.tasks.map(\.udid) == fixture.udids)
        #expect(graph.edges.map { Edge(parent: $0.parent, child: $0.child) } == fixture.edges)
        #expect(graph.focus == nil)
        for task in graph.tasks {
            #expect(task.typeName == fixture.records[task.udid]?.taskType)
            #expect(task.completed == fixture.records[task.udid]?.completed)
        }
        // Exactly at the limit is allowed.
        let atLimit = try Checkpoint(path: fixture.checkpoint.path).read { try $0.wholeGraph(maxNodes: fixture.records.count) }
        #expect(atLimit.tasks.count == fixture.records.count)
    }

    @Test("wholeGraph above maxNodes throws SubgraphTooLarge with the task count")
    func wholeGraphTooLarge() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let error = #expect(throws: SubgraphTooLarge.self) {
            try Checkpoint(path: fixture.checkpoint.path).read { try $0.wholeGraph(maxNodes: 3) }
        }
        #expect(error?.tasks == 8)
        #expect(error?.limit == 3)
        #expect(error?.around == false)
        #expect(error?.description.contains("8 tasks") == true)
        #expect(error?.description.contains(fixture.checkpoint.path) == true)
    }

    @Test("depth 0 is the task alone")
    func depthZero() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let graph = try Checkpoint(path: fixture.checkpoint.path).read { try $0.neighbourhood(of: Self.fanIn, depth: 0, maxNodes: 1) }
        #expect(graph.tasks.map(\.udid) == [Self.fanIn.string])
        #expect(graph.tasks.first?.typeName == "middle")
        #expect(graph.edges.isEmpty)
        #expect(graph.focus == Self.fanIn.string)
    }

    @Test("depth 1 around the fan-in task: its three parents and its child")
    func depthOne() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let graph = try Checkpoint(path: fixture.checkpoint.path).read { try $0.neighbourhood(of: Self.fanIn, depth: 1, maxNodes: 2000) }
        let record = try #require(fixture.records[Self.fanIn.string])
        #expect(graph.tasks.count == 5)
        #expect(graph.edges.count == 4)
        #expect(graph.tasks.map(\.udid) == ([Self.fanIn.string] + record.parents + record.children).sorted())
        let expectedEdges =
            (record.parents.map { Edge(parent: $0, child: Self.fanIn.string) }
            + record.children.map { Edge(parent: Self.fanIn.string, child: $0) }).sorted()
        #expect(graph.edges.map { Edge(parent: $0.parent, child: $0.child) }.sorted() == expectedEdges)
    }

    @Test("a depth that reaches every task gives the whole graph", arguments: FixtureExpectation.names)
    func deepNeighbourhood(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        // four_stage* and the linear fixtures are connected; pick the task with most tasks reachable.
        let center = try #require(UDID(fixture.udids[0]))
        let graph = try Checkpoint(path: fixture.checkpoint.path).read { try $0.neighbourhood(of: center, depth: 50, maxNodes: 2000) }
        // Whatever is reached, its edges are exactly the fixture edges among those tasks.
        let reached = Set(graph.tasks.map(\.udid))
        let inside = fixture.edges.filter { reached.contains($0.parent) && reached.contains($0.child) }
        #expect(graph.edges.map { Edge(parent: $0.parent, child: $0.child) }.sorted() == inside)
        // And it is closed: no fixture edge leaves the reached set.
        #expect(fixture.edges.allSatisfy { reached.contains($0.parent) == reached.contains($0.child) })
        #expect(graph.tasks.map(\.udid) == graph.tasks.map(\.udid).sorted())
    }

    @Test("on four_stage the whole DAG is one component")
    func fourStageConnected() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let graph = try Checkpoint(path: fixture.checkpoint.path).read { try $0.neighbourhood(of: Self.fanIn, depth: 10, maxNodes: 2000) }
        #expect(graph.tasks.count == 8)
        #expect(graph.edges.count == 7)
    }

    @Test("a neighbourhood above maxNodes throws SubgraphTooLarge")
    func neighbourhoodTooLarge() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let error = #expect(throws: SubgraphTooLarge.self) {
            try Checkpoint(path: fixture.checkpoint.path).read { try $0.neighbourhood(of: Self.fanIn, depth: 1, maxNodes: 3) }
        }
        #expect(error?.around == true)
        #expect(error?.limit == 3)
        #expect((error?.tasks ?? 0) > 3)
    }
}

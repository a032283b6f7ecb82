import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("forEachReachable and shortestPath")
struct ReachabilityTests {
    @Test("every task of every fixture reaches what a breadth-first search over the JSON reaches", arguments: FixtureExpectation.names)
    func fixtures(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let oracle = GraphOracle(fixture)
        try Checkpoint(path: fixture.checkpoint.path).read { reader in
            for udid in fixture.udids {
                for direction in WalkDirection.allCases {
                    var reached: [ReachedTask] = []
                    try reader.forEachReachable(from: UDID(udid)!, direction: direction) { reached.append($0) }
                    let expected = oracle.distances(from: udid, up: direction == .ancestors)
                        .sorted { ($0.value, $0.key) < ($1.value, $1.key) }
                    #expect(reached.map(\.udid.string) == expected.map(\.key), "\(direction) of \(udid)")
                    #expect(reached.map(\.distance) == expected.map(\.value), "\(direction) of \(udid)")
                    for task in reached {
                        #expect(task.typeName == fixture.records[task.udid.string]?.taskType)
                        #expect(task.completed == fixture.records[task.udid.string]?.completed)
                    }
                }
            }
        }
    }

    @Test("maxDistance 0 reaches nothing; maxDistance 1 the parents or children")
    func maxDistance() throws {
        let fixture = try FixtureExpectation.load("retries_and_joins")
        try Checkpoint(path: fixture.checkpoint.path).read { reader in
            for (udid, record) in fixture.records {
                var none = 0
                try reader.forEachReachable(from: UDID(udid)!, direction: .descendants, maxDistance: 0) { _ in none += 1 }
                #expect(none == 0)
                var parents: [String] = []
                try reader.forEachReachable(from: UDID(udid)!, direction: .ancestors, maxDistance: 1) { parents.append($0.udid.string) }
                #expect(parents == record.parents)
            }
        }
    }

    @Test("shortestPath: down, reversed when the second task is above, nil across branches, one task to itself")
    func paths() throws {
        let (tasks, edges) = GraphOracle.randomDAG(count: 30, seed: 5)
        let oracle = GraphOracle(edges: edges, tasks: tasks)
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("dag.mdb")
            try CraftedCheckpoint.dag(edges, tasks: tasks).write(to: file)
            try Checkpoint(path: file.path).read { reader in
                for from in tasks {
                    let below = oracle.distances(from: from, up: false)
                    let above = oracle.distances(from: from, up: true)
                    for to in tasks {
                        let path = try reader.shortestPath(from: UDID(from)!, to: UDID(to)!)
                        let udids = path?.tasks.map(\.udid.string)
                        #expect(path?.tasks.map(\.distance) == udids.map { Array(0..<$0.count) })
                        if from == to {
                            #expect(udids == [from] && path?.reversed == false)
                        } else if let distance = below[to] {
                            #expect(path?.reversed == false && udids?.count == distance + 1 && udids?.first == from && udids?.last == to)
                        } else if let distance = above[to] {
                            #expect(path?.reversed == true && udids?.count == distance + 1 && udids?.first == to && udids?.last == from)
                        } else {
                            #expect(path == nil, "\(from) \(to)")
                        }
                        if let udids { #expect(zip(udids, udids.dropFirst()).allSatisfy { oracle.hasEdge($0, $1) }) }
                    }
                }
            }
        }
    }
}

import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `CheckpointAnalysis.stageGraph` on crafted graphs whose groups are worked out by hand.
@Suite("stage graph")
struct StageGraphTests {
    @Test("a cycle: its tasks are grouped as unstaged, after the stages, with their edges")
    func cycle() throws {
        try withTemporaryDirectory { directory in
            // a -> b -> c -> b, c -> d: a is stage 0; b, c (the cycle) and d (below it) have no stage.
            let crafted = CraftedCheckpoint.dag(
                [(Tasks.a, Tasks.b), (Tasks.b, Tasks.c), (Tasks.c, Tasks.b), (Tasks.c, Tasks.d)], completed: [Tasks.d])
            let url = directory.appendingPathComponent("cycle.mdb")
            try crafted.write(to: url)
            let stages = try CheckpointAnalysis.stageGraph(path: url.path)
            #expect(stages.groups.map(\.id) == ["s0_source", "unstaged_middle", "unstaged_leaf"])
            #expect(stages.groups.map(\.stage) == [0, nil, nil])
            #expect(stages.groups.map(\.tasks) == [1, 2, 1])
            #expect(stages.groups.map(\.completed) == [0, 0, 1])
            // a->b; b->c and c->b inside the middle group; c->d.
            #expect(stages.links.map { [$0.source, $0.target, $0.edges] } == [[0, 1, 1], [1, 1, 2], [1, 2, 1]])
            #expect(stages.taskCount == 4 && stages.edgeCount == 4)
        }
    }

    @Test("a diamond with a shortcut: the longest path decides the stage, both types of one stage are separate groups")
    func longestPath() throws {
        try withTemporaryDirectory { directory in
            // a -> b -> c, a -> c (c is stage 2, not 1); a -> d, a leaf at stage 1 beside b.
            let crafted = CraftedCheckpoint.dag(
                [(Tasks.a, Tasks.b), (Tasks.b, Tasks.c), (Tasks.a, Tasks.c), (Tasks.a, Tasks.d)], completed: [Tasks.c, Tasks.d])
            let url = directory.appendingPathComponent("diamond.mdb")
            try crafted.write(to: url)
            let stages = try CheckpointAnalysis.stageGraph(path: url.path)
            #expect(stages.groups.map(\.id) == ["s0_source", "s1_middle", "s1_leaf", "s2_leaf"])
            #expect(stages.groups.map(\.completed) == [0, 0, 1, 1])
            #expect(stages.links.map { [$0.source, $0.target, $0.edges] } == [[0, 1, 1], [0, 2, 1], [0, 3, 1], [1, 3, 1]])
        }
    }
}

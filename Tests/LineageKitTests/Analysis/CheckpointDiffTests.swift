import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// `CheckpointAnalysis.diff`: single hand-made changes reported exactly, and the shape
/// comparison on recorder runs whose join records its parents in a different order.
@Suite("CheckpointAnalysis.diff")
struct CheckpointDiffTests {
    static let e = UDID(lineagePath: "1").string

    /// a -> b, a -> c, b -> d, c -> d: a fan-out and a join.
    static func base(completed: [String] = []) -> CraftedCheckpoint {
        .dag([(Tasks.a, Tasks.b), (Tasks.a, Tasks.c), (Tasks.b, Tasks.d), (Tasks.c, Tasks.d)], completed: completed)
    }

    static func diff(_ a: CraftedCheckpoint, _ b: CraftedCheckpoint) throws -> CheckpointDiff {
        try withTemporaryDirectory { directory in
            let pathA = directory.appendingPathComponent("a.mdb")
            let pathB = directory.appendingPathComponent("b.mdb")
            try a.write(to: pathA)
            try b.write(to: pathB)
            return try CheckpointAnalysis.diff(a: pathA.path, b: pathB.path)
        }
    }

    /// The counts of every kind, in the JSON order.
    static func counts(_ diff: CheckpointDiff) -> [Int] {
        [
            diff.tasksOnlyInA.count, diff.tasksOnlyInB.count, diff.edgesOnlyInA.count, diff.edgesOnlyInB.count,
            diff.typeChanged.count, diff.completedOnlyInA.count, diff.completedOnlyInB.count,
        ]
    }

    @Test("a checkpoint against itself is identical")
    func itself() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("a.mdb")
            try Self.base(completed: [Tasks.d]).write(to: path)
            let diff = try CheckpointAnalysis.diff(a: path.path, b: path.path)
            #expect(diff.identical)
            #expect(diff.verdict == .identical)
            #expect(Self.counts(diff) == [0, 0, 0, 0, 0, 0, 0])
            #expect(diff.a == diff.b)
            #expect(diff.a.tasks == 4 && diff.a.edges == 4)
        }
    }

    @Test("one edge added: exactly that edge, only in B")
    func edgeAdded() throws {
        var b = Self.base()
        b.outEdges?.append((Tasks.a, Tasks.d))
        b.inEdges?.append((Tasks.d, Tasks.a))
        let diff = try Self.diff(Self.base(), b)
        #expect(Self.counts(diff) == [0, 0, 0, 1, 0, 0, 0])
        #expect(diff.edgesOnlyInB.examples.map { [$0.parent.string, $0.child.string] } == [[Tasks.a, Tasks.d]])
        #expect(diff.verdict == .differentWork)
        #expect(!diff.shape.equal)
    }

    @Test("one task removed: exactly that task, only in A")
    func taskRemoved() throws {
        let a = CraftedCheckpoint.dag([(Tasks.a, Tasks.b), (Tasks.a, Tasks.c), (Tasks.b, Tasks.d), (Tasks.c, Tasks.d)], tasks: [Self.e])
        let diff = try Self.diff(a, Self.base())
        #expect(Self.counts(diff) == [1, 0, 0, 0, 0, 0, 0])
        #expect(diff.tasksOnlyInA.examples == [UDID(Self.e)!])
        #expect(diff.verdict == .differentWork)
        #expect(diff.shape.renamed == 0)
    }

    @Test("one completion flipped: exactly that task, completed only in B")
    func completionFlipped() throws {
        let diff = try Self.diff(Self.base(), Self.base(completed: [Tasks.d]))
        #expect(Self.counts(diff) == [0, 0, 0, 0, 0, 0, 1])
        #expect(diff.completedOnlyInB.examples == [UDID(Tasks.d)!])
        #expect(diff.verdict == .completionDiffers)
    }

    @Test("one type changed: exactly that task, with both types")
    func typeChanged() throws {
        var b = Self.base()
        b.taskType = b.taskType?.map { $0.0 == Tasks.b ? ($0.0, "leaf") : $0 }
        let diff = try Self.diff(Self.base(), b)
        #expect(Self.counts(diff) == [0, 0, 0, 0, 1, 0, 0])
        let change = try #require(diff.typeChanged.examples.first)
        #expect(change.udid.string == Tasks.b && change.a == .middle && change.b == .leaf)
        #expect(!diff.shape.equal)
    }

    @Test("examples are limited, counts stay exact")
    func examplesLimited() throws {
        try withTemporaryDirectory { directory in
            let a = directory.appendingPathComponent("a.mdb").path
            let b = directory.appendingPathComponent("b.mdb").path
            try StagedRun(roots: 2, stages: [.fanOut(3)], completion: .none).write(to: a)
            try StagedRun(roots: 2, stages: [.fanOut(4)], completion: .none).write(to: b)
            let diff = try CheckpointAnalysis.diff(a: a, b: b, maxExamples: 1)
            #expect(diff.tasksOnlyInB.count == 2 && diff.tasksOnlyInB.examples.count == 1)
            #expect(diff.edgesOnlyInB.count == 2 && diff.edgesOnlyInB.examples.count == 1)
            #expect(diff.typeChanged.count == 0)
        }
    }

    // MARK: The determinism check

    @Test("a join recording its parents in another order: same shape, renamed from the join down")
    func joinOrder() throws {
        try withTemporaryDirectory { directory in
            let a = directory.appendingPathComponent("a.mdb").path
            let b = directory.appendingPathComponent("b.mdb").path
            let runA = try StagedRun(roots: 2, stages: [.fanOut(3), .passthrough, .fanIn(3), .passthrough], completion: .all).write(to: a)
            let runB = try StagedRun(roots: 2, stages: [.fanOut(3), .passthrough, .fanInReversed(3), .passthrough], completion: .all)
                .write(to: b)
            let diff = try CheckpointAnalysis.diff(a: a, b: b)
            // Two joins, each with the passthrough below it.
            #expect(diff.tasksOnlyInA.count == 4 && diff.tasksOnlyInB.count == 4)
            #expect(Set(diff.tasksOnlyInA.examples) == Set(runA.stages[3] + runA.stages[4]))
            #expect(diff.shape.equal)
            #expect(diff.shape.renamed == 4)
            #expect(diff.verdict == .sameShape)
            // The joins are the topmost renamed tasks, each with its own partner.
            let pairs = Set(diff.shape.firstRenamed.examples.map { [$0.a, $0.b] })
            #expect(pairs == Set(zip(runA.stages[3], runB.stages[3]).map { [$0.0, $0.1] }))
        }
    }

    @Test("two different pipelines are not the same shape")
    func differentPipelines() throws {
        try withTemporaryDirectory { directory in
            let a = directory.appendingPathComponent("a.mdb").path
            let b = directory.appendingPathComponent("b.mdb").path
            try StagedRun(roots: 2, stages: [.fanOut(3), .passthrough, .fanIn(3)], completion: .all).write(to: a)
            try StagedRun(roots: 2, stages: [.fanOut(3), .passthrough, .fanIn(2)], completion: .all).write(to: b)
            let diff = try CheckpointAnalysis.diff(a: a, b: b)
            #expect(!diff.shape.equal)
            #expect(diff.verdict == .differentWork)
        }
    }

    @Test("same counts and types, different shape: not equal")
    func sameCountsDifferentShape() throws {
        let p = (0..<4).map { UDID(lineagePath: "p\($0)").string }
        let q = (0..<4).map { UDID(lineagePath: "q\($0)").string }
        // A: p0 -> p1, p0 -> p2, p1 -> p3. B: q0 -> q1, q1 -> q2, q1 -> q3. Both: a source,
        // a middle, two leaves, three edges.
        let diff = try Self.diff(.dag([(p[0], p[1]), (p[0], p[2]), (p[1], p[3])]), .dag([(q[0], q[1]), (q[1], q[2]), (q[1], q[3])]))
        #expect(diff.a.tasks == diff.b.tasks && diff.a.edges == diff.b.edges)
        #expect(!diff.shape.equal)
        // Only the leaf below the middle has a twin: it is the one pairing.
        #expect(diff.shape.renamed < 4)
    }

    @Test("a damaged or foreign file throws CheckpointError")
    func refuses() throws {
        try withTemporaryDirectory { directory in
            let good = directory.appendingPathComponent("a.mdb")
            try Self.base().write(to: good)
            let foreign = directory.appendingPathComponent("text.mdb")
            try Data("not a checkpoint".utf8).write(to: foreign)
            #expect(throws: CheckpointError.self) { try CheckpointAnalysis.diff(a: good.path, b: foreign.path) }
            #expect(throws: CheckpointError.self) { try CheckpointAnalysis.diff(a: foreign.path, b: good.path) }
        }
    }
}

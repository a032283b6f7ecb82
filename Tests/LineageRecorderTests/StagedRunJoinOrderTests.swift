import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// `StagedRun.Stage.fanInReversed`: a join that records its parents in the other order.
@Suite("StagedRun: join order")
struct StagedRunJoinOrderTests {
    @Test("the joined child's udid comes from the reversed lineage path; the edges are the same up to it")
    func reversed() throws {
        try withTemporaryDirectory { directory in
            let forward = try StagedRun(roots: 1, stages: [.fanOut(3), .fanIn(3)], completion: .all)
                .write(to: directory.appendingPathComponent("a.mdb").path)
            let path = directory.appendingPathComponent("b.mdb").path
            let backward = try StagedRun(roots: 1, stages: [.fanOut(3), .fanInReversed(3)], completion: .all).write(to: path)
            #expect(forward.stages[2] == [UDID(lineagePath: "0_0_0_1_0_2_0")])
            #expect(backward.stages[2] == [UDID(lineagePath: "0_2_0_1_0_0_0")])
            #expect(forward.stages[..<2] == backward.stages[..<2])
            // The same parents point at the join, whichever its udid.
            let parents = { (run: StagedRun.Recorded) in Set(run.edges.filter { $0.child == run.stages[2][0] }.map(\.parent)) }
            #expect(parents(forward) == parents(backward) && parents(forward).count == 3)
            #expect(try Verifier.verify(path: path).ok)
        }
    }
}

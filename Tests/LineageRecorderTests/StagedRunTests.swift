import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// `StagedRun` writes sound checkpoints whose stages have the sizes the profile implies.
@Suite("StagedRun")
struct StagedRunTests {
    @Test("a profile with a fan-out, a filter and a join: stage sizes, edges, a sound file")
    func profile() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("run.mdb").path
            let run = StagedRun(roots: 2, stages: [.fanOut(4), .filter(keepEvery: 2), .fanIn(3), .passthrough], completion: .every(2))
            let recorded = try run.write(to: path)
            // 2 roots; 8 fanned out; every 2nd of those kept: 4; joined in threes: 2; passed through: 2.
            #expect(recorded.stages.map(\.count) == [2, 8, 4, 2, 2])
            #expect(recorded.edges.count == 8 + 4 + 4 + 2)
            // Leaves: the 4 filtered out, then the 2 at the end; every 2nd is marked.
            #expect(recorded.markedLeaves.count == 3)
            let report = try Verifier.verify(path: path)
            #expect(report.ok, "\(report.checks.filter { !$0.passed }.map(\.id))")
            #expect(report.dag?.tasks == 18)
        }
    }

    @Test("a count below 1 is refused before anything is written")
    func invalid() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("bad.mdb").path
            #expect(throws: RecorderError.self) {
                try StagedRun(roots: 1, stages: [.fanIn(0)], completion: .none).write(to: path)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}

import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// The big-DAG generator: batching changes the layout, never the content.
@Suite struct PipelineScenarioTests {
    @Test func batchedWritesTheSameContentAsOneTransactionPerEmission() throws {
        let shape = (roots: 12, fanout: 5, fanin: 4, completeFraction: 0.6)
        try withTemporaryDirectory { directory in
            var dumps: [String] = []
            for batchSize in [1, 7, 10_000] {
                let file = directory.appendingPathComponent("batch\(batchSize).mdb")
                let scenario = Scenario.pipeline(
                    roots: shape.roots, fanout: shape.fanout, fanin: shape.fanin,
                    completeFraction: shape.completeFraction, batchSize: batchSize
                )
                let paths = try scenario.write(to: file.path)
                #expect(paths.count == scenario.taskCount)
                dumps.append(try Oracle.dump(file))
            }
            #expect(dumps.allSatisfy { $0 == dumps[0] })
            let dump = Dump(dumps[0])
            #expect(dump["task_type"]?.entryCount == 12 * 11 + 2 * 15)
            // 15 leaves, int(15 * 0.6) = 9 completed; each fills whole groups up to root 7.
            #expect(dump.isCompleted(UDID(lineagePath: "0")))
            #expect(!dump.isCompleted(UDID(lineagePath: "11")))
        }
    }

    @Test func invalidShapesAreRefused() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("bad.mdb").path
            #expect(throws: RecorderError.self) { try Scenario.pipeline(roots: 1, fanout: 0).write(to: file) }
            #expect(throws: RecorderError.self) { try Scenario.pipeline(roots: 1, completeFraction: 2).write(to: file) }
            #expect(throws: RecorderError.self) { try Scenario.pipeline(roots: 1, batchSize: 0).write(to: file) }
            #expect(!FileManager.default.fileExists(atPath: file))
        }
    }

    /// 97,000 tasks; `make bench` verifies a million.
    @Test func largePipelineVerifiesWithExactCounts() throws {
        let (roots, fanout, fanin) = (1_000, 40, 5)
        let scenario = Scenario.pipeline(roots: roots, fanout: fanout, fanin: fanin, completeFraction: 0.6, batchSize: 1_000)
        #expect(scenario.taskCount == 97_000)
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("big.mdb")
            let paths = try scenario.write(to: file.path)
            #expect(paths.count == scenario.taskCount)
            let stat = try Oracle.stat(file)
            let taskTypes = try #require(stat.components(separatedBy: "Status of task_type\n").last)
            #expect(taskTypes.contains("Entries: 97000\n"))

            // What was written, counted from the shape: root -> fanout children, one
            // passthrough edge each, every passthrough output into its fan-in group, one
            // final passthrough edge per group.
            let middles = roots * fanout
            let groups = (middles + fanin - 1) / fanin
            let edges = 3 * middles + groups
            // The first 60% of the leaves are marked; completion climbs through each
            // single-child chain, and reaches a root only when all its groups are marked.
            let marked = groups * 6 / 10
            let groupsPerRoot = fanout / fanin
            let completed = marked * (2 + 2 * fanin) + marked / groupsPerRoot
            let report = try Verifier.verify(path: file.path)
            #expect(report.ok, "\(TextRenderer.audit(report))")
            #expect(report.dag?.tasks == scenario.taskCount)
            #expect(report.dag?.edges == edges)
            #expect(report.dag?.completed == completed)
        }
    }
}

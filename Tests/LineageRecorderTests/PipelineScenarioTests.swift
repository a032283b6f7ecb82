import Foundation
import LineageKit
import LineageRecorder
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

    @Test(.timeLimit(.minutes(1)))
    func threeHundredThousandTasksInSeconds() throws {
        let scenario = Scenario.pipeline(roots: 3_000, fanout: 40, fanin: 5, completeFraction: 0.6, batchSize: 1_000)
        #expect(scenario.taskCount == 291_000)
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("big.mdb")
            let clock = ContinuousClock()
            let start = clock.now
            let paths = try scenario.write(to: file.path)
            let elapsed = clock.now - start
            #expect(paths.count == scenario.taskCount)
            // About 9 s in a debug build, most of it SHA-256 of the lineage paths.
            #expect(elapsed < .seconds(45), "took \(elapsed)")
            let stat = try Oracle.stat(file)
            let taskTypes = try #require(stat.components(separatedBy: "Status of task_type\n").last)
            #expect(taskTypes.contains("Entries: 291000\n"))
        }
    }
}

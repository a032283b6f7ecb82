import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// `CheckpointAnalysis.status` and `.stats` against answers the test computes itself
/// (`LineageOracle`) from the fixtures' JSON and from recorder-built runs.
@Suite("status and stats analysis")
struct CheckpointAnalysisTests {
    static let everything = 1_000

    /// Compares a status report with the oracle's answers, every list in full.
    static func expectStatus(_ report: StatusReport, _ oracle: LineageOracle, _ label: String) {
        let records = oracle.records.values
        #expect(report.tasks.total == records.count, "\(label)")
        #expect(report.tasks.completed == records.filter(\.completed).count, "\(label)")
        for counts in report.byType {
            let ofType = records.filter { $0.taskType == counts.type.rawValue }
            #expect(counts.counts.total == ofType.count, "\(label) \(counts.type)")
            #expect(counts.counts.completed == ofType.filter(\.completed).count, "\(label) \(counts.type)")
        }
        #expect(report.sources.total == oracle.sources.count, "\(label)")
        #expect(report.sources.completed == oracle.sources.filter { oracle.records[$0]?.completed == true }.count, "\(label)")
        #expect(report.leaves.total == oracle.leaves.count, "\(label)")
        #expect(report.leaves.completed == oracle.leaves.filter { oracle.records[$0]?.completed == true }.count, "\(label)")
        #expect(report.stages.map(\.stage) == Array(report.stages.indices), "\(label)")
        #expect(report.stages.map(\.counts.total) == oracle.stageRows.map(\.tasks), "\(label)")
        #expect(report.stages.map(\.counts.completed) == oracle.stageRows.map(\.completed), "\(label)")
        #expect(report.unstaged == 0, "\(label)")
        #expect(report.plan.skip.examples.map(\.string) == oracle.skip, "\(label)")
        #expect(report.plan.rerun.examples.map(\.string) == oracle.rerun, "\(label)")
        #expect(report.plan.frontier.examples.map(\.string) == oracle.frontier, "\(label)")
        #expect(report.plan.pendingSources.examples.map(\.string) == oracle.pendingSources, "\(label)")
        #expect(report.plan.skip.count == oracle.skip.count && report.plan.rerun.count == oracle.rerun.count, "\(label)")
        #expect(report.plan.frontier.count == oracle.frontier.count, "\(label)")
        #expect(report.plan.pendingSources.count == oracle.pendingSources.count, "\(label)")
        #expect(report.completedWithPendingChild == oracle.brokenClosure.count, "\(label)")
    }

    static func expectShape(_ stats: CheckpointStats, _ oracle: LineageOracle, _ label: String) {
        #expect(stats.tasks.total == oracle.records.count, "\(label)")
        #expect(stats.edges == oracle.records.values.map(\.children.count).reduce(0, +), "\(label)")
        #expect(stats.stages.map(\.counts.total) == oracle.stageRows.map(\.tasks), "\(label)")
        for (distribution, expected) in [
            (stats.fanOut, oracle.distribution { $0.children.count }), (stats.fanIn, oracle.distribution { $0.parents.count }),
        ] {
            #expect(distribution.min == expected.min, "\(label)")
            #expect(distribution.median == expected.median, "\(label)")
            #expect(distribution.p99 == expected.p99, "\(label)")
            #expect(distribution.max == expected.max, "\(label)")
            #expect(distribution.top.map(\.udid.string) == expected.top.map(\.0), "\(label)")
            #expect(distribution.top.map(\.count) == expected.top.map(\.1), "\(label)")
        }
        let sizes = oracle.componentSizes
        #expect(stats.components.count == sizes.count, "\(label)")
        #expect(stats.components.largest == (sizes.max() ?? 0), "\(label)")
    }

    @Test("status on every fixture matches its JSON", arguments: FixtureExpectation.names)
    func fixtureStatus(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let report = try CheckpointAnalysis.status(path: fixture.checkpoint.path, examples: Self.everything)
        Self.expectStatus(report, LineageOracle(fixture), name)
        #expect(report.checkpoint == fixture.checkpoint.path)
    }

    @Test("stats on every fixture matches its JSON", arguments: FixtureExpectation.names)
    func fixtureStats(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        Self.expectShape(try CheckpointAnalysis.stats(path: fixture.checkpoint.path), LineageOracle(fixture), name)
    }

    @Test("four_stage_rooted has five stages: root, fan-out, passthrough, fan-in, passthrough")
    func fiveStages() throws {
        let report = try CheckpointAnalysis.status(path: FixtureExpectation.checkpoint("four_stage_rooted").path)
        #expect(report.stages.map(\.counts.total) == [1, 3, 3, 1, 1])
    }

    @Test("examples are limited, counts stay exact")
    func examplesLimited() throws {
        let report = try CheckpointAnalysis.status(path: FixtureExpectation.checkpoint("partial_completion").path, examples: 2)
        #expect(report.plan.rerun.examples.count == 2)
        #expect(report.plan.rerun.count == 5)
    }

    // MARK: Recorder-built runs

    static let runs: [StagedRun] = [
        StagedRun(roots: 2, stages: [.fanOut(3), .passthrough, .fanIn(2), .passthrough], completion: .every(2)),
        StagedRun(roots: 1, stages: [.fanOut(6), .filter(keepEvery: 2), .fanOut(2), .fanIn(3)], completion: .first(1)),
        StagedRun(roots: 3, stages: [.passthrough, .fanOut(4), .fanIn(5), .filter(keepEvery: 3)], completion: .all),
        StagedRun(roots: 2, stages: [.fanOut(5), .fanIn(2), .fanOut(2)], completion: .none),
    ]

    /// The most the writer's rule can complete: the marked leaves, then every task all of
    /// whose children are completed, over the recorded stages from the deepest up. (The
    /// writer's breadth-first walk may stop short of it above a join, never beyond.)
    static func completable(_ recorded: StagedRun.Recorded) -> Set<String> {
        var children: [String: [String]] = [:]
        for edge in recorded.edges { children[edge.parent.string, default: []].append(edge.child.string) }
        var done = Set(recorded.markedLeaves.map(\.string))
        for stage in recorded.stages.reversed() {
            for udid in stage.map(\.string) {
                if let kids = children[udid], kids.allSatisfy({ done.contains($0) }) { done.insert(udid) }
            }
        }
        return done
    }

    @Test("status and stats on recorder-built runs with joins, filters and partial completion", arguments: Array(runs.indices))
    func stagedRuns(index: Int) throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("run.mdb").path
            let recorded = try Self.runs[index].write(to: path)
            // Completion as the writer propagated it, read back through liblmdb.
            var stored = Set<String>()
            try Checkpoint(path: path).read { reader in
                try reader.forEachTask { udid, _, done in if done { stored.insert(String(decoding: udid, as: UTF8.self)) } }
            }
            #expect(stored.isSuperset(of: recorded.markedLeaves.map(\.string)))
            #expect(stored.isSubset(of: Self.completable(recorded)))
            let oracle = LineageOracle(edges: recorded.edges.map { ($0.parent.string, $0.child.string) }, completed: stored)
            let report = try CheckpointAnalysis.status(path: path, examples: Self.everything)
            Self.expectStatus(report, oracle, "run \(index)")
            #expect(report.stages.map(\.counts.total) == recorded.stages.map { Set($0).count })
            Self.expectShape(try CheckpointAnalysis.stats(path: path), oracle, "run \(index)")
        }
    }

    // MARK: Refusals and odd graphs

    @Test("a structurally damaged or truncated file is refused as damaged")
    func damaged() throws {
        try withTemporaryDirectory { directory in
            var data = try Data(contentsOf: FixtureExpectation.checkpoint("four_stage"))
            let truncated = directory.appendingPathComponent("truncated.mdb")
            try data.prefix(40_000).write(to: truncated)
            let key = Data("5e3e6bbf1900f330afb3cc0ab7dac194".utf8)
            let range = try #require(data.range(of: key, options: .backwards))
            data[range.lowerBound] = UInt8(ascii: "f")
            let flipped = directory.appendingPathComponent("flipped.mdb")
            try data.write(to: flipped)
            for url in [truncated, flipped] {
                #expect {
                    _ = try CheckpointAnalysis.status(path: url.path)
                } throws: { error in
                    guard case .notCheckpoint(_, .damaged) = error as? CheckpointError else { return false }
                    return true
                }
                #expect(throws: CheckpointError.self) { _ = try CheckpointAnalysis.stats(path: url.path) }
            }
        }
    }

    @Test("a file without completed is refused naming it")
    func missingDatabase() throws {
        try withTemporaryDirectory { directory in
            var crafted = CraftedCheckpoint.dag([(Tasks.a, Tasks.b)])
            crafted.completed = nil
            let url = directory.appendingPathComponent("no-completed.mdb")
            try crafted.write(to: url)
            #expect(throws: CheckpointError.missingDatabase(path: url.path, name: "completed")) {
                _ = try CheckpointAnalysis.status(path: url.path)
            }
        }
    }

    @Test("a cycle: the tasks on and below it have no stage, the rest are staged")
    func cycle() throws {
        try withTemporaryDirectory { directory in
            // a -> b -> c -> b, c -> d; a is the only source.
            let crafted = CraftedCheckpoint.dag([(Tasks.a, Tasks.b), (Tasks.b, Tasks.c), (Tasks.c, Tasks.b), (Tasks.c, Tasks.d)])
            let url = directory.appendingPathComponent("cycle.mdb")
            try crafted.write(to: url)
            let report = try CheckpointAnalysis.status(path: url.path)
            #expect(report.unstaged == 3)
            #expect(report.stages.map(\.counts.total) == [1])
            #expect(report.tasks.total == 4)
        }
    }

    @Test("a completed task with a pending child is counted, and still reported")
    func brokenClosure() throws {
        try withTemporaryDirectory { directory in
            let crafted = CraftedCheckpoint.dag([(Tasks.a, Tasks.b), (Tasks.b, Tasks.c)], completed: [Tasks.a])
            let url = directory.appendingPathComponent("open.mdb")
            try crafted.write(to: url)
            let report = try CheckpointAnalysis.status(path: url.path)
            #expect(report.completedWithPendingChild == 1)
            #expect(report.plan.skip.examples.map(\.string) == [Tasks.a])
            #expect(report.plan.pendingSources.count == 0)
        }
    }
}

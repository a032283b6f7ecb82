import Foundation
import Testing

@testable import LineageKit

/// The watch's arithmetic on made-up observations: rates, ETA ranges, stalls, idleness.
@Suite("watch: rates, ETA ranges, stalls")
struct WatchModelTests {
    @Test("a steady count: the rate is its pace, the last interval's too, and the bounds hold it")
    func steady() throws {
        var series = ProgressSeries(window: 10)
        #expect(series.rate == nil)
        for step in 0...12 { series.add(time: Double(step) * 2, count: step * 100) }
        let rate = try #require(series.rate)
        #expect(abs(rate.perMinute - 3000) < 1e-9)
        #expect(abs(rate.lastPerMinute - 3000) < 1e-9)
        #expect(rate.intervals == 10)
        // Identical intervals still get the minimum spread, never one number.
        #expect(abs(rate.low - 2700) < 1e-6 && abs(rate.high - 3300) < 1e-6)
        let eta = try #require(rate.eta(remaining: 3000))
        #expect(eta.low < 60 && (eta.high ?? 0) > 60)
        #expect(rate.eta(remaining: 0) == ETA(low: 0, high: 0))
    }

    @Test("a jittery pace: the ETA range holds the true remaining time; a stalled one has no upper bound")
    func jitter() throws {
        var series = ProgressSeries(window: 10)
        // 50 per second on average, observed at uneven times with uneven counts.
        var generator = SystemRandomNumberGenerator()
        var time = 0.0
        for _ in 0...20 {
            time += Double.random(in: 0.15...0.25, using: &generator)
            series.add(time: time, count: Int(time * 50) + Int.random(in: -3...3, using: &generator))
        }
        let rate = try #require(series.rate)
        #expect(abs(rate.perMinute - 3000) / 3000 < 0.2, "\(rate)")
        let eta = try #require(rate.eta(remaining: 6000))
        #expect(eta.low <= 120 && 120 <= (eta.high ?? .infinity), "\(eta)")

        var halting = ProgressSeries(window: 4)
        for (time, count) in [(0.0, 0), (1.0, 50), (2.0, 50), (3.0, 50), (4.0, 50)] { halting.add(time: time, count: count) }
        let slow = try #require(halting.rate)
        #expect(slow.low == 0)
        #expect(slow.eta(remaining: 100)?.high == nil)
        var still = ProgressSeries(window: 4)
        for time in 0..<4 { still.add(time: Double(time), count: 7) }
        #expect(still.rate?.eta(remaining: 100) == nil, "nothing moves: no ETA at all")
    }

    @Test("a count that goes down (a file replaced) gives no rate; points out of order are ignored")
    func oddPoints() {
        var series = ProgressSeries(window: 3)
        series.add(time: 1, count: 100)
        series.add(time: 2, count: 10)
        #expect(series.rate == nil)
        series.add(time: 1.5, count: 500)
        #expect(series.points.count == 2)
    }

    @Test("a part still while another moves is stalled; when nothing moves, nothing is")
    func stalls() {
        var tracker = StallTracker()
        tracker.update(time: 0, counts: [("a", 0, true), ("b", 0, true), ("done", 5, false)])
        tracker.update(time: 10, counts: [("a", 5, true), ("b", 0, true), ("done", 5, false)])
        #expect(tracker.stalled(at: 10, after: 20).isEmpty, "not still long enough")
        tracker.update(time: 25, counts: [("a", 9, true), ("b", 0, true), ("done", 5, false)])
        #expect(tracker.stalled(at: 25, after: 20) == [StallTracker.Stall(name: "b", since: 0)])
        // Nothing has moved for 20 seconds at 50: idle, not stalled.
        #expect(tracker.stalled(at: 50, after: 20).isEmpty)
        tracker.update(time: 60, counts: [("a", 9, true), ("b", 1, true), ("c", 0, true)])
        #expect(tracker.lastChange(of: "b") == 60)
        // A part that is gone (a writer file removed) is forgotten, never stalled.
        tracker.update(time: 100, counts: [("a", 10, true), ("c", 0, true)])
        #expect(tracker.lastChange(of: "b") == nil)
        #expect(tracker.stalled(at: 100, after: 20).map(\.name) == ["c"])
    }

    @Test("DAG snapshots: the rate, the ETA for the tasks recorded, complete, idle since the last change")
    func dagState() throws {
        var state = WatchState(checkpoint: "ck.mdb", stallSeconds: 60)
        func totals(_ completed: Int, modified: Double) -> DAGTotals {
            DAGTotals(
                checkpoint: "ck.mdb", tasks: CompletionCounts(total: 1000, completed: completed), edges: 999, txnid: UInt64(completed + 10),
                modified: modified)
        }
        let stages = [
            StageCounts(stage: 0, counts: CompletionCounts(total: 1, completed: 0)),
            StageCounts(stage: 1, counts: CompletionCounts(total: 999, completed: 0)),
        ]
        let first = state.dag(totals(0, modified: 1000), stages: stages, time: 1000, monotonic: 0)
        #expect(first.number == 1 && first.rate == nil && first.eta == nil && first.complete == false)
        #expect(first.dag?.stages == stages)
        var last = first
        for step in 1...5 {
            last = state.dag(totals(step * 100, modified: 1000 + Double(step)), stages: nil, time: 1000 + Double(step), monotonic: Double(step))
        }
        #expect(last.completed == 500 && last.pending == 500 && last.completedLastInterval == 100)
        let rate = try #require(last.rate)
        #expect(abs(rate.perMinute - 6000) < 1e-6)
        let eta = try #require(last.eta)
        #expect(eta.low <= 5 && 5 <= (eta.high ?? 0))
        #expect(last.dag?.stagesTime == 1000, "the stages are the last whole read's, with its time")
        #expect(last.idleSince == nil)
        let idle = state.dag(totals(500, modified: 1005), stages: nil, time: 1100, monotonic: 100)
        #expect(idle.idleSince == 1005)
        let done = state.dag(totals(1000, modified: 1200), stages: nil, time: 1300, monotonic: 300)
        #expect(done.complete == true && done.eta == ETA(low: 0, high: 0) && done.idleSince == nil)
        #expect(state.busySnapshots == 0)
        state.noteBusy()
        #expect(state.dag(totals(1000, modified: 1200), stages: nil, time: 1301, monotonic: 301).busySnapshots == 1)
    }

    @Test("durations and the screen's interval: whole units, fractions of a second, no trap on huge values")
    func durations() {
        #expect(WatchRenderer.duration(45) == "45s" && WatchRenderer.duration(725) == "12m 05s" && WatchRenderer.duration(11040) == "3h 04m")
        #expect(
            WatchRenderer.duration(1e300).hasSuffix("h") && WatchRenderer.duration(.infinity).hasSuffix("h") && WatchRenderer.duration(-5) == "0s")
        let snapshot = WatchSnapshot(checkpoint: "ck.mdb", number: 1, time: 0, completed: 0, total: nil)
        #expect(WatchRenderer.screen(snapshot, interval: 0.5, width: 80, height: 24)[0].hasSuffix("every 0.5s"))
        #expect(WatchRenderer.screen(snapshot, interval: 10, width: 80, height: 24)[0].hasSuffix("every 10s"))
    }

    @Test("stages are judged stalled at their own reads, never from stale counts")
    func stageStalls() throws {
        var state = WatchState(checkpoint: "ck.mdb", stallSeconds: 10)
        func stages(_ a: Int, _ b: Int) -> [StageCounts] {
            [
                StageCounts(stage: 0, counts: CompletionCounts(total: 100, completed: a)),
                StageCounts(stage: 1, counts: CompletionCounts(total: 100, completed: b)),
            ]
        }
        func totals(_ completed: Int) -> DAGTotals {
            DAGTotals(checkpoint: "ck.mdb", tasks: CompletionCounts(total: 200, completed: completed), edges: 0, txnid: 1, modified: 0)
        }
        _ = state.dag(totals(0), stages: stages(0, 0), time: 0, monotonic: 0)
        _ = state.dag(totals(10), stages: stages(10, 0), time: 5, monotonic: 5)
        // No whole read for a long time: the stage counts are old, nothing is called stalled.
        let stale = state.dag(totals(40), stages: nil, time: 100, monotonic: 100)
        #expect(stale.stalled.isEmpty)
        let fresh = state.dag(totals(50), stages: stages(50, 0), time: 101, monotonic: 101)
        #expect(fresh.stalled.map(\.name) == ["stage 1"])
        #expect(fresh.dag?.stageChanges == [0: 40, 1: 0])
    }
}

/// The Curator side of the watch's state, on made-up readings: shards and groups.
@Suite("watch: Curator shards and groups")
struct WatchCuratorStateTests {
    static func reading(shardsDone: Int, of total: Int, writers: [(String, Int)], changed: Bool = true) -> CuratorWatchReader.Reading {
        let location = CuratorLocation.forced(path: "/nonexistent/run")
        let slurm = CuratorSlurm(
            minimumShardIndex: 0, totalShards: total, completed: Array(0..<shardsDone), missing: ShardRanges(0..<total, minus: 0..<shardsDone),
            problems: [])
        let checkpoint = CuratorCheckpoint(location: location, writers: [], slurm: slurm, slurmProblem: nil, failedAttempts: [])
        let rows = writers.map { WatchSnapshot.Writer(name: $0.0, completed: $0.1, transaction: 1, modified: 0, pipeline: "reads", isNew: false) }
        return CuratorWatchReader.Reading(checkpoint: checkpoint, writers: rows, isCurrent: true, changed: changed)
    }

    @Test("a job array: the shards' rate and ETA range, complete when no shard is missing; the ETA is the shards' without groups")
    func shards() throws {
        var state = WatchState(checkpoint: "run", stallSeconds: 600)
        var last: WatchSnapshot?
        for (step, done) in [2, 4, 6, 8].enumerated() {
            last = state.curator(Self.reading(shardsDone: done, of: 10, writers: [("a.mdb", done * 10)]), groups: nil, time: Double(step) * 60, monotonic: Double(step) * 60)
            #expect(last?.complete == false)
        }
        let snapshot = try #require(last)
        let shards = try #require(snapshot.curator?.shards)
        #expect(shards.completed == 8 && shards.missing == 2)
        let rate = try #require(shards.rate)
        #expect(abs(rate.perMinute - 2) < 1e-9)
        let eta = try #require(shards.eta)
        #expect(eta.low <= 60 && 60 <= (eta.high ?? 0), "two shards at two a minute: a minute, within the range \(eta)")
        #expect(snapshot.eta == shards.eta && snapshot.total == nil)
        let done = state.curator(Self.reading(shardsDone: 10, of: 10, writers: [("a.mdb", 100)]), groups: nil, time: 240, monotonic: 240)
        #expect(done.complete == true)
    }

    @Test("a writer still while another moves is stalled; a reading where nothing changed keeps the union")
    func writers() throws {
        var state = WatchState(checkpoint: "run", stallSeconds: 30)
        _ = state.curator(Self.reading(shardsDone: 0, of: 4, writers: [("a.mdb", 0), ("b.mdb", 0)]), groups: nil, time: 0, monotonic: 0)
        _ = state.curator(Self.reading(shardsDone: 0, of: 4, writers: [("a.mdb", 5), ("b.mdb", 0)]), groups: nil, time: 20, monotonic: 20)
        let snapshot = state.curator(Self.reading(shardsDone: 1, of: 4, writers: [("a.mdb", 9), ("b.mdb", 0)]), groups: nil, time: 40, monotonic: 40)
        #expect(snapshot.stalled.map(\.name) == ["b.mdb"])
        let same = state.curator(Self.reading(shardsDone: 1, of: 4, writers: [("a.mdb", 9), ("b.mdb", 0)], changed: false), groups: nil, time: 41, monotonic: 41)
        #expect(same.curator?.sources == snapshot.curator?.sources)
    }
}

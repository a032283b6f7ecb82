/// What `lineage watch` remembers between snapshots: the recent counts for the rates,
/// when each part last moved, the last breakdowns a whole-file read gave. It turns each
/// reading into a `WatchSnapshot`.
public struct WatchState: Sendable {
    /// The checkpoint, as the caller named it.
    public let checkpoint: String
    /// Seconds a part may stay still, while others move, before it is called stalled;
    /// and a whole checkpoint before it is called idle.
    public let stallSeconds: Double
    private var series: ProgressSeries
    private var shardSeries: ProgressSeries
    private var parts = StallTracker()
    private var snapshots = 0
    /// Snapshots whose totals could not be read consistently.
    public private(set) var busySnapshots = 0
    private var lastStages: (stages: [StageCounts], time: Double)?
    private var stageChanges: [Int: Int] = [:]
    /// When the union was last computed from every writer file's keys.
    private var sourcesTime: Double?
    private var lastUnion: (union: Int, groups: (total: Int, completed: Int)?)?

    /// A watch of `checkpoint` with rates over `window` intervals.
    public init(checkpoint: String, stallSeconds: Double, window: Int = 10) {
        self.checkpoint = checkpoint
        self.stallSeconds = stallSeconds
        series = ProgressSeries(window: window)
        shardSeries = ProgressSeries(window: window)
    }

    /// Counts a snapshot whose totals could not be read consistently: nothing is shown
    /// for it, and the rates skip it.
    public mutating func noteBusy() { busySnapshots += 1 }

    /// A DAG snapshot from its totals and, when a whole-file read just succeeded, its stages.
    /// `time` is wall-clock seconds, `monotonic` the monotonic clock's.
    public mutating func dag(_ totals: DAGTotals, stages fresh: [StageCounts]?, time: Double, monotonic: Double) -> WatchSnapshot {
        if let fresh {
            // The first read has nothing to compare with: no change.
            let before = Dictionary(uniqueKeysWithValues: (lastStages?.stages ?? fresh).map { ($0.stage, $0.counts.completed) })
            stageChanges = Dictionary(uniqueKeysWithValues: fresh.map { ($0.stage, $0.counts.completed - (before[$0.stage] ?? 0)) })
            lastStages = (fresh, time)
            parts.update(time: time, counts: fresh.map { ("stage \($0.stage)", $0.counts.completed, $0.counts.pending > 0) })
        }
        var snapshot = next(completed: totals.tasks.completed, total: totals.tasks.total, time: time, monotonic: monotonic)
        snapshot.complete = totals.tasks.total > 0 && totals.tasks.pending == 0
        snapshot.lastChange = totals.modified
        var dag = WatchSnapshot.DAG(transaction: totals.txnid, edges: totals.edges, stages: lastStages?.stages, stagesTime: lastStages?.time)
        dag.stageChanges = stageChanges
        snapshot.dag = dag
        // Stages are judged at their last whole read, never from stale counts.
        if let read = lastStages?.time { snapshot.stalled = parts.stalled(at: read, after: stallSeconds) }
        finish(&snapshot, time: time)
        return snapshot
    }

    /// A Curator snapshot from a reading; `groups` are the rerun's group ids when given.
    public mutating func curator(
        _ reading: CuratorWatchReader.Reading, groups: [CuratorSourceID]?, time: Double, monotonic: Double
    ) -> WatchSnapshot {
        let checkpoint = reading.checkpoint
        let union: Int
        var groupCounts: (total: Int, completed: Int)?
        if !reading.changed, let last = lastUnion {
            // No writer file changed: the union and the groups' counts stand.
            (union, groupCounts) = last
        } else {
            if let groups {
                let plan = CuratorPlan(checkpoint)
                groupCounts = (groups.count, groups.reduce(0) { $0 + (plan.isCompleted($1) ? 1 : 0) })
            }
            union = CuratorStatus.unionCount(checkpoint.readableLists)
            lastUnion = (union, groupCounts)
        }
        if reading.isCurrent || sourcesTime == nil { sourcesTime = time }
        let completed = groupCounts?.completed ?? union
        var snapshot = next(completed: completed, total: groupCounts?.total, time: time, monotonic: monotonic)
        var shards: WatchSnapshot.Shards?
        if let slurm = checkpoint.slurm {
            var part = WatchSnapshot.Shards(
                total: slurm.totalShards, completed: slurm.completed.count, failedAttempts: checkpoint.failedAttempts.count)
            shardSeries.add(time: monotonic, count: part.completed)
            part.rate = shardSeries.rate
            part.eta = part.rate?.eta(remaining: part.missing)
            shards = part
        }
        if groups != nil {
            snapshot.complete = snapshot.pending == 0
        } else if let shards {
            snapshot.complete = shards.missing == 0
        }
        parts.update(time: time, counts: reading.writers.map { ($0.name, $0.completed ?? 0, true) })
        snapshot.stalled = parts.stalled(at: time, after: stallSeconds)
        snapshot.lastChange = reading.writers.compactMap(\.modified).max()
        snapshot.curator = WatchSnapshot.Curator(
            sources: union, sourcesTime: sourcesTime ?? time, writers: reading.writers, shards: shards, groups: groupCounts)
        if groups == nil, let shards { snapshot.eta = shards.eta }
        finish(&snapshot, time: time)
        return snapshot
    }

    /// The counts, the rate and the ETA of the next snapshot.
    private mutating func next(completed: Int, total: Int?, time: Double, monotonic: Double) -> WatchSnapshot {
        snapshots += 1
        series.add(time: monotonic, count: completed)
        var snapshot = WatchSnapshot(checkpoint: checkpoint, number: snapshots, time: time, completed: completed, total: total)
        snapshot.completedLastInterval = series.lastChange
        snapshot.rate = series.rate
        if let pending = snapshot.pending { snapshot.eta = snapshot.rate?.eta(remaining: pending) }
        return snapshot
    }

    /// Idle since the last change when that is the stall time ago; the busy count.
    private func finish(_ snapshot: inout WatchSnapshot, time: Double) {
        if let last = snapshot.lastChange, time - last >= stallSeconds, snapshot.complete != true { snapshot.idleSince = last }
        snapshot.busySnapshots = busySnapshots
    }
}

import FoundationEssentials
import Glibc
import LineageKit

extension Lineage.Watch {
    /// Snapshots of a DAG checkpoint: its records' totals each time, its stages from a
    /// `status` of their own when one is due.
    func dagSnapshots(_ location: CheckpointLocation) throws -> (inout WatchState) throws -> WatchSnapshot {
        // Missing, not LMDB, not a lineage checkpoint, the other kind: said as every DAG command says it.
        do { _ = try location.read { _ in true } } catch is CheckpointBusy {}
        var stages = StageReads(path: location.path, interval: interval)
        let wait = min(location.wait, max(interval, 0.1))
        return { state in
            let time = WallClock.now
            let monotonic = ConsistentRead.monotonicSeconds()
            let totals: DAGTotals
            do {
                totals = try DAGTotals.readConsistently(path: location.path, wait: wait)
            } catch let problem as RecordTotals.Problem {
                throw WatchFailure.unreadable(path: location.path, reason: problem.description)
            }
            return state.dag(totals, stages: stages.refresh(), time: time, monotonic: monotonic)
        }
    }

    /// Snapshots of a Curator checkpoint: the writer files that changed read again, the
    /// rest from memory; the groups of --groups/--files hashed once.
    func curatorSnapshots(_ location: CuratorLocation, wait: Double) throws -> (inout WatchState) throws -> WatchSnapshot {
        var ids: [CuratorSourceID]?
        if let input = groups ?? files {
            var hasher = CuratorSourceID.Hasher()
            var list: [CuratorSourceID] = []
            try CuratorCommand.forEachGroup(in: input, form: groups != nil ? .groups : .files) { paths, _ in list.append(hasher.id(of: paths)) }
            // No group is no total: "complete" would be true of nothing.
            if list.isEmpty {
                throw UsageError(
                    "\(input == "-" ? "stdin" : input) lists no file group: give the rerun's inputs to \(groups != nil ? "--groups" : "--files").")
            }
            ids = list
        }
        var reader = CuratorWatchReader(location: location, wait: min(wait, 0.25))
        // The metadata folder (or writer file) may not exist yet when a run is about to start;
        // once seen, its going away ends the watch.
        let watched = location.metadataDirectory ?? location.writerFile ?? location.path
        var existed = false
        return { [ids] state in
            if access(watched, F_OK) == 0 {
                existed = true
            } else if existed {
                throw WatchFailure.gone(path: location.path)
            }
            let time = WallClock.now
            let monotonic = ConsistentRead.monotonicSeconds()
            return state.curator(reader.read(), groups: ids, time: time, monotonic: monotonic)
        }
    }
}

/// The stages of a DAG, read by `lineage status` in a child process when due: at most
/// once per interval, and never more than a fifth of the time (a whole-file read of a
/// big checkpoint takes a while, and beside a fast writer most of them are torn).
struct StageReads {
    let path: String
    let interval: Double
    private var lastEnd = -Double.infinity
    private var lastDuration = 0.0

    init(path: String, interval: Double) {
        self.path = path
        self.interval = interval
    }

    private struct Report: Decodable {
        struct Stage: Decodable {
            let stage: Int
            let tasks: Int
            let completed: Int
        }
        let stages: [Stage]?
    }

    /// The stages, when a read was due and was consistent; `nil` otherwise.
    mutating func refresh() -> [StageCounts]? {
        let start = ConsistentRead.monotonicSeconds()
        guard start - lastEnd >= max(interval, 4 * lastDuration) else { return nil }
        let (status, output) = SelfRun.run(["status", "-c", path, "--format", "json", "--wait", "0", "--no-progress", "--max-examples", "0"])
        lastEnd = ConsistentRead.monotonicSeconds()
        lastDuration = lastEnd - start
        guard status == ExitStatus.success || status == ExitStatus.no,
            let report = try? JSONDecoder().decode(Report.self, from: Data(output)), let stages = report.stages
        else { return nil }
        return stages.map { StageCounts(stage: $0.stage, counts: CompletionCounts(total: $0.tasks, completed: $0.completed)) }
    }
}

/// Wall-clock seconds since the epoch.
enum WallClock {
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

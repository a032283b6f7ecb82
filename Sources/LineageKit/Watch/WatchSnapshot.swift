/// One picture of a running pipeline's checkpoint taken by `lineage watch`: the totals
/// read consistently at that moment, the rate and ETA from the snapshots before it, the
/// parts that stalled, and the breakdowns as of their last whole-file read.
public struct WatchSnapshot: Sendable {
    /// The checkpoint, as the caller named it.
    public var checkpoint: String
    /// Which snapshot this is, from 1.
    public var number: Int
    /// When it was taken (wall-clock seconds since the epoch).
    public var time: Double
    /// What is counted as done: DAG tasks completed; Curator groups completed with
    /// `--groups`/`--files`, else completed source ids (the union over writer files).
    public var completed: Int
    /// What `completed` counts toward: DAG tasks recorded; Curator groups given; `nil`
    /// when the checkpoint does not say (a Curator checkpoint without the rerun's groups).
    public var total: Int?
    /// `completed` changed by this much since the previous snapshot (`nil` on the first).
    public var completedLastInterval: Int?
    /// Completions per minute over the recent snapshots (`nil` before the second).
    public var rate: Rate?
    /// When `total` is reached at `rate` (`nil`: no total, no rate yet, or nothing moves).
    public var eta: ETA?
    /// Whether the run is complete as the checkpoint says it (`nil`: it cannot say).
    public var complete: Bool?
    /// The newest modification time of the checkpoint's files (wall-clock seconds).
    public var lastChange: Double?
    /// Set when nothing changed for the stall time: the last change.
    public var idleSince: Double?
    /// Parts that stopped while others move.
    public var stalled: [StallTracker.Stall] = []
    /// Snapshots so far whose totals could not be read consistently (none of them is shown).
    public var busySnapshots = 0
    /// The DAG's own parts.
    public var dag: DAG?
    /// The Curator checkpoint's own parts.
    public var curator: Curator?

    /// Tasks or groups still to do, when the total is known.
    public var pending: Int? { total.map { max(0, $0 - completed) } }

    /// The JSON `kind`.
    public var kind: String { curator == nil ? "dag" : "curator" }

    /// A snapshot with its counts; the rest is filled in by the watcher.
    public init(checkpoint: String, number: Int, time: Double, completed: Int, total: Int?) {
        self.checkpoint = checkpoint
        self.number = number
        self.time = time
        self.completed = completed
        self.total = total
    }

    /// What a DAG snapshot adds.
    public struct DAG: Sendable {
        /// The committed transaction the totals are of.
        public var transaction: UInt64
        /// Edges recorded.
        public var edges: Int
        /// Tasks per stage as of `stagesTime`, or `nil` before the first consistent whole-file read.
        public var stages: [StageCounts]?
        /// When the stages were read (wall-clock seconds).
        public var stagesTime: Double?
        /// Completions per stage since the previous whole-file read.
        public var stageChanges: [Int: Int] = [:]

        /// A DAG part with its totals.
        public init(transaction: UInt64, edges: Int, stages: [StageCounts]?, stagesTime: Double?) {
            self.transaction = transaction
            self.edges = edges
            self.stages = stages
            self.stagesTime = stagesTime
        }
    }

    /// What a Curator snapshot adds.
    public struct Curator: Sendable {
        /// Completed source ids, the union over the writer files the pipeline reads.
        public var sources: Int
        /// When the union was last computed from every writer file's keys (wall-clock); older
        /// than the snapshot when a writer file was written too fast for a whole read.
        public var sourcesTime: Double
        /// Every writer file, in name order.
        public var writers: [Writer]
        /// The job array's shards, when `run.json` says how many.
        public var shards: Shards?
        /// The rerun's groups (`--groups`/`--files`): how many, and how many are completed.
        public var groups: (total: Int, completed: Int)?

        /// A Curator part.
        public init(sources: Int, sourcesTime: Double, writers: [Writer], shards: Shards?, groups: (total: Int, completed: Int)?) {
            self.sources = sources
            self.sourcesTime = sourcesTime
            self.writers = writers
            self.shards = shards
            self.groups = groups
        }
    }

    /// One writer file's progress.
    public struct Writer: Sendable {
        /// The file's name in the metadata folder.
        public var name: String
        /// Completed source ids it holds (the sub-database's own count when the file was
        /// written too fast for a whole read), `nil` when it cannot be read.
        public var completed: Int?
        /// Its newest committed transaction.
        public var transaction: UInt64?
        /// Its modification time (wall-clock seconds).
        public var modified: Double?
        /// What the pipeline's start does with it: `reads`, `skips`, `FAILS`, ... (`status`'s column).
        public var pipeline: String
        /// Whether it appeared after the first snapshot.
        public var isNew: Bool
        /// A writer file.
        public init(name: String, completed: Int?, transaction: UInt64?, modified: Double?, pipeline: String, isNew: Bool) {
            self.name = name
            self.completed = completed
            self.transaction = transaction
            self.modified = modified
            self.pipeline = pipeline
            self.isNew = isNew
        }
    }

    /// A Slurm job array's shards.
    public struct Shards: Sendable {
        /// Shards in the run (`run.json`).
        public var total: Int
        /// Shards with a completion manifest.
        public var completed: Int
        /// Failed-attempt markers.
        public var failedAttempts: Int
        /// Shards completed per minute.
        public var rate: Rate?
        /// When the last shard completes at `rate`.
        public var eta: ETA?

        /// Shard counts.
        public init(total: Int, completed: Int, failedAttempts: Int) {
            self.total = total
            self.completed = completed
            self.failedAttempts = failedAttempts
        }

        /// Shards without a completion manifest.
        public var missing: Int { max(0, total - completed) }
    }
}

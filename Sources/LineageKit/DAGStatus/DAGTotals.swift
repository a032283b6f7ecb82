/// A DAG checkpoint's totals as its sub-databases' records state them (`RecordTotals`):
/// what a monitor or `status` can say of a checkpoint written too fast for a consistent
/// whole-file read. The breakdowns (types, stages, leaves, the resume plan) need every
/// record and are not here.
public struct DAGTotals: Sendable, Equatable {
    /// The checkpoint, as the caller named it.
    public let checkpoint: String
    /// Tasks recorded (`task_type` entries) and completed (`completed` entries).
    public let tasks: CompletionCounts
    /// Edges recorded (`out_edges` entries, one per parent-child pair).
    public let edges: Int
    /// The transaction whose state this is.
    public let txnid: UInt64
    /// The data file's modification time, seconds since the epoch.
    public let modified: Double

    /// The parts of `status` a totals-only answer leaves out, by their JSON field names.
    public static let unavailableStatusFields = [
        "percent_leaves_completed", "by_type", "stages", "unstaged", "sources", "leaves", "resume", "completed_with_pending_child",
    ]

    /// The totals of `records`; `nil` when the file has no `task_type` database (not a
    /// lineage checkpoint). A missing `completed` or `out_edges` database counts 0.
    public init?(checkpoint: String, _ records: RecordTotals) {
        guard let tasks = records.entries(SubDatabase.taskType.rawValue) else { return nil }
        self.checkpoint = checkpoint
        // A completed entry without a task would make pending negative on a damaged file.
        self.tasks = CompletionCounts(total: tasks, completed: min(tasks, records.entries(SubDatabase.completed.rawValue) ?? 0))
        self.edges = records.entries(SubDatabase.outEdges.rawValue) ?? 0
        self.txnid = records.txnid
        self.modified = records.modified
    }

    /// Reads the totals of the DAG checkpoint at `path` consistently beside its writer
    /// (`RecordTotals.readConsistently`), for up to `wait` seconds.
    /// - Throws: `CheckpointBusy` when the writer tore every read; `RecordTotals.Problem` when
    ///   the file cannot be read or has no `task_type` database (not a lineage checkpoint).
    public static func readConsistently(path: String, wait: Double) throws -> DAGTotals {
        let answer = try RecordTotals.readConsistently(path: path, wait: wait)
        guard let totals = DAGTotals(checkpoint: path, answer.value) else {
            throw RecordTotals.Problem(description: "has no task_type database (not a lineage checkpoint)")
        }
        return totals
    }

    /// A value made of known counts (tests, renderers).
    public init(checkpoint: String, tasks: CompletionCounts, edges: Int, txnid: UInt64, modified: Double) {
        self.checkpoint = checkpoint
        self.tasks = tasks
        self.edges = edges
        self.txnid = txnid
        self.modified = modified
    }
}

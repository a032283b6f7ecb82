import LineageKit

/// Writes a lineage checkpoint exactly as the pipeline's writer does.
///
/// One write transaction per call, as in the pipeline, unless calls are grouped with
/// `batch(_:)` (same content, fewer transactions). Not thread-safe.
public final class CheckpointRecorder {
    /// The underlying environment, for callers that need to add raw records.
    public let writer: RawCheckpointWriter
    let databases: Databases

    /// The four sub-database handles.
    struct Databases {
        let inEdges: LMDBDatabase
        let outEdges: LMDBDatabase
        let taskType: LMDBDatabase
        let completed: LMDBDatabase
    }

    /// Creates an empty checkpoint at `path` with the four sub-databases, opened like the pipeline.
    ///
    /// `mapSize` starts at the pipeline's 16 GiB (the file grows only as pages are used)
    /// and doubles whenever a transaction fills the map.
    /// - Throws: `RecorderError.fileExists` if `path` exists and `overwrite` is false
    ///   (nothing is touched then), `RecorderError.notARegularFile`, `LMDBError`.
    public init(creating path: String, overwrite: Bool = false, mapSize: Int = RawCheckpointWriter.pipelineMapSize) throws {
        writer = try RawCheckpointWriter(
            creating: path,
            databases: RawCheckpointWriter.pipelineDatabases,
            overwrite: overwrite,
            mapSize: mapSize
        )
        databases = Databases(
            inEdges: try writer.handle(SubDatabase.inEdges.rawValue),
            outEdges: try writer.handle(SubDatabase.outEdges.rawValue),
            taskType: try writer.handle(SubDatabase.taskType.rawValue),
            completed: try writer.handle(SubDatabase.completed.rawValue)
        )
    }

    /// The checkpoint file.
    public var path: String { writer.path }

    /// Records that `parents` emitted `children`, in one write transaction (FORMAT.md).
    ///
    /// Adds `child -> parent` to `in_edges` and `parent -> child` to `out_edges` for every
    /// pair except a task with itself, then rewrites `task_type` of every task involved
    /// from the edges present now. Does nothing when `children` is empty. Recording the
    /// same emission again changes nothing; a join may be recorded over several calls.
    /// - Throws: `LMDBError`, `RecorderError.closed`.
    public func recordEmission(parents: [UDID], children: [UDID]) throws {
        guard !children.isEmpty else { return }
        try batch { try $0.recordEmission(parents: parents, children: children) }
    }

    /// Marks `udids` completed and walks up breadth-first, in one write transaction,
    /// marking each parent whose children are now all completed.
    ///
    /// A task without a `task_type` entry, or already completed, is skipped and not walked
    /// past; the walk stops on a branch whose task still has an unfinished child.
    /// Returns how many tasks it marked.
    /// - Throws: `LMDBError`, `RecorderError.closed`.
    @discardableResult
    public func markCompletedAndPropagate(_ udids: [UDID]) throws -> Int {
        try batch { try $0.markCompletedAndPropagate(udids) }
    }

    /// Runs several recorder calls in one write transaction: the content written is the
    /// same as making them one by one, only the file's page layout differs.
    ///
    /// If the map fills, `body` runs again from the start (see `RawCheckpointWriter.write`),
    /// so it must only record. The batch must not escape `body`.
    /// - Throws: whatever `body` throws (nothing is written then), `LMDBError`.
    public func batch<Result>(_ body: (Batch) throws -> Result) throws -> Result {
        try writer.write { txn in try body(Batch(txn: txn, databases: databases)) }
    }

    /// Flushes and closes the checkpoint; later calls throw `RecorderError.closed`.
    /// - Throws: `LMDBError` if the flush fails.
    public func close() throws {
        try writer.close()
    }
}

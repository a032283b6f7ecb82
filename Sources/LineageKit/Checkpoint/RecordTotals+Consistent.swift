extension RecordTotals {
    /// Reads the records as `read(path:)` does until a read saw one committed state
    /// (`ConsistentRead`), for up to `wait` seconds. The read lasts microseconds, so a
    /// writer has to commit twice within it to tear it.
    /// - Throws: `CheckpointBusy` when the writer tore every read in time, `Problem` when a
    ///   read that the transaction ids prove stable failed.
    public static func readConsistently(path: String, wait: Double) throws -> ConsistentAnswer<RecordTotals> {
        try ConsistentRead.run(paths: [path], wait: wait) { _ in try read(path: path) }
    }
}

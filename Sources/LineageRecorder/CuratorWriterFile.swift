import LineageKit

/// One NeMo Curator writer file (`<writer>.mdb`), written the way the pipeline's
/// resumability writer writes it: one file (`MDB_NOSUBDIR`), no lock file (`MDB_NOLOCK`),
/// `max_dbs` 1, a 1 GiB map, the one sub-database `completed_sources` created when the file
/// is opened, and one write transaction per completion or deletion.
///
/// Not thread-safe: one writer process, one thread, as in the pipeline.
public final class CuratorWriterFile {
    /// The map size the pipeline opens writer files with (1 GiB).
    public static let mapSize = 1 << 30
    /// The value stored under every completed source id.
    public static let completedValue: [UInt8] = [CuratorWriter.completedValue]

    /// The file written.
    public let path: String

    private var environment: LMDBEnvironment?
    private let database: LMDBDatabase

    /// Creates the writer file at `path` and its empty `completed_sources` sub-database
    /// (one first transaction, as the pipeline's `open_db`).
    ///
    /// With `syncEachCommit` (the pipeline's `sync=True`) every commit flushes the data pages;
    /// without it nothing is flushed until `close()`. The bytes written are the same.
    /// - Throws: `RecorderError.fileExists` if `path` exists, `RecorderError.notARegularFile`,
    ///   `LMDBError` if liblmdb fails (the half-made file is then removed).
    public init(creating path: String, syncEachCommit: Bool = true) throws {
        self.path = path
        try CheckpointFile.claim(path, overwrite: false)
        do {
            let opened = try LMDBEnvironment(
                writingAt: path, maxDatabases: 1, mapSize: Self.mapSize, syncEachCommit: syncEachCommit)
            database = try opened.write { txn in try txn.createDatabase(named: CuratorWriter.databaseName, dupSort: false) }
            environment = opened
        } catch {
            try? CheckpointFile.removeIfPresent(path)
            throw error
        }
    }

    /// Records `source` as completed: `source -> 1`, in its own write transaction.
    /// - Throws: `RecorderError.closed` after `close()`, `LMDBError` (e.g. an empty id).
    public func complete(_ source: String) throws {
        let env = try open()
        var key = Array(source.utf8)
        try key.withUnsafeMutableBytes { key in
            try Self.completedValue.withUnsafeBytes { value in
                try env.write { txn in try txn.put(database, key: UnsafeRawBufferPointer(key), value: value) }
            }
        }
    }

    /// Removes `source` again (a late update arrived for it), in its own write transaction;
    /// `false` when this file did not hold it.
    /// - Throws: `RecorderError.closed` after `close()`, `LMDBError`.
    @discardableResult
    public func uncomplete(_ source: String) throws -> Bool {
        let env = try open()
        let key = Array(source.utf8)
        return try key.withUnsafeBytes { key in
            try env.write { txn in try txn.delete(database, key: key, value: nil) }
        }
    }

    /// Flushes the file once and releases the environment; closing twice does nothing.
    /// - Throws: `LMDBError` if the flush fails (the environment is released regardless).
    public func close() throws {
        guard let env = environment else { return }
        environment = nil
        try env.sync()
    }

    private func open() throws(RecorderError) -> LMDBEnvironment {
        guard let environment else { throw .closed(path: path) }
        return environment
    }
}

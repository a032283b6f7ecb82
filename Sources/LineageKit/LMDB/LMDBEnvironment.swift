import CLMDB

/// A liblmdb environment: the one place the project opens, reads and writes LMDB files.
///
/// The reader opens it with `init(readOnlyAt:subdirectory:)`, which never creates, locks
/// or writes anything. Only the recorder opens one for writing
/// (`init(writingAt:maxDatabases:mapSize:)`); both use the same scoped transactions.
/// `deinit` only releases the handle.
package final class LMDBEnvironment {
    private let handle: OpaquePointer

    /// Opens the environment at `path` read-only, a data file (`subdirectory == false`)
    /// or a directory holding `data.mdb`.
    ///
    /// Opened with `MDB_RDONLY | MDB_NOLOCK | MDB_NORDAHEAD`, so no `-lock` file appears
    /// beside the data file and no write permission is needed; the data file is opened
    /// `O_RDONLY`.
    /// - Throws: `LMDBError` when liblmdb refuses the file (`.notLMDB`, `.versionMismatch`, an `errno`).
    package init(readOnlyAt path: String, subdirectory: Bool, maxDatabases: UInt32 = 16) throws(LMDBError) {
        var flags = UInt32(MDB_RDONLY | MDB_NOLOCK | MDB_NORDAHEAD)
        if !subdirectory { flags |= UInt32(MDB_NOSUBDIR) }
        handle = try Self.open(path, flags: flags, mode: 0o444, maxDatabases: maxDatabases, mapSize: nil)
    }

    /// Opens (creating if needed) the single-file environment at `path` for writing, the
    /// way the pipeline's writer does: `MDB_NOSUBDIR | MDB_NOLOCK` (no `-lock` file) plus
    /// `MDB_NOSYNC | MDB_NOMETASYNC | MDB_NORDAHEAD`, mode 0644.
    ///
    /// Nothing is flushed until `sync()`, unless `syncEachCommit` (the Curator writer's
    /// `sync=True`): then every commit flushes the data pages (not the meta page,
    /// `MDB_NOMETASYNC`). One writer, one thread.
    /// - Throws: `LMDBError`.
    package init(writingAt path: String, maxDatabases: Int, mapSize: Int, syncEachCommit: Bool = false) throws(LMDBError) {
        var flags = UInt32(MDB_NOSUBDIR | MDB_NOLOCK | MDB_NOMETASYNC | MDB_NORDAHEAD)
        if !syncEachCommit { flags |= UInt32(MDB_NOSYNC) }
        handle = try Self.open(path, flags: flags, mode: 0o644, maxDatabases: UInt32(clamping: maxDatabases), mapSize: mapSize)
    }

    /// Called by liblmdb when one of its assertions fails, before it prints the assertion
    /// and aborts: the executable's crash guard decides there whether a writer caused it.
    /// Set before any environment is opened.
    nonisolated(unsafe) package static var assertionHook: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Void)?

    private static func open(
        _ path: String, flags: UInt32, mode: mdb_mode_t, maxDatabases: UInt32, mapSize: Int?
    ) throws(LMDBError) -> OpaquePointer {
        let env = try LMDBError.handle("mdb_env_create") { mdb_env_create(&$0) }
        if let assertionHook { mdb_env_set_assert(env, assertionHook) }
        do {
            try LMDBError.check(mdb_env_set_maxdbs(env, maxDatabases), "mdb_env_set_maxdbs")
            if let mapSize { try LMDBError.check(mdb_env_set_mapsize(env, mapSize), "mdb_env_set_mapsize") }
            try LMDBError.check(mdb_env_open(env, path, flags, mode), "mdb_env_open")
        } catch {
            mdb_env_close(env)
            throw error
        }
        return env
    }

    deinit { mdb_env_close(handle) }

    /// The version of the liblmdb the process runs with (`mdb_version`), e.g. "0.9.24":
    /// the shared library loaded at run time, which may differ from the header built against.
    package static var libraryVersion: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        _ = mdb_version(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }

    /// Runs `body` inside one read-only transaction, aborted when `body` returns or throws.
    ///
    /// Bytes seen inside the transaction are valid only until it ends.
    /// - Throws: `LMDBError` if the transaction cannot begin, or what `body` throws.
    package func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
        let txn = try LMDBError.handle("mdb_txn_begin") { mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &$0) }
        defer { mdb_txn_abort(txn) }
        return try body(ReadTransaction(handle: txn))
    }

    /// Runs `body` inside one write transaction: committed when `body` returns, aborted
    /// (nothing written) when it throws.
    ///
    /// Reads inside the transaction see its own earlier writes.
    /// - Throws: what `body` throws, or `LMDBError` (`mdb_txn_begin`, `mdb_txn_commit`;
    ///   `.mapFull` when the map is too small, after which nothing was written).
    package func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
        let txn = try LMDBError.handle("mdb_txn_begin") { mdb_txn_begin(handle, nil, 0, &$0) }
        let result: T
        do {
            result = try body(WriteTransaction(handle: txn))
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        // mdb_txn_commit frees the transaction even when it fails: no abort after it.
        try LMDBError.check(mdb_txn_commit(txn), "mdb_txn_commit")
        return result
    }

    /// Sets the map size; only between transactions.
    /// - Throws: `LMDBError`.
    package func setMapSize(_ bytes: Int) throws(LMDBError) {
        try LMDBError.check(mdb_env_set_mapsize(handle, bytes), "mdb_env_set_mapsize")
    }

    /// Flushes the data file to disk (`mdb_env_sync` with force).
    /// - Throws: `LMDBError`.
    package func sync() throws(LMDBError) {
        try LMDBError.check(mdb_env_sync(handle, 1), "mdb_env_sync")
    }
}

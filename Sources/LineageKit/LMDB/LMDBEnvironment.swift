import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only liblmdb environment: never creates, locks or writes anything.
///
/// Opened with `MDB_RDONLY | MDB_NOLOCK`, so no `-lock` file appears beside the data
/// file and no write permission is needed; the data file is opened `O_RDONLY`.
package final class LMDBEnvironment {
    private let handle: OpaquePointer

    /// Opens the environment at `path`, a data file (`subdirectory == false`) or a
    /// directory holding `data.mdb`.
    ///
    /// Throws `LMDBError` when liblmdb refuses the file (`MDB_INVALID` for a file that
    /// is not LMDB, `MDB_VERSION_MISMATCH`, an `errno`).
    package init(readOnlyAt path: String, subdirectory: Bool, maxDatabases: UInt32 = 16) throws(LMDBError) {
        var env: OpaquePointer?
        try LMDBError.check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError(code: ENOMEM, function: "mdb_env_create") }
        do {
            try LMDBError.check(mdb_env_set_maxdbs(env, maxDatabases), "mdb_env_set_maxdbs")
            var flags = UInt32(MDB_RDONLY | MDB_NOLOCK | MDB_NORDAHEAD)
            if !subdirectory { flags |= UInt32(MDB_NOSUBDIR) }
            try LMDBError.check(mdb_env_open(env, path, flags, 0o444), "mdb_env_open")
        } catch {
            mdb_env_close(env)
            throw error
        }
        handle = env
    }

    deinit { mdb_env_close(handle) }

    /// Runs `body` inside one read-only transaction, aborted when `body` returns.
    ///
    /// Bytes seen inside the transaction are valid only until it ends.
    package func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
        var txn: OpaquePointer?
        try LMDBError.check(mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn), "mdb_txn_begin")
        guard let txn else { throw LMDBError(code: ENOMEM, function: "mdb_txn_begin") }
        defer { mdb_txn_abort(txn) }
        return try body(ReadTransaction(handle: txn))
    }
}

/// One open read transaction. Valid only inside `LMDBEnvironment.read`.
package struct ReadTransaction {
    fileprivate let handle: OpaquePointer

    /// A named sub-database and the flags it was created with.
    package struct Database {
        package let dbi: MDB_dbi
        package let flags: UInt32
        /// Whether the sub-database allows sorted duplicates (`MDB_DUPSORT`).
        package var isDupSort: Bool { flags & UInt32(MDB_DUPSORT) != 0 }
    }

    /// Opens the named sub-database, or `nil` when the main DB has no such name.
    package func database(named name: String) throws -> Database? {
        var dbi = MDB_dbi()
        let rc = mdb_dbi_open(handle, name, 0, &dbi)
        if rc == MDB_NOTFOUND { return nil }
        try LMDBError.check(rc, "mdb_dbi_open(\(name))")
        var flags: UInt32 = 0
        try LMDBError.check(mdb_dbi_flags(handle, dbi, &flags), "mdb_dbi_flags(\(name))")
        return Database(dbi: dbi, flags: flags)
    }

    /// Number of entries (every duplicate counted) in `database`; reads one record.
    package func entryCount(_ database: Database) throws -> Int {
        var stat = MDB_stat()
        try LMDBError.check(mdb_stat(handle, database.dbi, &stat), "mdb_stat")
        return Int(stat.ms_entries)
    }

    /// Runs `body` with a cursor on `database`, closed when `body` returns.
    package func withCursor<T>(_ database: Database, _ body: (Cursor) throws -> T) throws -> T {
        var cursor: OpaquePointer?
        try LMDBError.check(mdb_cursor_open(handle, database.dbi, &cursor), "mdb_cursor_open")
        guard let cursor else { throw LMDBError(code: ENOMEM, function: "mdb_cursor_open") }
        defer { mdb_cursor_close(cursor) }
        return try body(Cursor(handle: cursor))
    }

    /// The value stored under `key`, handed to `body` zero-copy, or `nil` if absent.
    package func get<T>(_ database: Database, key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val()
        let rc = mdb_get(handle, database.dbi, &k, &v)
        if rc == MDB_NOTFOUND { return nil }
        try LMDBError.check(rc, "mdb_get")
        return try body(UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }
}

/// A cursor over one sub-database. Valid only inside `ReadTransaction.withCursor`.
package struct Cursor {
    fileprivate let handle: OpaquePointer

    /// Visits entries in key order (every duplicate, in dup order) starting at the first
    /// key `>= start` (or the first key), until `body` returns `false` or the end.
    ///
    /// A cursor error mid-way is thrown, never mistaken for the end.
    package func forEach(from start: UnsafeRawBufferPointer?, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Bool) throws {
        var k = MDB_val()
        var v = MDB_val()
        var op = MDB_FIRST
        if let start, !start.isEmpty {
            k = MDB_val(mv_size: start.count, mv_data: UnsafeMutableRawPointer(mutating: start.baseAddress))
            op = MDB_SET_RANGE
        }
        var rc = mdb_cursor_get(handle, &k, &v, op)
        while rc == MDB_SUCCESS {
            let more = try body(
                UnsafeRawBufferPointer(start: k.mv_data, count: k.mv_size), UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
            if !more { return }
            rc = mdb_cursor_get(handle, &k, &v, MDB_NEXT)
        }
        if rc != MDB_NOTFOUND { try LMDBError.check(rc, "mdb_cursor_get") }
    }

    /// Moves to the first entry (`first`) or the next one and returns it, or `nil` at the end.
    package func step(first: Bool) throws -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        var k = MDB_val()
        var v = MDB_val()
        let rc = mdb_cursor_get(handle, &k, &v, first ? MDB_FIRST : MDB_NEXT)
        if rc == MDB_NOTFOUND { return nil }
        try LMDBError.check(rc, "mdb_cursor_get")
        return (UnsafeRawBufferPointer(start: k.mv_data, count: k.mv_size), UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }

    /// Visits every duplicate stored under exactly `key`, in order; nothing if absent.
    package func forEachDuplicate(of key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val()
        var rc = mdb_cursor_get(handle, &k, &v, MDB_SET_KEY)
        while rc == MDB_SUCCESS {
            try body(UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
            rc = mdb_cursor_get(handle, &k, &v, MDB_NEXT_DUP)
        }
        if rc != MDB_NOTFOUND { try LMDBError.check(rc, "mdb_cursor_get") }
    }
}

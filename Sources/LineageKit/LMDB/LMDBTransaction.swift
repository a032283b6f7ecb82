import CLMDB

/// A named sub-database (or the main database) and the flags it was created with.
///
/// The handle stays valid for the environment's lifetime once the transaction that
/// opened it has ended without being aborted (a read, or a committed write).
package struct LMDBDatabase: Sendable, Equatable {
    let dbi: MDB_dbi
    /// The database flags (`MDB_DUPSORT`, ...).
    let flags: UInt32

    /// Whether the sub-database allows sorted duplicates (`MDB_DUPSORT`).
    package var isDupSort: Bool { flags & UInt32(MDB_DUPSORT) != 0 }
}

/// One open transaction's reads. Valid only inside `LMDBEnvironment.read` or as the
/// `reader` of a `WriteTransaction`, where it sees that transaction's own writes.
package struct ReadTransaction {
    fileprivate let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    /// Opens the named sub-database, or returns `nil` when the main database has no such name.
    /// - Throws: `LMDBError`.
    package func database(named name: String) throws(LMDBError) -> LMDBDatabase? {
        try open(name)
    }

    /// The main database, which holds the names of the sub-databases (and any stray keys).
    /// - Throws: `LMDBError`.
    package func mainDatabase() throws(LMDBError) -> LMDBDatabase {
        guard let main = try open(nil) else { throw LMDBError(code: MDB_NOTFOUND, function: "mdb_dbi_open") }
        return main
    }

    private func open(_ name: String?) throws(LMDBError) -> LMDBDatabase? {
        var dbi = MDB_dbi()
        let rc = mdb_dbi_open(handle, name, 0, &dbi)
        if rc == MDB_NOTFOUND { return nil }
        try LMDBError.check(rc, "mdb_dbi_open")
        var flags: UInt32 = 0
        try LMDBError.check(mdb_dbi_flags(handle, dbi, &flags), "mdb_dbi_flags")
        return LMDBDatabase(dbi: dbi, flags: flags)
    }

    /// Number of entries (every duplicate counted) in `database`; reads one record.
    /// - Throws: `LMDBError`.
    package func entryCount(_ database: LMDBDatabase) throws(LMDBError) -> Int {
        var stat = MDB_stat()
        try LMDBError.check(mdb_stat(handle, database.dbi, &stat), "mdb_stat")
        return Int(stat.ms_entries)
    }

    /// Runs `body` with a cursor on `database`, closed when `body` returns.
    /// - Throws: `LMDBError` if the cursor cannot be opened, or what `body` throws.
    package func withCursor<T>(_ database: LMDBDatabase, _ body: (Cursor) throws -> T) throws -> T {
        let cursor = try LMDBError.handle("mdb_cursor_open") { mdb_cursor_open(handle, database.dbi, &$0) }
        defer { mdb_cursor_close(cursor) }
        return try body(Cursor(handle: cursor))
    }

    /// The value stored under `key` (the first duplicate in a DUPSORT database), handed
    /// to `body` zero-copy, or `nil` if absent.
    /// - Throws: `LMDBError`, or what `body` throws.
    package func get<T>(_ database: LMDBDatabase, key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        guard let value = try find(database, key: key) else { return nil }
        return try body(lmdbBytes(value))
    }

    /// Whether `key` is stored in `database`.
    /// - Throws: `LMDBError`.
    package func contains(_ database: LMDBDatabase, key: UnsafeRawBufferPointer) throws(LMDBError) -> Bool {
        try find(database, key: key) != nil
    }

    private func find(_ database: LMDBDatabase, key: UnsafeRawBufferPointer) throws(LMDBError) -> MDB_val? {
        var k = lmdbValue(key)
        var v = MDB_val()
        let rc = mdb_get(handle, database.dbi, &k, &v)
        if rc == MDB_NOTFOUND { return nil }
        try LMDBError.check(rc, "mdb_get")
        return v
    }
}

/// One open write transaction. Valid only inside `LMDBEnvironment.write`.
package struct WriteTransaction {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    /// The transaction's reads; they see its own earlier writes.
    package var reader: ReadTransaction { ReadTransaction(handle: handle) }

    /// Opens the named sub-database, creating it (with `MDB_DUPSORT` when `dupSort`) if
    /// the main database has no such name yet.
    /// - Throws: `LMDBError` (e.g. `MDB_INCOMPATIBLE` when it exists with other flags).
    package func createDatabase(named name: String, dupSort: Bool) throws(LMDBError) -> LMDBDatabase {
        var dbi = MDB_dbi()
        let flags = UInt32(MDB_CREATE) | (dupSort ? UInt32(MDB_DUPSORT) : 0)
        try LMDBError.check(mdb_dbi_open(handle, name, flags, &dbi), "mdb_dbi_open")
        return LMDBDatabase(dbi: dbi, flags: flags & ~UInt32(MDB_CREATE))
    }

    /// Puts `key -> value`; in a DUPSORT database an identical pair is kept once.
    /// - Throws: `LMDBError` (e.g. `MDB_BAD_VALSIZE` for an empty key).
    @inline(__always)
    package func put(_ database: LMDBDatabase, key: UnsafeRawBufferPointer, value data: UnsafeRawBufferPointer) throws(LMDBError) {
        var k = lmdbValue(key)
        var v = lmdbValue(data)
        try LMDBError.check(mdb_put(handle, database.dbi, &k, &v, 0), "mdb_put")
    }

    /// Deletes `key` with all its values, or only the duplicate `value` when given in a
    /// DUPSORT database; `false` when there was nothing to delete.
    /// - Throws: `LMDBError`.
    package func delete(_ database: LMDBDatabase, key: UnsafeRawBufferPointer, value data: UnsafeRawBufferPointer?) throws(LMDBError) -> Bool {
        var k = lmdbValue(key)
        let rc: Int32
        if let data {
            var v = lmdbValue(data)
            rc = mdb_del(handle, database.dbi, &k, &v)
        } else {
            rc = mdb_del(handle, database.dbi, &k, nil)
        }
        if rc == MDB_NOTFOUND { return false }
        try LMDBError.check(rc, "mdb_del")
        return true
    }
}

/// Lends `bytes` to liblmdb as an `MDB_val`; liblmdb only reads through it.
@inline(__always)
func lmdbValue(_ bytes: UnsafeRawBufferPointer) -> MDB_val {
    MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
}

/// The bytes an `MDB_val` points at, valid only while its transaction is open.
@inline(__always)
func lmdbBytes(_ value: MDB_val) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
}

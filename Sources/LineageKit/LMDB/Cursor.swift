import CLMDB

/// A cursor over one database. Valid only inside `ReadTransaction.withCursor`.
///
/// Every visit hands out bytes that point into the map (or the write transaction's
/// dirty pages): valid only during the callback.
package struct Cursor {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    /// Visits entries in key order (every duplicate, in dup order) starting at the first
    /// key `>= start` (or the first key), until `body` returns `false` or the end.
    ///
    /// A cursor error mid-way is thrown, never mistaken for the end.
    package func forEach(
        from start: UnsafeRawBufferPointer?, _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        if let start, !start.isEmpty {
            try visit(from: lmdbValue(start), MDB_SET_RANGE, then: MDB_NEXT, body)
        } else {
            try visit(from: MDB_val(), MDB_FIRST, then: MDB_NEXT, body)
        }
    }

    /// Visits every duplicate stored under exactly `key`, in order; nothing if absent.
    package func forEachDuplicate(of key: UnsafeRawBufferPointer, _ body: (_ value: UnsafeRawBufferPointer) throws -> Void) throws {
        try visit(from: lmdbValue(key), MDB_SET_KEY, then: MDB_NEXT_DUP) { _, value in
            try body(value)
            return true
        }
    }

    /// Moves to the first entry (`first`) or the next one and returns it, or `nil` at the end.
    /// - Throws: `LMDBError`.
    package func step(first: Bool) throws(LMDBError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        var k = MDB_val()
        var v = MDB_val()
        let rc = mdb_cursor_get(handle, &k, &v, first ? MDB_FIRST : MDB_NEXT)
        if rc == MDB_NOTFOUND { return nil }
        try LMDBError.check(rc, "mdb_cursor_get")
        return (lmdbBytes(k), lmdbBytes(v))
    }

    /// The one iteration loop: positions with `first`, then moves with `next` until
    /// `MDB_NOTFOUND` (the end) or `body` returns `false`; any other status is thrown.
    private func visit(
        from start: MDB_val, _ first: MDB_cursor_op, then next: MDB_cursor_op,
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        var k = start
        var v = MDB_val()
        var rc = mdb_cursor_get(handle, &k, &v, first)
        while rc == MDB_SUCCESS {
            guard try body(lmdbBytes(k), lmdbBytes(v)) else { return }
            rc = mdb_cursor_get(handle, &k, &v, next)
        }
        if rc != MDB_NOTFOUND { try LMDBError.check(rc, "mdb_cursor_get") }
    }
}

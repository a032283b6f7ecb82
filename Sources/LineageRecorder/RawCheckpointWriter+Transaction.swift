import CLMDB
import LineageKit

extension RawCheckpointWriter {
    /// One open write transaction, valid only inside the `write` closure that hands it out.
    ///
    /// Reads see the transaction's own earlier writes. Bytes are copied out of liblmdb,
    /// so returned values outlive the transaction. `database` nil names the main database.
    public struct Transaction {
        let txn: OpaquePointer
        let writer: RawCheckpointWriter

        /// Puts `key -> value`; in a DUPSORT database an identical pair is kept once.
        /// - Throws: `RecorderError.unknownDatabase`, `LMDBError`.
        public func put(database: String?, key: [UInt8], value: [UInt8]) throws {
            try put(writer.handle(database), key: key, value: value)
        }

        /// Puts a key/value pair of UTF-8 text.
        /// - Throws: `RecorderError.unknownDatabase`, `LMDBError`.
        public func put(database: String?, key: String, value: String) throws {
            try put(writer.handle(database), key: Array(key.utf8), value: Array(value.utf8))
        }

        /// Deletes `key` with all its values, or only the duplicate `value` when given in a
        /// DUPSORT database; false when there was nothing to delete.
        /// - Throws: `RecorderError.unknownDatabase`, `LMDBError`.
        @discardableResult
        public func delete(database: String?, key: [UInt8], value: [UInt8]? = nil) throws -> Bool {
            try delete(writer.handle(database), key: key, value: value)
        }

        /// The value stored under `key` (the first duplicate in a DUPSORT database), or nil.
        /// - Throws: `RecorderError.unknownDatabase`, `LMDBError`.
        public func value(database: String?, key: [UInt8]) throws -> [UInt8]? {
            try value(writer.handle(database), key: key)
        }

        /// Every value stored under `key`, in LMDB order (one for a plain database).
        /// - Throws: `RecorderError.unknownDatabase`, `LMDBError`.
        public func values(database: String?, key: [UInt8]) throws -> [[UInt8]] {
            try values(writer.handle(database), key: key)
        }

        // MARK: by handle, for the recorder's hot path

        func put(_ database: MDB_dbi, key: [UInt8], value: [UInt8]) throws(LMDBError) {
            let rc = withValue(key) { keyValue in
                withValue(value) { dataValue in mdb_put(txn, database, &keyValue, &dataValue, 0) }
            }
            try LMDBError.check(rc, "mdb_put")
        }

        func delete(_ database: MDB_dbi, key: [UInt8], value: [UInt8]?) throws(LMDBError) -> Bool {
            let rc = withValue(key) { keyValue in
                if let value {
                    withValue(value) { dataValue in mdb_del(txn, database, &keyValue, &dataValue) }
                } else {
                    mdb_del(txn, database, &keyValue, nil)
                }
            }
            if rc == MDB_NOTFOUND { return false }
            try LMDBError.check(rc, "mdb_del")
            return true
        }

        func value(_ database: MDB_dbi, key: [UInt8]) throws(LMDBError) -> [UInt8]? {
            var found = MDB_val()
            let rc = withValue(key) { keyValue in mdb_get(txn, database, &keyValue, &found) }
            if rc == MDB_NOTFOUND { return nil }
            try LMDBError.check(rc, "mdb_get")
            return Self.bytes(found)
        }

        func contains(_ database: MDB_dbi, key: [UInt8]) throws(LMDBError) -> Bool {
            try value(database, key: key) != nil
        }

        func values(_ database: MDB_dbi, key: [UInt8]) throws(LMDBError) -> [[UInt8]] {
            var opened: OpaquePointer?
            try LMDBError.check(mdb_cursor_open(txn, database, &opened), "mdb_cursor_open")
            guard let cursor = opened else { throw LMDBError(code: MDB_PANIC, function: "mdb_cursor_open") }
            defer { mdb_cursor_close(cursor) }
            var data = MDB_val()
            var rc = withValue(key) { keyValue in mdb_cursor_get(cursor, &keyValue, &data, MDB_SET) }
            var result: [[UInt8]] = []
            while rc == MDB_SUCCESS {
                result.append(Self.bytes(data))
                var ignoredKey = MDB_val()
                rc = mdb_cursor_get(cursor, &ignoredKey, &data, MDB_NEXT_DUP)
            }
            if rc != MDB_NOTFOUND { try LMDBError.check(rc, "mdb_cursor_get") }
            return result
        }

        private static func bytes(_ value: MDB_val) -> [UInt8] {
            Array(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
        }
    }
}

/// Lends `bytes` to liblmdb as an `MDB_val` for the duration of `body`.
@inline(__always)
func withValue<Result>(_ bytes: [UInt8], _ body: (inout MDB_val) -> Result) -> Result {
    bytes.withUnsafeBytes { raw in
        var value = MDB_val(mv_size: raw.count, mv_data: UnsafeMutableRawPointer(mutating: raw.baseAddress))
        return body(&value)
    }
}

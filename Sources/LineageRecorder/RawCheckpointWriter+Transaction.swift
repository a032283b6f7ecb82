import LineageKit

extension RawCheckpointWriter {
    /// One open write transaction, valid only inside the `write` closure that hands it out.
    ///
    /// Reads see the transaction's own earlier writes. Bytes are copied out of liblmdb,
    /// so returned values outlive the transaction. `database` nil names the main database.
    public struct Transaction {
        let txn: WriteTransaction
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

        // By handle, for the recorder's hot path.

        func put(_ database: LMDBDatabase, key: [UInt8], value: [UInt8]) throws {
            try key.withUnsafeBytes { key in
                try value.withUnsafeBytes { value in try txn.put(database, key: key, value: value) }
            }
        }

        func delete(_ database: LMDBDatabase, key: [UInt8], value: [UInt8]?) throws -> Bool {
            try key.withUnsafeBytes { key in
                guard let value else { return try txn.delete(database, key: key, value: nil) }
                return try value.withUnsafeBytes { value in try txn.delete(database, key: key, value: value) }
            }
        }

        func value(_ database: LMDBDatabase, key: [UInt8]) throws -> [UInt8]? {
            try key.withUnsafeBytes { key in try txn.reader.get(database, key: key) { Array($0) } }
        }

        func contains(_ database: LMDBDatabase, key: [UInt8]) throws -> Bool {
            try key.withUnsafeBytes { key in try txn.reader.contains(database, key: key) }
        }

        func values(_ database: LMDBDatabase, key: [UInt8]) throws -> [[UInt8]] {
            try txn.reader.withCursor(database) { cursor in
                var result: [[UInt8]] = []
                try key.withUnsafeBytes { key in try cursor.forEachDuplicate(of: key) { result.append(Array($0)) } }
                return result
            }
        }
    }
}

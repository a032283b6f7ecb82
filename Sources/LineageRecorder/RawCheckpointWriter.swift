import LineageKit

/// A single-file LMDB environment opened the way the pipeline's writer opens it, holding
/// whichever named sub-databases the caller asks for.
///
/// `CheckpointRecorder` is built on it with the four pipeline databases; tests use it
/// directly to write checkpoints that break one invariant (a missing or extra
/// sub-database, `in_edges` without `MDB_DUPSORT`, a malformed key, a dangling edge).
/// Not thread-safe: one writer, one thread, as in the pipeline.
public final class RawCheckpointWriter {
    /// A named sub-database to create: its name and whether it holds sorted duplicates.
    public typealias DatabaseSpec = (name: String, dupsort: Bool)

    /// The pipeline's four sub-databases, in the order its writer opens them.
    public static let pipelineDatabases: [DatabaseSpec] = SubDatabase.allCases.map { (name: $0.rawValue, dupsort: $0.isDupSort) }

    /// The map size the pipeline starts with (16 GiB); it doubles whenever a write fills it.
    public static let pipelineMapSize = 16 << 30

    /// The pipeline's `max_dbs`; raised only when a caller asks for more databases.
    static let pipelineMaxDatabases = 4

    /// The data file this writer writes.
    public let path: String

    /// The current map size in bytes (grows by doubling when a transaction fills the map).
    public private(set) var mapSize: Int

    /// The sub-database names, in creation order.
    public let databaseNames: [String]

    private var environment: LMDBEnvironment?
    private let handles: [String: LMDBDatabase]
    let mainHandle: LMDBDatabase

    /// Creates a new single-file checkpoint at `path` holding `databases`, all empty.
    ///
    /// Opens with `MDB_NOSUBDIR | MDB_NOLOCK` (no `-lock` file, as the pipeline) plus the
    /// pipeline's `MDB_NOSYNC | MDB_NOMETASYNC | MDB_NORDAHEAD`, sets `max_dbs` to
    /// `max(4, databases.count)`, and creates the databases in one first transaction.
    /// - Throws: `RecorderError.fileExists` if `path` exists and `overwrite` is false,
    ///   `RecorderError.notARegularFile` for a directory, `LMDBError` if liblmdb fails.
    public init(
        creating path: String,
        databases: [DatabaseSpec],
        overwrite: Bool = false,
        mapSize: Int = RawCheckpointWriter.pipelineMapSize
    ) throws {
        self.path = path
        self.mapSize = mapSize
        try CheckpointFile.claim(path, overwrite: overwrite)
        let opened: LMDBEnvironment
        do {
            let maxDatabases = max(Self.pipelineMaxDatabases, databases.count)
            opened = try LMDBEnvironment(writingAt: path, maxDatabases: maxDatabases, mapSize: mapSize)
            (mainHandle, handles) = try opened.write { txn in
                let main = try txn.reader.mainDatabase()
                var named: [String: LMDBDatabase] = [:]
                for database in databases {
                    named[database.name] = try txn.createDatabase(named: database.name, dupSort: database.dupsort)
                }
                return (main, named)
            }
        } catch {
            try? CheckpointFile.removeIfPresent(path)
            throw error
        }
        environment = opened
        databaseNames = databases.map(\.name)
    }

    /// Flushes the file to disk once and releases the environment; later writes throw
    /// `RecorderError.closed`. Closing twice does nothing.
    /// - Throws: `LMDBError` if the flush fails (the environment is released regardless).
    public func close() throws {
        guard let env = environment else { return }
        environment = nil
        try env.sync()
    }

    /// Runs `body` in one write transaction and commits it.
    ///
    /// If the transaction fills the map, it is aborted, the map size doubled (as the
    /// pipeline does) and `body` run again from the start, so `body` must not have
    /// effects outside the transaction. The transaction must not escape `body`.
    /// - Throws: whatever `body` throws (the transaction is then aborted), `LMDBError`
    ///   for liblmdb failures, `RecorderError.closed` after `close()`.
    public func write<Result>(_ body: (Transaction) throws -> Result) throws -> Result {
        guard let env = environment else { throw RecorderError.closed(path: path) }
        while true {
            do {
                return try env.write { txn in try body(Transaction(txn: txn, writer: self)) }
            } catch let error as LMDBError where error.kind == .mapFull {
                let doubled = mapSize.multipliedReportingOverflow(by: 2)
                guard !doubled.overflow else { throw error }
                try env.setMapSize(doubled.partialValue)
                mapSize = doubled.partialValue
            }
        }
    }

    /// Puts one key/value pair in its own transaction (`database` nil is the main database).
    /// - Throws: `RecorderError.unknownDatabase`, `LMDBError` (e.g. `MDB_BAD_VALSIZE` for an empty key).
    public func put(database: String?, key: [UInt8], value: [UInt8]) throws {
        try write { try $0.put(database: database, key: key, value: value) }
    }

    /// Puts one key/value pair of UTF-8 text in its own transaction.
    /// - Throws: as `put(database:key:value:)` with bytes.
    public func put(database: String?, key: String, value: String) throws {
        try put(database: database, key: Array(key.utf8), value: Array(value.utf8))
    }

    /// Deletes `key` (or, in a DUPSORT database, only its duplicate `value`) in its own
    /// transaction; returns false when there was nothing to delete.
    /// - Throws: `RecorderError.unknownDatabase`, `LMDBError`.
    @discardableResult
    public func delete(database: String?, key: [UInt8], value: [UInt8]? = nil) throws -> Bool {
        try write { try $0.delete(database: database, key: key, value: value) }
    }

    /// Deletes a key (or one duplicate) given as UTF-8 text, in its own transaction.
    /// - Throws: as `delete(database:key:value:)` with bytes.
    @discardableResult
    public func delete(database: String?, key: String, value: String? = nil) throws -> Bool {
        try delete(database: database, key: Array(key.utf8), value: value.map { Array($0.utf8) })
    }

    /// The handle of a sub-database by name; nil is the main database.
    func handle(_ name: String?) throws(RecorderError) -> LMDBDatabase {
        guard let name else { return mainHandle }
        guard let handle = handles[name] else { throw .unknownDatabase(name: name, known: databaseNames) }
        return handle
    }
}

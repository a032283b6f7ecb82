/// Looks tasks up inside one read transaction: udid prefixes, records, neighbours.
/// Opens the four sub-databases once, so a batch of lookups pays that once; each
/// lookup costs a few B-tree descents, independent of the checkpoint's size.
/// Obtained from `CheckpointReader.lookup()`; valid inside the transaction only.
public struct TaskLookup {
    let reader: CheckpointReader
    let inEdges: LMDBDatabase
    let outEdges: LMDBDatabase
    let taskType: LMDBDatabase
    let completed: LMDBDatabase

    /// - Throws: `CheckpointError.missingDatabase` or `.wrongFlags`.
    init(reader: CheckpointReader) throws {
        self.reader = reader
        inEdges = try reader.require(.inEdges)
        outEdges = try reader.require(.outEdges)
        taskType = try reader.require(.taskType)
        completed = try reader.require(.completed)
    }

    /// The tasks `prefix` names: one, none, or several (at most `limit` listed).
    ///
    /// A task counts when its udid is a key anywhere (`task_type` first, then the edge
    /// keys and `completed`), so a task a damaged file records only in part is found.
    /// A full udid costs at most four point lookups; a prefix, one cursor seek per
    /// sub-database searched.
    /// - Throws: `LMDBError` when reading fails.
    public func match(_ prefix: UDIDPrefix, limit: Int = 20) throws -> PrefixMatch {
        if let udid = prefix.udid {
            let found = try withKey(udid.string) { key in
                try [taskType, inEdges, outEdges, completed].contains { try reader.transaction.contains($0, key: key) }
            }
            return found ? .unique(udid) : .none
        }
        var found = Set<UDID>()
        let digits = Array(prefix.digits.utf8)
        for database in [taskType, inEdges, outEdges, completed] {
            try reader.transaction.withCursor(database) { cursor in
                try digits.withUnsafeBytes { start in
                    try cursor.forEach(from: start) { key, _ in
                        guard key.starts(with: digits) else { return false }
                        if let udid = UDID(bytes: key) { found.insert(udid) }
                        return found.count <= limit
                    }
                }
            }
            if !found.isEmpty && database == taskType { break }
        }
        switch found.count {
        case 0: return .none
        case 1: return .unique(found.first!)
        default: return .several(Array(found.sorted().prefix(limit)), more: found.count > limit)
        }
    }

    /// The one task `prefix` names.
    /// - Throws: `TaskLookupError` when none or several do; `LMDBError` when reading fails.
    public func resolve(_ prefix: UDIDPrefix) throws -> UDID {
        switch try match(prefix) {
        case .unique(let udid): return udid
        case .none: throw TaskLookupError.notFound(path: reader.path, prefix: prefix)
        case .several(let candidates, let more):
            throw TaskLookupError.ambiguous(path: reader.path, prefix: prefix, candidates: candidates, more: more)
        }
    }

    /// The full record of one task, or `nil` when the udid appears nowhere. Costs a
    /// handful of B-tree lookups per neighbour.
    /// - Throws: `LMDBError` when reading fails.
    public func record(_ udid: UDID) throws -> TaskRecord? {
        let (typeName, completed) = try typeAndCompletion(of: udid.string)
        let parents = try neighbours(of: udid.string, in: inEdges)
        let children = try neighbours(of: udid.string, in: outEdges)
        if typeName == nil, !completed, parents.isEmpty, children.isEmpty { return nil }
        return TaskRecord(udid: udid.string, typeName: typeName, completed: completed, parents: parents, children: children)
    }

    /// The stored type name (nil if absent) and completion of `udid`.
    func typeAndCompletion(of udid: String) throws -> (typeName: String?, completed: Bool) {
        try withKey(udid) { key in
            let typeName = try reader.transaction.get(taskType, key: key) { String(decoding: $0, as: UTF8.self) }
            let done = try reader.transaction.contains(completed, key: key)
            return (typeName, done)
        }
    }

    /// The duplicates of `udid` in an edge database (its parents or children), sorted,
    /// each with its type and completion.
    func neighbours(of udid: String, in database: LMDBDatabase) throws -> [TaskSummary] {
        let ids = try duplicates(of: udid, in: database)
        return try ids.map { id in
            let (typeName, done) = try typeAndCompletion(of: id)
            return TaskSummary(udid: id, typeName: typeName, completed: done)
        }
    }

    /// The duplicates stored under `udid` in an edge database, in order.
    func duplicates(of udid: String, in database: LMDBDatabase) throws -> [String] {
        try reader.transaction.withCursor(database) { cursor in
            var ids: [String] = []
            try withKey(udid) { key in
                try cursor.forEachDuplicate(of: key) { ids.append(String(decoding: $0, as: UTF8.self)) }
            }
            return ids
        }
    }

    /// Udids of the parents and children of `udid`, in key order.
    func adjacent(_ udid: String) throws -> (parents: [String], children: [String]) {
        (try duplicates(of: udid, in: inEdges), try duplicates(of: udid, in: outEdges))
    }
}

/// Hands the UTF-8 bytes of `text` to `body` without copying them (when the string is
/// native and contiguous, as udids made here are).
@inline(__always)
private func withKey<T>(_ text: String, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    var text = text
    return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
}

/// What a udid prefix names in a checkpoint.
public enum PrefixMatch: Equatable, Sendable {
    /// Exactly one task.
    case unique(UDID)
    /// No task.
    case none
    /// Several tasks: the first ones in udid order, and whether there are more.
    case several([UDID], more: Bool)
}

/// A udid or prefix that names no task, or several: a typed value the caller words.
public enum TaskLookupError: Error, Equatable, Sendable {
    /// No task's udid starts with `prefix`.
    case notFound(path: String, prefix: UDIDPrefix)
    /// Several do: the first `candidates` in udid order, and whether there are more.
    case ambiguous(path: String, prefix: UDIDPrefix, candidates: [UDID], more: Bool)

    /// The checkpoint searched.
    public var path: String {
        switch self {
        case .notFound(let path, _), .ambiguous(let path, _, _, _): path
        }
    }
}

extension CheckpointReader {
    /// A lookup of tasks in this transaction (opens the four sub-databases once).
    /// - Throws: `CheckpointError.missingDatabase` or `.wrongFlags`.
    public func lookup() throws -> TaskLookup { try TaskLookup(reader: self) }

    /// The one task `prefix` (4 to 32 hex digits) names; see `TaskLookup.match`.
    /// - Throws: `TaskLookupError` when none or several do; `CheckpointError`.
    public func resolve(prefix: UDIDPrefix) throws -> UDID { try lookup().resolve(prefix) }

    /// The full record of one task, or `nil` when the udid appears nowhere. Costs a
    /// handful of B-tree lookups per neighbour, independent of the checkpoint's size.
    public func record(_ udid: UDID) throws -> TaskRecord? { try lookup().record(udid) }
}

/// Point lookups of tasks inside one transaction: type, completion, neighbours.
/// Each costs one B-tree descent, independent of the checkpoint's size.
struct Lookup {
    let reader: CheckpointReader
    let inEdges: LMDBDatabase
    let outEdges: LMDBDatabase
    let taskType: LMDBDatabase
    let completed: LMDBDatabase

    init(reader: CheckpointReader) throws {
        self.reader = reader
        inEdges = try reader.require(.inEdges)
        outEdges = try reader.require(.outEdges)
        taskType = try reader.require(.taskType)
        completed = try reader.require(.completed)
    }

    /// The stored type name (nil if absent) and completion of `udid`.
    func typeAndCompletion(of udid: String) throws -> (typeName: String?, completed: Bool) {
        try Array(udid.utf8).withUnsafeBytes { key in
            let typeName = try reader.transaction.get(taskType, key: key) { String(decoding: $0, as: UTF8.self) }
            let done = try reader.transaction.get(completed, key: key) { _ in true } ?? false
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
            try Array(udid.utf8).withUnsafeBytes { key in
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

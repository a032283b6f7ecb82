/// Reads a checkpoint inside one read transaction. Obtained from `Checkpoint.read`.
///
/// Zero-copy: byte buffers handed to callbacks point into the map and are valid only
/// during the callback.
public struct CheckpointReader {
    let transaction: ReadTransaction
    /// The checkpoint's path, for error messages.
    public let path: String

    init(transaction: ReadTransaction, path: String) {
        self.transaction = transaction
        self.path = path
    }

    /// Opens a sub-database the caller needs; throws `CheckpointError.missingDatabase`
    /// when it is absent and `.wrongFlags` when its DUPSORT flag is not as the writer sets it.
    func require(_ name: SubDatabase) throws -> LMDBDatabase {
        guard let database = try transaction.database(named: name.rawValue) else {
            throw CheckpointError.missingDatabase(path: path, name: name.rawValue)
        }
        guard database.isDupSort == name.isDupSort else {
            throw CheckpointError.wrongFlags(path: path, name: name.rawValue)
        }
        return database
    }

    /// Udids starting with `prefix` (lowercase hex), sorted, at most `limit` of them.
    ///
    /// Searches `task_type` first, then the edge keys, so a task that only appears in
    /// edges (a damaged file) can still be shown.
    public func udids(withPrefix prefix: String, limit: Int = 20) throws -> [UDID] {
        var found = Set<UDID>()
        let prefixBytes = Array(prefix.utf8)
        for name in [SubDatabase.taskType, .inEdges, .outEdges] {
            guard let database = try transaction.database(named: name.rawValue) else { continue }
            try transaction.withCursor(database) { cursor in
                try prefixBytes.withUnsafeBytes { start in
                    try cursor.forEach(from: start) { key, _ in
                        guard key.starts(with: prefixBytes) else { return false }
                        if let udid = UDID(bytes: key) { found.insert(udid) }
                        return found.count <= limit
                    }
                }
            }
            if !found.isEmpty && name == .taskType { break }
        }
        return Array(found.sorted().prefix(limit))
    }

    /// Streams every edge `parent -> child` in key order (parent, then child), from
    /// `out_edges`; with `parent` set, only that task's children; with `child` set, only
    /// that task's parents (read from `in_edges`, still reported parent -> child).
    public func forEachEdge(
        parent: UDID? = nil, child: UDID? = nil,
        _ body: (_ parent: UnsafeRawBufferPointer, _ child: UnsafeRawBufferPointer) throws -> Void
    ) throws {
        if let child {
            let inEdges = try require(.inEdges)
            try transaction.withCursor(inEdges) { cursor in
                try Array(child.string.utf8).withUnsafeBytes { key in
                    try cursor.forEachDuplicate(of: key) { value in
                        if let parent, !value.elementsEqual(parent.string.utf8) { return }
                        try body(value, key)
                    }
                }
            }
            return
        }
        let outEdges = try require(.outEdges)
        try transaction.withCursor(outEdges) { cursor in
            if let parent {
                try Array(parent.string.utf8).withUnsafeBytes { key in
                    try cursor.forEachDuplicate(of: key) { value in try body(key, value) }
                }
            } else {
                try cursor.forEach(from: nil) { key, value in
                    try body(key, value)
                    return true
                }
            }
        }
    }

    /// Streams every task of `task_type` in key order with its stored type and whether
    /// `completed` holds it. One merge of two sorted cursors: no lookups.
    public func forEachTask(
        _ body: (_ udid: UnsafeRawBufferPointer, _ typeName: UnsafeRawBufferPointer, _ completed: Bool) throws -> Void
    ) throws {
        let types = try require(.taskType)
        let completed = try require(.completed)
        try transaction.withCursor(completed) { doneCursor in
            var done = DoneMerger(cursor: doneCursor)
            try transaction.withCursor(types) { cursor in
                try cursor.forEach(from: nil) { key, value in
                    try body(key, value, try done.contains(key))
                    return true
                }
            }
        }
    }

    /// Counts tasks per type and completion in one streaming pass; with `type` or
    /// `completed` set, only the tasks of that type or completion are counted.
    public func typeSummary(type: TaskType? = nil, completed wanted: Bool? = nil) throws -> TypeSummary {
        var summary = TypeSummary()
        try forEachTask { _, typeName, completed in
            if let wanted, completed != wanted { return }
            if let type, TaskType(bytes: typeName) != type { return }
            // A damaged file may hold other words; they are counted under themselves.
            let name = TaskType(bytes: typeName)?.rawValue ?? String(decoding: typeName, as: UTF8.self)
            summary.add(typeName: name, completed: completed)
        }
        return summary
    }

    /// Number of edges in `out_edges` (read from the sub-database record, O(1)).
    public func edgeCount() throws -> Int {
        try transaction.entryCount(require(.outEdges))
    }

    /// Number of tasks in `task_type` (read from the sub-database record, O(1)).
    public func taskCount() throws -> Int {
        try transaction.entryCount(require(.taskType))
    }
}

/// Walks the sorted `completed` keys alongside another ascending key stream.
private struct DoneMerger {
    let cursor: Cursor
    private var current: UnsafeRawBufferPointer? = nil
    private var started = false

    init(cursor: Cursor) { self.cursor = cursor }

    /// Whether `key` is completed; keys must be asked in ascending order.
    mutating func contains(_ key: UnsafeRawBufferPointer) throws -> Bool {
        if !started {
            started = true
            current = try cursor.step(first: true)?.key
        }
        while let done = current, done.lexicographicallyPrecedes(key) {
            current = try cursor.step(first: false)?.key
        }
        return current.map { $0.elementsEqual(key) } ?? false
    }
}

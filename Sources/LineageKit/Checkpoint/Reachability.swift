/// Which way a walk follows the edges.
public enum WalkDirection: String, Sendable, CaseIterable {
    /// Upwards through `in_edges`: parents, their parents, and so on.
    case ancestors
    /// Downwards through `out_edges`: children, their children, and so on.
    case descendants
}

/// A task a walk reached, with its type and completion.
public struct ReachedTask: Sendable, Equatable {
    /// The task.
    public let udid: UDID
    /// Fewest edges between the task the walk started from and this one; on a path, the
    /// position from the path's upper end (0 for the upper end itself).
    public let distance: Int
    /// The stored `task_type` value, `nil` when the task has no entry (a damaged file).
    public let typeName: String?
    /// Whether `completed` holds the task.
    public let completed: Bool
}

/// One shortest chain of edges between two tasks, from the upper task down to the lower.
public struct TaskPath: Sendable, Equatable {
    /// The tasks from the upper end down to the lower end; `distance` is the position.
    public let tasks: [ReachedTask]
    /// Whether the path runs from the walk's `to` down to its `from`: `to` was above.
    public let reversed: Bool
}

extension CheckpointReader {
    /// Streams every task reachable from `start` in `direction`, each once, without
    /// `start` itself, ordered by distance (fewest edges), then udid; with `maxDistance`,
    /// only those at most that many edges away.
    ///
    /// Breadth-first with point lookups: each reached task costs one cursor seek for its
    /// neighbours and two lookups for its type and completion, so the cost follows the
    /// answer, not the checkpoint's size. Memory: 16 bytes per reached task. An edge
    /// value that is not a udid (a damaged file) is not followed; `verify` reports it.
    /// `progress` hears "walking <direction>" every 65,536 tasks.
    /// - Throws: `CheckpointError.missingDatabase` or `.wrongFlags`, `LMDBError`, or what
    ///   `body` throws.
    public func forEachReachable(
        from start: UDID, direction: WalkDirection, maxDistance: Int? = nil, progress: ProgressHandler? = nil,
        _ body: (ReachedTask) throws -> Void
    ) throws {
        let walk = try Walk(lookup: lookup())
        try walk.levels(from: start, direction: direction, maxDistance: maxDistance) { level, distance in
            for task in level {
                try body(walk.reached(task, distance: distance))
                walk.reachedCount += 1
                if WorkProgress.isDue(walk.reachedCount) {
                    progress?(WorkProgress(phase: "walking \(direction.rawValue)", done: walk.reachedCount, total: nil, unit: "tasks"))
                }
            }
        }
    }

    /// One shortest path of edges from `from` down to `to`, or, when there is none and
    /// `to` is above `from`, from `to` down to `from` (`reversed`); `nil` when neither
    /// descends from the other. `from == to` is a path of one task.
    ///
    /// Breadth-first over `out_edges` from `from` until `to` is reached (then, if need
    /// be, from `to`): the cost follows the descendants visited, not the checkpoint's
    /// size. Of several shortest paths the same one is chosen every time: neighbours are
    /// visited in key order.
    /// - Throws: `CheckpointError.missingDatabase` or `.wrongFlags`, `LMDBError`.
    public func shortestPath(from: UDID, to: UDID) throws -> TaskPath? {
        let walk = try Walk(lookup: lookup())
        var reversed = false
        guard let source = PackedUDID(from), let target = PackedUDID(to) else { return nil }
        var chain = try walk.downwardPath(from: source, to: target)
        if chain == nil {
            chain = try walk.downwardPath(from: target, to: source)
            reversed = true
        }
        guard let chain else { return nil }
        return TaskPath(tasks: try chain.enumerated().map { try walk.reached($1, distance: $0) }, reversed: reversed)
    }
}

/// The state of one walk: the four sub-databases and a reusable key buffer.
private final class Walk {
    let lookup: TaskLookup
    var reachedCount = 0
    private var key = [UInt8](repeating: 0, count: UDID.length)

    init(lookup: TaskLookup) { self.lookup = lookup }

    private var transaction: ReadTransaction { lookup.reader.transaction }

    /// Hands each level of a breadth-first walk from `start` to `body`, sorted, with its
    /// distance (1, 2, ...), until nothing new is reached or `maxDistance` is passed.
    func levels(
        from start: UDID, direction: WalkDirection, maxDistance: Int?, _ body: ([PackedUDID], Int) throws -> Void
    ) throws {
        guard let origin = PackedUDID(start) else { return }
        let edges = direction == .ancestors ? lookup.inEdges : lookup.outEdges
        try transaction.withCursor(edges) { cursor in
            var visited: Set<PackedUDID> = [origin]
            var frontier = [origin]
            var distance = 0
            while !frontier.isEmpty, distance < (maxDistance ?? Int.max) {
                distance += 1
                var next: [PackedUDID] = []
                for task in frontier {
                    try forEachNeighbour(of: task, cursor) { neighbour in
                        if visited.insert(neighbour).inserted { next.append(neighbour) }
                    }
                }
                next.sort()
                if !next.isEmpty { try body(next, distance) }
                frontier = next
            }
        }
    }

    /// The tasks of one shortest path from `source` down to `target`, `source` first, or
    /// `nil` when `target` is not below `source`.
    func downwardPath(from source: PackedUDID, to target: PackedUDID) throws -> [PackedUDID]? {
        if source == target { return [source] }
        return try transaction.withCursor(lookup.outEdges) { cursor -> [PackedUDID]? in
            var parent: [PackedUDID: PackedUDID] = [:]
            var frontier = [source]
            var visited: Set<PackedUDID> = [source]
            while !frontier.isEmpty {
                var next: [PackedUDID] = []
                for task in frontier {
                    var found = false
                    try forEachNeighbour(of: task, cursor) { child in
                        guard !found, visited.insert(child).inserted else { return }
                        parent[child] = task
                        next.append(child)
                        if child == target { found = true }
                    }
                    if found {
                        var chain = [target]
                        while let up = parent[chain[chain.count - 1]] { chain.append(up) }
                        return chain.reversed()
                    }
                }
                frontier = next
            }
            return nil
        }
    }

    /// The neighbours stored under `task` in the cursor's edge database, in key order;
    /// values that are not udids are skipped.
    private func forEachNeighbour(of task: PackedUDID, _ cursor: Cursor, _ body: (PackedUDID) -> Void) throws {
        task.writeHex(into: &key)
        try key.withUnsafeBytes { key in
            try cursor.forEachDuplicate(of: key) { value in
                if let neighbour = PackedUDID(value) { body(neighbour) }
            }
        }
    }

    /// `task` with its type and completion: two point lookups.
    func reached(_ task: PackedUDID, distance: Int) throws -> ReachedTask {
        task.writeHex(into: &key)
        let (typeName, completed) = try key.withUnsafeBytes { key in
            let typeName = try transaction.get(lookup.taskType, key: key) { String(decoding: $0, as: UTF8.self) }
            return (typeName, try transaction.contains(lookup.completed, key: key))
        }
        return ReachedTask(udid: task.udid, distance: distance, typeName: typeName, completed: completed)
    }
}

extension PackedUDID {
    /// The 128-bit value of a well-formed udid.
    fileprivate init?(_ udid: UDID) {
        var text = udid.string
        guard let packed = text.withUTF8({ PackedUDID(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = packed
    }

    /// Writes the 32 hex digits into `out` (which holds 32 bytes), as the checkpoint
    /// stores the udid, without making a string.
    fileprivate func writeHex(into out: inout [UInt8]) {
        func digit(_ half: UInt64, _ i: Int) -> UInt8 {
            let nibble = UInt8(truncatingIfNeeded: half >> UInt64(60 - 4 * i)) & 0xf
            return nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
        }
        for i in 0..<16 {
            out[i] = digit(high, i)
            out[16 + i] = digit(low, i)
        }
    }
}

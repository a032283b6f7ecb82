/// A part of the task DAG small enough to draw: tasks with their type and completion,
/// and the edges among them.
public struct Subgraph: Sendable, Equatable {
    /// Tasks, sorted by udid.
    public var tasks: [TaskSummary]
    /// Edges `(parent, child)` between tasks of `tasks`, sorted.
    public var edges: [(parent: String, child: String)]
    /// The task the export is centred on, if any.
    public var focus: String?

    public static func == (lhs: Subgraph, rhs: Subgraph) -> Bool {
        lhs.tasks == rhs.tasks && lhs.focus == rhs.focus && lhs.edges.elementsEqual(rhs.edges) { $0 == $1 }
    }
}

/// The export would hold more tasks than the caller allows. `description` states the
/// numbers and names the file.
public struct SubgraphTooLarge: Error, Equatable, Sendable, CustomStringConvertible {
    /// The checkpoint.
    public let path: String
    /// Tasks the export would hold (at least this many).
    public let tasks: Int
    /// The limit that was exceeded.
    public let limit: Int
    /// Whether the export was centred on a task (a neighbourhood) rather than the whole graph.
    public let around: Bool

    package init(path: String, tasks: Int, limit: Int, around: Bool) {
        self.path = path
        self.tasks = tasks
        self.limit = limit
        self.around = around
    }

    public var description: String {
        let scope = around ? "the neighbourhood has more than \(limit) tasks" : "the checkpoint has \(tasks) tasks, more than the limit of \(limit)"
        return "\(path): \(scope)."
    }
}

extension CheckpointReader {
    /// The whole DAG, refused with `SubgraphTooLarge` above `maxNodes` tasks (the count
    /// is read from the sub-database record first, so refusing costs nothing).
    /// `progress` hears "reading task_type" and "reading out_edges" every 65,536 entries.
    ///
    /// Tasks arrive from `task_type` in key order, which is udid order, so they are
    /// appended as they come; membership of edge ends is tested on 128-bit udids.
    public func wholeGraph(maxNodes: Int, progress: ProgressHandler? = nil) throws -> Subgraph {
        let count = try taskCount()
        if count > maxNodes { throw SubgraphTooLarge(path: path, tasks: count, limit: maxNodes, around: false) }
        var tasks: [TaskSummary] = []
        tasks.reserveCapacity(count)
        var known = TaskSet()
        known.reserve(count)
        var sorted = true
        try forEachTask { udid, typeName, completed in
            let id = String(decoding: udid, as: UTF8.self)
            if let last = tasks.last, !(last.udid < id) { sorted = false }
            tasks.append(TaskSummary(udid: id, typeName: String(decoding: typeName, as: UTF8.self), completed: completed))
            known.insert(udid)
            if WorkProgress.isDue(tasks.count) { progress?(WorkProgress(phase: "reading task_type", done: tasks.count, total: count, unit: "tasks")) }
        }
        let edgeTotal = try edgeCount()
        var edges: [(parent: String, child: String)] = []
        edges.reserveCapacity(edgeTotal)
        // A udid that is only in an edge (a damaged file) is still drawn, untyped.
        var untyped = Set<String>()
        try forEachEdge { parent, child in
            let pair = (String(decoding: parent, as: UTF8.self), String(decoding: child, as: UTF8.self))
            if !known.contains(parent) { untyped.insert(pair.0) }
            if !known.contains(child) { untyped.insert(pair.1) }
            edges.append(pair)
            if WorkProgress.isDue(edges.count) { progress?(WorkProgress(phase: "reading out_edges", done: edges.count, total: edgeTotal, unit: "edges")) }
        }
        if tasks.count + untyped.count > maxNodes {
            throw SubgraphTooLarge(path: path, tasks: tasks.count + untyped.count, limit: maxNodes, around: false)
        }
        if !untyped.isEmpty || !sorted {
            tasks += untyped.map { TaskSummary(udid: $0, typeName: nil, completed: false) }
            tasks.sort { $0.udid < $1.udid }
        }
        return Subgraph(tasks: tasks, edges: edges, focus: nil)
    }

    /// The tasks within `depth` edges of `center` (parents and children, both
    /// directions), breadth-first with point lookups: the cost depends on the
    /// neighbourhood, not on the checkpoint's size. Refused above `maxNodes` tasks.
    public func neighbourhood(of center: UDID, depth: Int, maxNodes: Int) throws -> Subgraph {
        let lookup = try lookup()
        var distance: [String: Int] = [center.string: 0]
        var adjacency: [String: (parents: [String], children: [String])] = [:]
        var frontier = [center.string]
        for level in 0..<depth {
            var next: [String] = []
            for id in frontier {
                let around = try lookup.adjacent(id)
                adjacency[id] = around
                for neighbour in around.parents + around.children where distance[neighbour] == nil {
                    distance[neighbour] = level + 1
                    next.append(neighbour)
                    if distance.count > maxNodes { throw SubgraphTooLarge(path: path, tasks: distance.count, limit: maxNodes, around: true) }
                }
            }
            frontier = next
        }
        var tasks: [TaskSummary] = []
        var edges: [(parent: String, child: String)] = []
        for id in distance.keys.sorted() {
            let (typeName, completed) = try lookup.typeAndCompletion(of: id)
            tasks.append(TaskSummary(udid: id, typeName: typeName, completed: completed))
            // Edges between two tasks of the export; the outermost ring needs its own lookup.
            let around = try adjacency[id] ?? lookup.adjacent(id)
            for child in around.children where distance[child] != nil { edges.append((id, child)) }
        }
        return Subgraph(tasks: tasks, edges: edges, focus: center.string)
    }
}

extension CheckpointReader {
    /// The ancestors of `center` up to `up` edges above it and its descendants up to `down`
    /// edges below it (each walk follows one direction only, so siblings and cousins are
    /// not included), with the edges among them. Point lookups, as `neighbourhood(of:depth:)`;
    /// refused with `SubgraphTooLarge` above `maxNodes` tasks.
    public func neighbourhood(of center: UDID, up: Int, down: Int, maxNodes: Int) throws -> Subgraph {
        let lookup = try lookup()
        var included: Set<String> = [center.string]
        for (depth, upwards) in [(up, true), (down, false)] {
            var frontier = [center.string]
            for _ in 0..<depth where !frontier.isEmpty {
                var next: [String] = []
                for id in frontier {
                    let around = try lookup.adjacent(id)
                    for neighbour in upwards ? around.parents : around.children where included.insert(neighbour).inserted {
                        next.append(neighbour)
                        if included.count > maxNodes { throw SubgraphTooLarge(path: path, tasks: included.count, limit: maxNodes, around: true) }
                    }
                }
                frontier = next
            }
        }
        var tasks: [TaskSummary] = []
        var edges: [(parent: String, child: String)] = []
        for id in included.sorted() {
            let (typeName, completed) = try lookup.typeAndCompletion(of: id)
            tasks.append(TaskSummary(udid: id, typeName: typeName, completed: completed))
            for child in try lookup.adjacent(id).children where included.contains(child) { edges.append((id, child)) }
        }
        return Subgraph(tasks: tasks, edges: edges, focus: center.string)
    }
}

/// The udids of `task_type`, for membership tests: well-formed udids as 128-bit values
/// (no string hashing), anything else (a damaged key) as its bytes.
private struct TaskSet {
    private var packed = Set<PackedUDID>()
    private var odd = Set<[UInt8]>()

    mutating func reserve(_ count: Int) { packed.reserveCapacity(count) }

    mutating func insert(_ udid: UnsafeRawBufferPointer) {
        if let value = PackedUDID(udid) { packed.insert(value) } else { odd.insert(Array(udid)) }
    }

    func contains(_ udid: UnsafeRawBufferPointer) -> Bool {
        if let value = PackedUDID(udid) { return packed.contains(value) }
        return odd.contains(Array(udid))
    }
}

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
    public func wholeGraph(maxNodes: Int) throws -> Subgraph {
        let count = try taskCount()
        if count > maxNodes { throw SubgraphTooLarge(path: path, tasks: count, limit: maxNodes, around: false) }
        var tasks: [String: TaskSummary] = [:]
        try forEachTask { udid, typeName, completed in
            let id = String(decoding: udid, as: UTF8.self)
            tasks[id] = TaskSummary(udid: id, typeName: String(decoding: typeName, as: UTF8.self), completed: completed)
        }
        var edges: [(parent: String, child: String)] = []
        try forEachEdge { parent, child in
            edges.append((String(decoding: parent, as: UTF8.self), String(decoding: child, as: UTF8.self)))
        }
        for (parent, child) in edges {
            // A udid that is only in an edge (a damaged file) is still drawn, untyped.
            for id in [parent, child] where tasks[id] == nil {
                tasks[id] = TaskSummary(udid: id, typeName: nil, completed: false)
            }
        }
        if tasks.count > maxNodes { throw SubgraphTooLarge(path: path, tasks: tasks.count, limit: maxNodes, around: false) }
        return Subgraph(tasks: tasks.values.sorted { $0.udid < $1.udid }, edges: edges, focus: nil)
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

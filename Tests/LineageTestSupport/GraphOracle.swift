import LineageKit

/// Reachability answers computed the plain way, from a list of edges held in memory, for
/// tests to compare `ancestors`, `descendants` and `path` with.
public struct GraphOracle: Sendable {
    /// Parents and children of every task, sorted.
    public let parents: [String: [String]]
    public let children: [String: [String]]

    /// The graph of a fixture's records.
    public init(_ fixture: FixtureExpectation) {
        parents = fixture.records.mapValues(\.parents)
        children = fixture.records.mapValues(\.children)
    }

    /// The graph of `edges` (parent, child) over `tasks` (edge ends are added).
    public init(edges: [(String, String)], tasks: [String] = []) {
        var parents: [String: [String]] = [:]
        var children: [String: [String]] = [:]
        for task in tasks + edges.flatMap({ [$0.0, $0.1] }) where parents[task] == nil {
            parents[task] = []
            children[task] = []
        }
        for (parent, child) in edges {
            children[parent, default: []].append(child)
            parents[child, default: []].append(parent)
        }
        self.parents = parents.mapValues { Array(Set($0)).sorted() }
        self.children = children.mapValues { Array(Set($0)).sorted() }
    }

    /// Every task, sorted.
    public var tasks: [String] { parents.keys.sorted() }

    /// Fewest edges from `start` to every task reachable from it, upwards (`up`) or
    /// downwards, `start` excluded: a textbook breadth-first search.
    public func distances(from start: String, up: Bool) -> [String: Int] {
        let next = up ? parents : children
        var distance = [start: 0]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let task = queue[head]
            head += 1
            for neighbour in next[task] ?? [] where distance[neighbour] == nil {
                distance[neighbour] = distance[task]! + 1
                queue.append(neighbour)
            }
        }
        distance[start] = nil
        return distance
    }

    /// Whether `child` is a child of `parent`.
    public func hasEdge(_ parent: String, _ child: String) -> Bool { children[parent]?.contains(child) ?? false }

    /// A random DAG over `count` tasks named by the udids of lineage paths `"0"`, `"1"`,
    /// ...: each task after the first few takes 0 to 3 parents among the earlier ones, so
    /// there are several sources, joins, and diamonds with more than one shortest path.
    /// Seeded, so a failure can be replayed.
    public static func randomDAG(count: Int, seed: UInt64) -> (tasks: [String], edges: [(String, String)]) {
        var random = SplitMix64(state: seed)
        let tasks = (0..<count).map { UDID(lineagePath: String($0)).string }
        var edges: [(String, String)] = []
        for child in 1..<count {
            let wanted = child < 3 ? 0 : Int.random(in: 0...3, using: &random)
            var chosen = Set<Int>()
            for _ in 0..<wanted { chosen.insert(Int.random(in: max(0, child - 12)..<child, using: &random)) }
            edges += chosen.sorted().map { (tasks[$0], tasks[child]) }
        }
        return (tasks, edges)
    }
}

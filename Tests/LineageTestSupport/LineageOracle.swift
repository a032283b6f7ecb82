import Foundation

/// The answers `status` and `stats` must give, computed here the plain way (dictionaries,
/// recursion, sorting) from a DAG's records, independently of the library's code.
public struct LineageOracle: Sendable {
    /// One task as the oracle sees it.
    public struct Task: Sendable {
        public var taskType: String
        public var completed: Bool
        public var parents: [String]
        public var children: [String]
    }

    public let records: [String: Task]

    /// From a fixture's JSON records.
    public init(_ fixture: FixtureExpectation) {
        records = fixture.records.mapValues {
            Task(taskType: $0.taskType, completed: $0.completed, parents: $0.parents, children: $0.children)
        }
    }

    /// From edges and the set of completed tasks; types follow the writer's rule.
    public init(edges: [(parent: String, child: String)], completed: Set<String>) {
        var parents: [String: [String]] = [:]
        var children: [String: [String]] = [:]
        for (parent, child) in edges {
            children[parent, default: []].append(child)
            parents[child, default: []].append(parent)
            parents[parent, default: []] += []
            children[child, default: []] += []
        }
        var records: [String: Task] = [:]
        for udid in Set(parents.keys).union(children.keys) {
            let p = Array(Set(parents[udid] ?? [])).sorted()
            let c = Array(Set(children[udid] ?? [])).sorted()
            let type =
                switch (p.isEmpty, c.isEmpty) {
                case (false, false): "middle"
                case (false, true): "leaf"
                case (true, false): "source"
                case (true, true): "source_leaf"
                }
            records[udid] = Task(taskType: type, completed: completed.contains(udid), parents: p, children: c)
        }
        self.records = records
    }

    public var udids: [String] { records.keys.sorted() }

    /// Longest path from a source, by memoised recursion over the parents.
    public var stages: [String: Int] {
        var memo: [String: Int] = [:]
        func stage(_ udid: String) -> Int {
            if let known = memo[udid] { return known }
            let value = (records[udid]?.parents ?? []).map { stage($0) + 1 }.max() ?? 0
            memo[udid] = value
            return value
        }
        for udid in records.keys { _ = stage(udid) }
        return memo
    }

    /// Per stage in order: (tasks, completed).
    public var stageRows: [(tasks: Int, completed: Int)] {
        let stages = self.stages
        let depth = (stages.values.max() ?? -1) + 1
        var rows = [(tasks: Int, completed: Int)](repeating: (0, 0), count: depth)
        for (udid, stage) in stages {
            rows[stage].tasks += 1
            if records[udid]?.completed == true { rows[stage].completed += 1 }
        }
        return rows
    }

    public func udids(where keep: (Task) -> Bool) -> [String] {
        records.filter { keep($0.value) }.keys.sorted()
    }

    public var skip: [String] { udids { $0.completed } }
    public var rerun: [String] { udids { !$0.completed } }
    public var frontier: [String] { udids { $0.completed && $0.parents.contains { records[$0]?.completed == false } } }
    public var pendingSources: [String] { udids { !$0.completed && $0.parents.isEmpty } }
    public var sources: [String] { udids { $0.parents.isEmpty } }
    public var leaves: [String] { udids { $0.children.isEmpty } }
    public var brokenClosure: [String] { udids { $0.completed && $0.children.contains { records[$0]?.completed == false } } }

    /// min, lower median, nearest-rank p99, max, and the top `n` (count descending, udid
    /// ascending, counts above 0) of a per-task count.
    public func distribution(_ count: (Task) -> Int, top n: Int = 5)
        -> (min: Int, median: Int, p99: Int, max: Int, top: [(String, Int)])
    {
        let values = records.values.map(count).sorted()
        let rank = Int((Double(values.count) * 0.99).rounded(.up))
        let ranked = records.map { ($0.key, count($0.value)) }.filter { $0.1 > 0 }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return (
            values.first ?? 0, values.isEmpty ? 0 : values[(values.count - 1) / 2], values.isEmpty ? 0 : values[rank - 1], values.last ?? 0,
            Array(ranked.prefix(n))
        )
    }

    /// Weakly connected components by breadth-first search over parents and children: sizes.
    public var componentSizes: [Int] {
        var seen = Set<String>()
        var sizes: [Int] = []
        for start in udids where !seen.contains(start) {
            var queue = [start]
            seen.insert(start)
            var size = 0
            while let udid = queue.popLast() {
                size += 1
                for next in (records[udid]?.parents ?? []) + (records[udid]?.children ?? []) where seen.insert(next).inserted {
                    queue.append(next)
                }
            }
            sizes.append(size)
        }
        return sizes
    }
}

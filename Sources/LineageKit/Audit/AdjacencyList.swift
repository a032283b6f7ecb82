/// Compressed sparse rows: the children of node `v` are `targets[offsets[v]..<offsets[v+1]]`,
/// sorted. 4 bytes per edge plus 4 per node.
struct AdjacencyList {
    private(set) var offsets: [Int32]
    private(set) var targets: [Int32]

    /// Builds from parallel `sources`/`destinations` by a stable counting sort, so input
    /// already in (source, destination) order costs no comparison sort; buckets that come
    /// out of order (a damaged file) are sorted afterwards.
    init(nodeCount: Int, sources: [Int32], destinations: [Int32]) {
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for s in sources { offsets[Int(s) + 1] += 1 }
        for v in 0..<nodeCount { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var targets = [Int32](repeating: 0, count: sources.count)
        for (s, d) in zip(sources, destinations) {
            targets[Int(cursor[Int(s)])] = d
            cursor[Int(s)] += 1
        }
        for v in 0..<nodeCount {
            let range = Int(offsets[v])..<Int(offsets[v + 1])
            if range.count > 1, !zip(targets[range], targets[range].dropFirst()).allSatisfy({ $0 <= $1 }) {
                targets[range].sort()
            }
        }
        self.offsets = offsets
        self.targets = targets
    }

    var nodeCount: Int { offsets.count - 1 }

    @inline(__always)
    func neighbours(_ v: Int) -> ArraySlice<Int32> { targets[Int(offsets[v])..<Int(offsets[v + 1])] }
}

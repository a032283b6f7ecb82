/// Compressed sparse rows: the children of node `v` are `targets[offsets[v]..<offsets[v+1]]`,
/// sorted. 4 bytes per edge plus 4 per node.
struct AdjacencyList {
    private(set) var offsets: [Int32]
    private(set) var targets: [Int32]

    /// Builds from parallel `sources`/`destinations` by a stable counting sort. Input
    /// already in (source, destination) order, as `out_edges` delivers it, is taken as it
    /// is after one counting pass; otherwise the pairs are scattered to their buckets and
    /// buckets that come out of order (a damaged file) are sorted afterwards.
    init(nodeCount: Int, sources: [Int32], destinations: [Int32]) {
        precondition(sources.count == destinations.count, "one destination per source")
        var offsets = [Int32](largeRepeating: 0, count: nodeCount + 1)
        var inOrder = true
        offsets.withUnsafeMutableBufferPointer { offsets in
            sources.withUnsafeBufferPointer { sources in
                destinations.withUnsafeBufferPointer { destinations in
                    var previous = (source: Int32.min, destination: Int32.min)
                    for i in sources.indices {
                        let s = sources[i]
                        let d = destinations[i]
                        precondition(s >= 0 && Int(s) < nodeCount, "source ids are node ids")
                        offsets[Int(s) + 1] &+= 1
                        if s < previous.source || (s == previous.source && d < previous.destination) { inOrder = false }
                        previous = (s, d)
                    }
                }
            }
            for v in 0..<nodeCount { offsets[v + 1] &+= offsets[v] }
        }
        self.offsets = offsets
        if inOrder {
            targets = destinations
            return
        }
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
        self.targets = targets
    }

    var nodeCount: Int { offsets.count - 1 }

    @inline(__always)
    func neighbours(_ v: Int) -> ArraySlice<Int32> { targets[Int(offsets[v])..<Int(offsets[v + 1])] }
}

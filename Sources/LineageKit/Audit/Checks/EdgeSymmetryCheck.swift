/// `in_edges` is exactly the transpose of `out_edges`: every parent -> child pair is in
/// both. When their checksums agree the pairs were never kept, and the check passes.
struct EdgeSymmetryCheck: GraphCheck {
    let id = CheckID.edgeSymmetry
    let needs: [[SubDatabase]] = [[.inEdges], [.outEdges]]

    func tally(_ graph: TaskGraph) -> Tally {
        var tally = graph.tally(id)
        guard let out = graph.out, let transposed = graph.transposedIn else { return tally }
        for v in 0..<out.nodeCount {
            let a = out.neighbours(v)
            let b = transposed.neighbours(v)
            if a == b { continue }
            var i = a.startIndex
            var j = b.startIndex
            while i < a.endIndex || j < b.endIndex {
                if j == b.endIndex || (i < a.endIndex && a[i] < b[j]) {
                    tally.add(.edgeOnlyIn(.outEdges, parent: graph.udid(Int32(v)), child: graph.udid(a[i])))
                    i += 1
                } else if i == a.endIndex || b[j] < a[i] {
                    tally.add(.edgeOnlyIn(.inEdges, parent: graph.udid(Int32(v)), child: graph.udid(b[j])))
                    j += 1
                } else {
                    i += 1
                    j += 1
                }
            }
        }
        return tally
    }
}

extension CheckID {
    /// `in_edges` is exactly the transpose of `out_edges`.
    public static let edgeSymmetry = CheckID("edge-symmetry", summary: "in_edges is exactly the transpose of out_edges")
}

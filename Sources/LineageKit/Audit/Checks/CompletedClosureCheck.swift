/// A completed task's children are all completed.
struct CompletedClosureCheck: GraphCheck {
    let id = CheckID.completedClosure
    let needs: [[SubDatabase]] = [[.completed], [.outEdges, .inEdges]]

    func run(_ graph: TaskGraph) -> Tally {
        var tally = graph.tally(id)
        guard let children = graph.children else { return tally }
        let flags = graph.flags
        for v in 0..<min(flags.count, children.nodeCount) where flags[v] & TaskGraph.isCompleted != 0 {
            for w in children.neighbours(v) where flags[Int(w)] & TaskGraph.isCompleted == 0 {
                tally.add(.closure(parent: graph.udid(Int32(v)), child: graph.udid(w)))
            }
        }
        return tally
    }
}

/// No edge from a task to itself; counted while the edge sub-databases are read.
struct SelfLoopCheck: GraphCheck {
    let id = CheckID.selfLoop
    let needs: [[SubDatabase]] = [[.inEdges, .outEdges]]
    func tally(_ graph: TaskGraph) -> Tally { graph.selfLoop }
}

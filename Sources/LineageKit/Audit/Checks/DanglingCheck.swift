/// Every udid in an edge has a `task_type` entry: the passes gave each udid they did
/// not find there an id after the known tasks.
struct DanglingCheck: GraphCheck {
    let id = CheckID.dangling
    let needs: [[SubDatabase]] = [[.taskType], [.inEdges, .outEdges]]

    func tally(_ graph: TaskGraph) -> Tally {
        var tally = graph.tally(id)
        for udid in graph.index.extraList { tally.add(.dangling(udid.udid)) }
        return tally
    }
}

extension CheckID {
    /// Every udid in an edge has a `task_type` entry.
    public static let dangling = CheckID("dangling", summary: "every udid in an edge has a task_type entry")
}

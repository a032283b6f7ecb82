/// Every completed udid is in `task_type`; counted while `completed` is read.
struct CompletedKnownCheck: GraphCheck {
    let id = CheckID.completedKnown
    let needs: [[SubDatabase]] = [[.completed], [.taskType]]
    func tally(_ graph: TaskGraph) -> Tally { graph.completedKnown }
}

/// Every `task_type` value is one of the four types; counted while `task_type` is read.
struct TypeValuesCheck: GraphCheck {
    let id = CheckID.typeValues
    let needs: [[SubDatabase]] = [[.taskType]]
    func tally(_ graph: TaskGraph) -> Tally { graph.typeValues }
}

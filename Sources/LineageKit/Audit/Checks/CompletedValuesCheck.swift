/// Every `completed` value is `1`; counted while `completed` is read.
struct CompletedValuesCheck: GraphCheck {
    let id = CheckID.completedValues
    let needs: [[SubDatabase]] = [[.completed]]
    func tally(_ graph: TaskGraph) -> Tally { graph.completedValues }
}

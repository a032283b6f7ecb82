/// Every key and edge value is a udid; counted while the sub-databases are read.
struct KeyFormatCheck: GraphCheck {
    let id = CheckID.keyFormat
    let needs: [[SubDatabase]] = [SubDatabase.allCases]
    func tally(_ graph: TaskGraph) -> Tally { graph.keyFormat }
}

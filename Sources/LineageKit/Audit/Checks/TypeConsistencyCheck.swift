/// Each stored type is what the writer derives from the task's edge keys.
struct TypeConsistencyCheck: GraphCheck {
    let id = CheckID.typeConsistency
    let needs: [[SubDatabase]] = [[.taskType], [.inEdges], [.outEdges]]

    func tally(_ graph: TaskGraph) -> Tally {
        var tally = graph.tally(id)
        let types = graph.types
        let flags = graph.flags
        for v in 0..<graph.knownCount where types[v] != TaskGraph.invalidType {
            let stored = TaskGraph.typeOrder[Int(types[v])]
            let hasParents = flags[v] & TaskGraph.hasParents != 0
            let hasChildren = flags[v] & TaskGraph.hasChildren != 0
            let expected = TaskType(hasParents: hasParents, hasChildren: hasChildren)
            if stored != expected {
                tally.add(
                    .typeMismatch(graph.udid(Int32(v)), stored: stored, expected: expected, hasParents: hasParents, hasChildren: hasChildren),
                    database: SubDatabase.taskType.rawValue)
            }
        }
        return tally
    }
}

extension CheckID {
    /// Every stored type agrees with the task's edges.
    public static let typeConsistency = CheckID("type-consistency", summary: "every task_type agrees with the task's edges")
}

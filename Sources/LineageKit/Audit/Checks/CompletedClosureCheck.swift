/// A completed task's children are all completed.
struct CompletedClosureCheck: GraphCheck {
    let id = CheckID.completedClosure
    let needs: [[SubDatabase]] = [[.completed], [.outEdges, .inEdges]]

    func tally(_ graph: TaskGraph) -> Tally {
        var tally = graph.tally(id)
        guard let children = graph.children else { return tally }
        // One pass over every completed task's children: read through buffers, so the
        // loop costs no reference counting per task.
        var open: [(parent: Int32, child: Int32)] = []
        var count = 0
        let nodes = min(graph.flags.count, children.nodeCount)
        graph.flags.withUnsafeBufferPointer { flags in
            children.offsets.withUnsafeBufferPointer { offsets in
                children.targets.withUnsafeBufferPointer { targets in
                    for v in 0..<nodes where flags[v] & TaskGraph.isCompleted != 0 {
                        for edge in Int(offsets[v])..<Int(offsets[v + 1]) {
                            let w = targets[edge]
                            if flags[Int(w)] & TaskGraph.isCompleted == 0 {
                                count += 1
                                if open.count < graph.maxExamples { open.append((Int32(v), w)) }
                            }
                        }
                    }
                }
            }
        }
        for (parent, child) in open { tally.add(.closure(parent: graph.udid(parent), child: graph.udid(child))) }
        tally.addWithoutExample(count - open.count)
        return tally
    }
}

extension CheckID {
    /// A completed task's children are all completed.
    public static let completedClosure = CheckID("completed-closure", summary: "the children of every completed task are completed")
}

/// What `status` and `stats` both need from a task graph, computed in a few linear passes
/// over its arrays: parents per task, each task's stage, and counts by type, by stage and
/// for sources and leaves.
///
/// Sources and leaves follow the edges of `out_edges` (no parent, no child), as the
/// writer's type rule does; `byType` follows the stored types.
struct GraphProfile {
    let graph: TaskGraph
    let children: AdjacencyList
    /// Parents per task.
    let parentCounts: [Int32]
    /// Each task's stage (longest path from a source), or -1 for a task on or below a cycle.
    let stages: [Int32]
    let tasks: CompletionCounts
    let byType: [TypeCounts]
    let sources: CompletionCounts
    let leaves: CompletionCounts
    let stageCounts: [StageCounts]
    let unstaged: Int

    init(_ graph: TaskGraph) {
        self.graph = graph
        let count = graph.flags.count
        let children = graph.children ?? AdjacencyList(nodeCount: count, sources: [], destinations: [])
        self.children = children
        var parentCounts = [Int32](repeating: 0, count: count)
        for target in children.targets { parentCounts[Int(target)] += 1 }
        self.parentCounts = parentCounts

        // Kahn's algorithm: a task is ordered once all its parents are, and its stage is one
        // more than its deepest parent's. The order array doubles as the queue. Raw buffers:
        // this loop touches every edge once, at random.
        var stages = [Int32](repeating: -1, count: count)
        var remaining = parentCounts
        var order = [Int32](repeating: 0, count: count)
        var ordered = 0
        children.offsets.withUnsafeBufferPointer { offsets in
            children.targets.withUnsafeBufferPointer { targets in
                stages.withUnsafeMutableBufferPointer { stages in
                    remaining.withUnsafeMutableBufferPointer { remaining in
                        order.withUnsafeMutableBufferPointer { order in
                            for v in 0..<count where remaining[v] == 0 {
                                order[ordered] = Int32(v)
                                ordered += 1
                                stages[v] = 0
                            }
                            var head = 0
                            while head < ordered {
                                let v = Int(order[head])
                                head += 1
                                let next = stages[v] + 1
                                for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                                    let c = Int(targets[e])
                                    if stages[c] < next { stages[c] = next }
                                    remaining[c] -= 1
                                    if remaining[c] == 0 {
                                        order[ordered] = Int32(c)
                                        ordered += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Tasks never ordered sit on or below a cycle; their partial stages mean nothing.
        if ordered < count {
            for v in 0..<count where remaining[v] != 0 { stages[v] = -1 }
        }
        self.stages = stages
        unstaged = count - ordered

        var tasks = CompletionCounts()
        var sources = CompletionCounts()
        var leaves = CompletionCounts()
        var typeTotals = [CompletionCounts](repeating: CompletionCounts(), count: TaskGraph.typeOrder.count)
        var perStage = [CompletionCounts]()
        for v in 0..<count {
            let flags = graph.flags[v]
            let done = flags & TaskGraph.isCompleted != 0
            tasks.add(completed: done)
            if parentCounts[v] == 0 { sources.add(completed: done) }
            if children.offsets[v] == children.offsets[v + 1] { leaves.add(completed: done) }
            if v < graph.types.count, Int(graph.types[v]) < typeTotals.count { typeTotals[Int(graph.types[v])].add(completed: done) }
            let stage = Int(stages[v])
            if stage >= 0 {
                while perStage.count <= stage { perStage.append(CompletionCounts()) }
                perStage[stage].add(completed: done)
            }
        }
        self.tasks = tasks
        self.sources = sources
        self.leaves = leaves
        byType = zip(TaskGraph.typeOrder, typeTotals).map { TypeCounts(type: $0, counts: $1) }
        stageCounts = perStage.enumerated().map { StageCounts(stage: $0, counts: $1) }
    }

    func isCompleted(_ v: Int) -> Bool { graph.flags[v] & TaskGraph.isCompleted != 0 }

    func udid(_ v: Int) -> UDID { graph.udid(Int32(v)) }
}

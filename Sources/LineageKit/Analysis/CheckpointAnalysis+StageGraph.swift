extension CheckpointAnalysis {
    /// The checkpoint as a `StageGraph`: tasks grouped by stage (as `status` computes it)
    /// and stored type, and the task edges counted between groups.
    ///
    /// Throws `CheckpointError` as `status` does. Cost: `status`'s reading and profile, then
    /// one pass over the tasks and one over the edges; nothing is allocated per task
    /// beyond one `Int32` group key.
    public static func stageGraph(path: String, progress: ProgressHandler? = nil) throws(CheckpointError) -> StageGraph {
        let reading = try GraphReading.read(path: path, progress: progress)
        return stageGraph(GraphProfile(reading.graph), checkpoint: path)
    }

    static func stageGraph(_ profile: GraphProfile, checkpoint: String) -> StageGraph {
        let graph = profile.graph
        let count = profile.stages.count
        let typeSlots = TaskGraph.typeOrder.count + 1
        // A group key per task: (stage + 1) * typeSlots + type slot, so the unstaged tasks
        // (stage -1) take keys 0..<typeSlots and an unknown type takes the last slot.
        var keys = [Int32](repeating: 0, count: count)
        // Counts per key in an array when the keys are few (the usual case: a few stages),
        // else in a dictionary, so a long chain of stages costs no key-sized array.
        let keySpace = (profile.stageCounts.count + 1) * typeSlots
        var dense = [(tasks: Int, completed: Int)](repeating: (0, 0), count: keySpace <= 1 << 16 ? keySpace : 0)
        var sparse: [Int: (tasks: Int, completed: Int)] = [:]
        for v in 0..<count {
            let type = v < graph.types.count ? Int(graph.types[v]) : typeSlots - 1
            let key = (Int(profile.stages[v]) + 1) * typeSlots + min(type, typeSlots - 1)
            keys[v] = Int32(key)
            let done = profile.isCompleted(v) ? 1 : 0
            if key < dense.count {
                dense[key].tasks += 1
                dense[key].completed += done
            } else {
                sparse[key, default: (0, 0)].tasks += 1
                sparse[key, default: (0, 0)].completed += done
            }
        }
        var tasks = sparse
        for (key, found) in dense.enumerated() where found.tasks > 0 { tasks[key] = found }
        // Unstaged keys sort after every stage.
        func order(_ key: Int) -> Int { key < typeSlots ? Int.max - typeSlots + key : key }
        let sortedKeys = tasks.keys.sorted { order($0) < order($1) }
        var index: [Int: Int] = [:]
        let groups = sortedKeys.enumerated().map { at, key -> StageGraph.Group in
            index[key] = at
            let slot = key % typeSlots
            let found = tasks[key] ?? (0, 0)
            return StageGraph.Group(
                stage: key < typeSlots ? nil : key / typeSlots - 1, type: slot < TaskGraph.typeOrder.count ? TaskGraph.typeOrder[slot] : nil,
                tasks: found.tasks, completed: found.completed)
        }

        var edges: [Int: Int] = [:]
        let children = profile.children
        children.offsets.withUnsafeBufferPointer { offsets in
            children.targets.withUnsafeBufferPointer { targets in
                keys.withUnsafeBufferPointer { keys in
                    for v in 0..<count {
                        let from = Int(keys[v]) << 32
                        var last = -1
                        var run = 0
                        // Children of one task are mostly in one group: count runs, not edges.
                        for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                            let pair = from | Int(keys[Int(targets[e])])
                            if pair == last {
                                run += 1
                                continue
                            }
                            if run > 0 { edges[last, default: 0] += run }
                            last = pair
                            run = 1
                        }
                        if run > 0 { edges[last, default: 0] += run }
                    }
                }
            }
        }
        let links = edges.compactMap { pair, n -> StageGraph.Link? in
            guard let source = index[pair >> 32], let target = index[pair & 0xffff_ffff] else { return nil }
            return StageGraph.Link(source: source, target: target, edges: n)
        }.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
        return StageGraph(checkpoint: checkpoint, groups: groups, links: links, taskCount: count, edgeCount: children.targets.count)
    }
}

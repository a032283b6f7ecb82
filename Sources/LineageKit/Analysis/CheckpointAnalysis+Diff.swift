extension CheckpointAnalysis {
    /// Compares the checkpoints at `a` and `b`: tasks, edges, types and completion by
    /// udid, and the two DAGs by shape (`CheckpointDiff.Shape`).
    ///
    /// Throws `CheckpointError` as `status` does, for either file (A is read first).
    /// Reads each file once through the structure walk (never liblmdb, never a lock
    /// file). Cost: the two readings, then linear merges of the sorted task ids and of
    /// each parent's sorted children; the shape is computed only when tasks, edges or
    /// types differ.
    public static func diff(a: String, b: String, maxExamples: Int = 10, progress: ProgressHandler? = nil) throws(CheckpointError)
        -> CheckpointDiff
    {
        let graphA = try GraphReading.read(path: a, progress: progress).graph
        let graphB = try GraphReading.read(path: b, progress: progress).graph
        progress?(WorkProgress(phase: "comparing", done: 0, total: nil, unit: "tasks"))
        var merge = DiffMerge(graphA, graphB, limit: max(0, maxExamples))
        return merge.run(a: a, b: b)
    }
}

/// The merges behind `CheckpointAnalysis.diff`, over two `TaskGraph`s whose `task_type`
/// ids are both in udid order.
struct DiffMerge {
    let graphA: TaskGraph
    let graphB: TaskGraph
    let limit: Int
    let childrenA: AdjacencyList
    let childrenB: AdjacencyList
    /// Per A id the B id of the same udid, or -1; and the reverse.
    private(set) var aToB: [Int32]
    private(set) var bToA: [Int32]

    init(_ graphA: TaskGraph, _ graphB: TaskGraph, limit: Int) {
        self.graphA = graphA
        self.graphB = graphB
        self.limit = limit
        childrenA = graphA.children ?? AdjacencyList(nodeCount: graphA.index.count, sources: [], destinations: [])
        childrenB = graphB.children ?? AdjacencyList(nodeCount: graphB.index.count, sources: [], destinations: [])
        aToB = [Int32](repeating: -1, count: graphA.index.count)
        bToA = [Int32](repeating: -1, count: graphB.index.count)
    }

    static func side(_ graph: TaskGraph, _ path: String) -> CheckpointDiff.Side {
        CheckpointDiff.Side(checkpoint: path, tasks: graph.knownCount, edges: graph.edgeCount, completed: graph.completedCount)
    }

    mutating func run(a: String, b: String) -> CheckpointDiff {
        var diff = CheckpointDiff(a: Self.side(graphA, a), b: Self.side(graphB, b))
        mergeTasks(into: &diff)
        matchExtras()
        mergeEdges(into: &diff)
        if !diff.sameGraph { diff.shape = shape(onlyInA: diff.tasksOnlyInA.count, onlyInB: diff.tasksOnlyInB.count) }
        return diff
    }

    /// The `task_type` udids of both, sorted: one merge gives the tasks only in either,
    /// and for the tasks in both their types and completion.
    private mutating func mergeTasks(into diff: inout CheckpointDiff) {
        let knownA = graphA.index.known
        let knownB = graphB.index.known
        var i = 0
        var j = 0
        while i < knownA.count || j < knownB.count {
            if j == knownB.count || (i < knownA.count && knownA[i] < knownB[j]) {
                diff.tasksOnlyInA.add(limit, knownA[i].udid)
                i += 1
            } else if i == knownA.count || knownB[j] < knownA[i] {
                diff.tasksOnlyInB.add(limit, knownB[j].udid)
                j += 1
            } else {
                aToB[i] = Int32(j)
                bToA[j] = Int32(i)
                let typeA = graphA.types[i]
                let typeB = graphB.types[j]
                if typeA != typeB {
                    diff.typeChanged.add(limit, CheckpointDiff.TypeChange(udid: knownA[i].udid, a: Self.type(typeA), b: Self.type(typeB)))
                }
                let doneA = graphA.flags[i] & TaskGraph.isCompleted != 0
                let doneB = graphB.flags[j] & TaskGraph.isCompleted != 0
                if doneA && !doneB { diff.completedOnlyInA.add(limit, knownA[i].udid) }
                if doneB && !doneA { diff.completedOnlyInB.add(limit, knownB[j].udid) }
                i += 1
                j += 1
            }
        }
    }

    private static func type(_ stored: UInt8) -> TaskType? {
        Int(stored) < TaskGraph.typeOrder.count ? TaskGraph.typeOrder[Int(stored)] : nil
    }

    /// Udids met only in edges (not in `task_type`; only in a file that breaks the schema)
    /// matched by udid, so their edges compare too.
    private mutating func matchExtras() {
        let extraA = graphA.index.extraList
        let extraB = graphB.index.extraList
        guard !extraA.isEmpty || !extraB.isEmpty else { return }
        var extrasOfB: [PackedUDID: Int32] = [:]
        for (k, udid) in extraB.enumerated() { extrasOfB[udid] = Int32(graphB.knownCount + k) }
        for (k, udid) in extraA.enumerated() {
            let idA = graphA.knownCount + k
            if let idB = graphB.index.knownID(udid) ?? extrasOfB[udid] {
                aToB[idA] = idB
                bToA[Int(idB)] = Int32(idA)
            }
        }
        for (k, udid) in extraB.enumerated() where bToA[graphB.knownCount + k] < 0 {
            if let idA = graphA.index.knownID(udid) {
                bToA[graphB.knownCount + k] = idA
                aToB[Int(idA)] = Int32(graphB.knownCount + k)
            }
        }
    }

    /// Per parent of A (in id order, so udid order), its children mapped to B ids merged
    /// with the parent's children in B; then the edges of B's parents absent from A.
    private func mergeEdges(into diff: inout CheckpointDiff) {
        var mapped: [Int32] = []
        for p in 0..<childrenA.nodeCount {
            let q = Int(aToB[p])
            mapped.removeAll(keepingCapacity: true)
            for c in childrenA.neighbours(p) {
                let m = aToB[Int(c)]
                if q < 0 || m < 0 { diff.edgesOnlyInA.add(limit, edge(graphA, Int32(p), c)) } else { mapped.append(m) }
            }
            if q < 0 { continue }
            if !zip(mapped, mapped.dropFirst()).allSatisfy({ $0 < $1 }) { mapped.sort() }
            let other = childrenB.neighbours(q)
            var i = 0
            var j = other.startIndex
            while i < mapped.count || j < other.endIndex {
                if j == other.endIndex || (i < mapped.count && mapped[i] < other[j]) {
                    diff.edgesOnlyInA.add(limit, edge(graphB, Int32(q), mapped[i]))
                    i += 1
                } else if i == mapped.count || other[j] < mapped[i] {
                    diff.edgesOnlyInB.add(limit, edge(graphB, Int32(q), other[j]))
                    j += 1
                } else {
                    i += 1
                    j += 1
                }
            }
        }
        for q in 0..<childrenB.nodeCount where bToA[q] < 0 {
            for c in childrenB.neighbours(q) { diff.edgesOnlyInB.add(limit, edge(graphB, Int32(q), c)) }
        }
    }

    private func edge(_ graph: TaskGraph, _ parent: Int32, _ child: Int32) -> CheckpointDiff.Edge {
        CheckpointDiff.Edge(parent: graph.udid(parent), child: graph.udid(child))
    }
}

/// The graph has no cycle. The costliest check (random access over every edge), so it
/// runs on the second thread while the others run.
struct AcyclicCheck: GraphCheck {
    let id = CheckID.acyclic
    let needs: [[SubDatabase]] = [[.inEdges, .outEdges]]
    let runsAlongside = true

    /// Kahn's algorithm; tasks it cannot order lie on a cycle or below one. Examples are
    /// actual cycles found by a depth-first search among those tasks. The parent counts
    /// read from `in_edges`, when the graph has them, save counting by random access.
    func tally(_ taskGraph: TaskGraph) -> Tally {
        var tally = taskGraph.tally(id)
        guard let graph = taskGraph.children else { return tally }
        let maxExamples = taskGraph.maxExamples
        let inDegrees = taskGraph.inDegrees
        let n = graph.nodeCount
        var indegree = [Int32](largeRepeating: 0, count: n)
        if let inDegrees {
            for (key, count) in zip(inDegrees.keys, inDegrees.counts) where Int(key) < n { indegree[Int(key)] += count }
        } else {
            for v in 0..<n {
                for w in graph.neighbours(v) where Int(w) != v { indegree[Int(w)] += 1 }
            }
        }
        let ordered = AcyclicCheck.topologicalCount(graph, indegree: &indegree)
        guard ordered < n else { return tally }

        // Colours: 0 unvisited, 1 on the stack, 2 done. Only tasks Kahn left are visited.
        var colour = [UInt8](repeating: 2, count: n)
        for v in 0..<n where indegree[v] > 0 { colour[v] = 0 }
        var cycles: [[Int32]] = []
        for start in 0..<n where colour[start] == 0 && cycles.count < maxExamples {
            var stack: [(node: Int32, next: Int)] = [(Int32(start), 0)]
            colour[start] = 1
            while let top = stack.last, cycles.count < maxExamples {
                let children = graph.neighbours(Int(top.node))
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let w = children[children.startIndex + top.next]
                    if Int(w) == Int(top.node) { continue }
                    if colour[Int(w)] == 0 {
                        colour[Int(w)] = 1
                        stack.append((w, 0))
                    } else if colour[Int(w)] == 1, let from = stack.firstIndex(where: { $0.node == w }) {
                        cycles.append(stack[from...].map(\.node))
                    }
                } else {
                    colour[Int(top.node)] = 2
                    stack.removeLast()
                }
            }
        }
        // The count is every task that cannot be ordered; the examples are cycles.
        for cycle in cycles {
            tally.add(.cycle(cycle.map(taskGraph.udid)))
        }
        tally.addWithoutExample(max(0, n - ordered - cycles.count))
        return tally
    }

    /// Kahn's algorithm: how many tasks can be put in topological order. Leaves
    /// `indegree` above zero exactly for the tasks on or below a cycle.
    ///
    /// Ready tasks are taken in sweeps over a bitmap in id order rather than from a
    /// queue, so the adjacency list is read front to back: on millions of tasks this
    /// replaces a cache miss per task with a sequential read. A task freed by one with a
    /// higher id waits for the next sweep; pipeline DAGs need a handful of sweeps, and
    /// when sweeps stop paying (a long chain against id order) the rest goes through a
    /// queue, so the cost stays linear.
    static func topologicalCount(_ graph: AdjacencyList, indegree: inout [Int32]) -> Int {
        let n = graph.nodeCount
        var ready = [UInt64](repeating: 0, count: (n + 63) / 64)
        for v in 0..<n where indegree[v] == 0 { ready[v >> 6] |= 1 << UInt64(v & 63) }
        var ordered = 0
        var sweeps = 0
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                indegree.withUnsafeMutableBufferPointer { indegree in
                    ready.withUnsafeMutableBufferPointer { ready in
                        while true {
                            var freed = 0
                            for word in 0..<ready.count {
                                while ready[word] != 0 {
                                    let v = word << 6 | ready[word].trailingZeroBitCount
                                    ready[word] &= ready[word] &- 1
                                    freed += 1
                                    for edge in Int(offsets[v])..<Int(offsets[v + 1]) {
                                        let w = Int(targets[edge])
                                        if w == v { continue }
                                        indegree[w] -= 1
                                        if indegree[w] == 0 { ready[w >> 6] |= 1 << UInt64(w & 63) }
                                    }
                                }
                            }
                            ordered += freed
                            sweeps += 1
                            if freed == 0 { return }
                            // A sweep costs n / 64 word reads; stop sweeping when it frees few.
                            if sweeps >= 16 && freed < n / 64 { break }
                        }
                        var queue: [Int] = []
                        for word in 0..<ready.count {
                            while ready[word] != 0 {
                                queue.append(word << 6 | ready[word].trailingZeroBitCount)
                                ready[word] &= ready[word] &- 1
                            }
                        }
                        var head = 0
                        while head < queue.count {
                            let v = queue[head]
                            head += 1
                            for edge in Int(offsets[v])..<Int(offsets[v + 1]) {
                                let w = Int(targets[edge])
                                if w == v { continue }
                                indegree[w] -= 1
                                if indegree[w] == 0 { queue.append(w) }
                            }
                        }
                        ordered += queue.count
                    }
                }
            }
        }
        return ordered
    }
}

extension CheckID {
    /// The graph has no cycle.
    public static let acyclic = CheckID("acyclic", summary: "the task graph has no cycle")
}

/// Answers about a whole checkpoint (`status`, `stats`), read through the structure walk.
public enum CheckpointAnalysis {
    /// How far the run got and what a resume will do.
    ///
    /// Throws `CheckpointError` when the file cannot be read, lacks a sub-database or is
    /// damaged (any structure finding). Does not run verify's checks; only the one that
    /// matters to a resume (completion closed downwards) is counted.
    /// Cost: one pass over every page, then a few passes over the tasks and edges.
    public static func status(path: String, examples: Int = 5, progress: ProgressHandler? = nil) throws(CheckpointError) -> StatusReport {
        let reading = try GraphReading.read(path: path, progress: progress)
        return status(GraphProfile(reading.graph), checkpoint: path, examples: examples)
    }

    /// The shape of the run and of the LMDB file.
    ///
    /// Throws `CheckpointError` as `status` does. Reads the file without liblmdb, so it
    /// works where liblmdb cannot open it and never creates a lock file.
    /// Cost: one pass over every page, then a few passes over the tasks and edges.
    public static func stats(path: String, top: Int = 5, progress: ProgressHandler? = nil) throws(CheckpointError) -> CheckpointStats {
        let reading = try GraphReading.read(path: path, progress: progress)
        // The components need only the edges: found on the second thread meanwhile.
        let graph = reading.graph
        let (profile, found) = inParallel({ GraphProfile(graph) }, { Self.components(graph) })
        let count = profile.tasks.total
        let fanOut = distribution(top: top, count: count, profile: profile) { v in
            Int(profile.children.offsets[v + 1] - profile.children.offsets[v])
        }
        let fanIn = distribution(top: top, count: count, profile: profile) { v in Int(profile.parentCounts[v]) }
        return CheckpointStats(
            checkpoint: path, tasks: profile.tasks, edges: profile.children.targets.count, byType: profile.byType,
            sources: profile.sources, leaves: profile.leaves, stages: profile.stageCounts, unstaged: profile.unstaged,
            fanOut: fanOut, fanIn: fanIn, components: found, lmdb: lmdb(reading))
    }

    static func status(_ profile: GraphProfile, checkpoint: String, examples: Int) -> StatusReport {
        let count = profile.tasks.total
        let children = profile.children
        // A completed child of a pending task is on the frontier; a pending child of a
        // completed task breaks the closure. One pass over the edges finds both.
        var onFrontier = [Bool](repeating: false, count: count)
        var brokenClosure = 0
        for v in 0..<count {
            let done = profile.isCompleted(v)
            var counted = false
            for child in children.neighbours(v) {
                let childDone = profile.isCompleted(Int(child))
                if !done && childDone { onFrontier[Int(child)] = true }
                if done && !childDone && !counted {
                    brokenClosure += 1
                    counted = true
                }
            }
        }
        func group(_ member: (Int) -> Bool) -> ResumePlan.Group {
            var total = 0
            var found: [UDID] = []
            for v in 0..<count where member(v) {
                total += 1
                if found.count < examples { found.append(profile.udid(v)) }
            }
            return ResumePlan.Group(count: total, examples: found)
        }
        let plan = ResumePlan(
            skip: group { profile.isCompleted($0) },
            rerun: group { !profile.isCompleted($0) },
            frontier: group { onFrontier[$0] },
            pendingSources: group { !profile.isCompleted($0) && profile.parentCounts[$0] == 0 })
        return StatusReport(
            checkpoint: checkpoint, tasks: profile.tasks, byType: profile.byType, sources: profile.sources, leaves: profile.leaves,
            stages: profile.stageCounts, unstaged: profile.unstaged, plan: plan, completedWithPendingChild: brokenClosure)
    }

    /// Min, lower median, nearest-rank p99, max and the top tasks of a count per task, from
    /// a histogram of the counts (no sort of the tasks).
    static func distribution(top: Int, count: Int, profile: GraphProfile, _ value: (Int) -> Int) -> CheckpointStats.Distribution {
        guard count > 0 else { return CheckpointStats.Distribution(min: 0, median: 0, p99: 0, max: 0, top: []) }
        var maximum = 0
        for v in 0..<count { maximum = Swift.max(maximum, value(v)) }
        var histogram = [Int](repeating: 0, count: maximum + 1)
        // The top tasks: kept sorted, largest first, ties by id (udid order for task_type tasks).
        var best: [(id: Int, count: Int)] = []
        for v in 0..<count {
            let c = value(v)
            histogram[c] += 1
            if top > 0, c > 0, best.count < top || c > best[best.count - 1].count {
                var at = best.count
                while at > 0 && best[at - 1].count < c { at -= 1 }
                best.insert((v, c), at: at)
                if best.count > top { best.removeLast() }
            }
        }
        func valueAt(rank: Int) -> Int {
            var seen = 0
            for (c, n) in histogram.enumerated() {
                seen += n
                if seen > rank { return c }
            }
            return maximum
        }
        let minimum = histogram.firstIndex { $0 > 0 } ?? 0
        let p99Rank = (99 * count + 99) / 100
        return CheckpointStats.Distribution(
            min: minimum, median: valueAt(rank: (count - 1) / 2), p99: valueAt(rank: p99Rank - 1), max: maximum,
            top: best.map { (profile.udid($0.id), $0.count) })
    }

    /// Weakly connected components by union-find over the edges (path halving, union by size).
    static func components(_ graph: TaskGraph) -> CheckpointStats.Components {
        let count = graph.flags.count
        let children = graph.children ?? AdjacencyList(nodeCount: count, sources: [], destinations: [])
        var parent = [Int32](repeating: 0, count: count)
        var size = [Int32](repeating: 1, count: count)
        var components = count
        var largest: Int32 = count == 0 ? 0 : 1
        children.offsets.withUnsafeBufferPointer { offsets in
            children.targets.withUnsafeBufferPointer { targets in
                parent.withUnsafeMutableBufferPointer { parent in
                    size.withUnsafeMutableBufferPointer { size in
                        for v in 0..<count { parent[v] = Int32(v) }
                        func find(_ x: Int32) -> Int32 {
                            var x = Int(x)
                            while Int(parent[x]) != x {
                                parent[x] = parent[Int(parent[x])]
                                x = Int(parent[x])
                            }
                            return Int32(x)
                        }
                        for v in 0..<count {
                            for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                                var a = Int(find(Int32(v)))
                                var b = Int(find(targets[e]))
                                if a == b { continue }
                                if size[a] < size[b] { swap(&a, &b) }
                                parent[b] = Int32(a)
                                size[a] += size[b]
                                largest = max(largest, size[a])
                                components -= 1
                            }
                        }
                    }
                }
            }
        }
        return CheckpointStats.Components(count: components, largest: Int(largest))
    }

    /// What `stats` can still say of a file whose structure is damaged, as `mdb_stat -a`
    /// does: the meta page in use and every database record as stored (counts the writer
    /// declared, not confirmed by a walk), and the pages the free list names as far as its
    /// walk got. `nil` when no meta page is usable, so nothing can be said.
    /// Cost: the meta pages, the main tree's leaves and the free list's pages.
    public static func fileStats(path: String) throws(CheckpointError) -> LMDBStats? {
        let file = try MappedFile.checkpoint(path)
        let walker = StructureWalker(file: file)
        guard let meta = walker.metaCheck.meta else { return nil }
        let free = walker.report(combining: [walker.walkFreeList()])
        return LMDBStats(
            pageSize: meta.pageSize, mapSize: meta.mapSize, lastTxn: meta.txnid, fileSize: meta.fileSize, pagesUsed: meta.lastPage + 1,
            freePages: free.pagesOnFreeList, freeList: LMDBStats.Database(meta.freeDatabase), main: LMDBStats.Database(meta.mainDatabase),
            databases: walker.databases.sorted { $0.name < $1.name }.map { ($0.name, LMDBStats.Database($0.record)) })
    }

    static func lmdb(_ reading: GraphReading) -> LMDBStats {
        // GraphReading refuses a file without a usable meta page, so `meta` is there.
        let meta = reading.walker.metaCheck.meta
        let named = reading.walker.databases.sorted { $0.name < $1.name }
        return LMDBStats(
            pageSize: meta?.pageSize ?? 0, mapSize: meta?.mapSize ?? 0, lastTxn: meta?.txnid ?? 0, fileSize: meta?.fileSize ?? 0,
            pagesUsed: (meta?.lastPage ?? 0) + 1, freePages: reading.structure.pagesOnFreeList,
            freeList: meta.map { LMDBStats.Database($0.freeDatabase) } ?? .empty,
            main: meta.map { LMDBStats.Database($0.mainDatabase) } ?? .empty,
            databases: named.map { ($0.name, LMDBStats.Database($0.record)) })
    }
}

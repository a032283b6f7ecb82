/// The passes over a checkpoint's sub-databases that build its task graph, shared by
/// `verify` (which reports what they found) and the commands that need the whole graph
/// (`status`, `stats`, which refuse a file with findings).
///
/// One walk per sub-database over the mapped file, each entry handed to the graph
/// builder as it is walked; both cores are used (see `read`).
struct GraphPasses {
    /// The builder, with every pass absorbed; `finish()` gives the graph.
    var builder: GraphBuilder
    /// The structure walks, in the order their findings are reported: `task_type`, the
    /// free list, `out_edges`, `in_edges`, `completed`.
    let walks: [DatabaseWalkResult]
    /// Waits for the other thread to drop the file's page mappings (started once the
    /// pages were read, so that dropping them overlaps the checks).
    let waitForPagesReleased: () -> Void

    /// Reads the sub-databases in `present` from `walker`'s file. Never throws: what is
    /// malformed is counted in the builder's tallies and the walks' findings.
    /// Cost: one pass over every page; memory about 40 bytes per task and 8 per edge.
    static func read(
        _ walker: StructureWalker, present: [SubDatabase: NamedDatabase], maxExamples: Int, progress: ProgressHandler?
    ) -> GraphPasses {
        // One walk per sub-database, feeding the graph builder as it goes.
        var builder = GraphBuilder(maxExamples: maxExamples)
        @Sendable func walk(_ name: SubDatabase, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) -> DatabaseWalkResult {
            let total = Int(present[name]?.record.entries ?? 0)
            let phase = "reading \(name.rawValue)"
            var done = 0
            progress?(WorkProgress(phase: phase, done: 0, total: total, unit: "entries"))
            return walker.walk(database: name.rawValue) { key, value in
                body(key, value)
                done &+= 1
                if WorkProgress.isDue(done) { progress?(WorkProgress(phase: phase, done: done, total: total, unit: "entries")) }
            }
        }
        // Room for every entry the records declare, bounded by what the file could hold,
        // so a damaged count cannot make us allocate without bound.
        let fileBytes = walker.file.bytes.count
        @Sendable func capacity(_ name: SubDatabase) -> Int {
            Int(min(present[name]?.record.entries ?? 0, UInt64(fileBytes / 40)))
        }

        // Two threads share the walk by size: this one reads task_type (building the task
        // index) and then in_edges; the other reads the free list, completed and out_edges,
        // which need no index until they are resolved. Then both resolve out_edges' values,
        // the random-access part, taking chunks until none is left.
        let hasIn = present[.inEdges] != nil
        let hasOut = present[.outEdges] != nil
        let hasCompleted = present[.completed] != nil
        let seed = UInt64.random(in: .min ... .max)
        let limit = maxExamples
        let indexReady = Handoff<TaskIndex>()
        let outValues = SharedResolution()
        var typesWalk: DatabaseWalkResult? = nil
        var inWalk: DatabaseWalkResult? = nil
        var (inPass, other) = inParallel(
            { () -> EdgePass? in
                if present[.taskType] != nil { builder.readTaskTypes(expecting: capacity(.taskType)) { typesWalk = walk(.taskType, $0) } }
                let index = builder.taskIndex
                indexReady.publish(index)
                var inPass: EdgePass? = nil
                if hasIn {
                    // Without out_edges, in_edges' pairs stand for the graph and are kept.
                    var pass = EdgePass.read(
                        .inEdges, keepValues: !hasOut, index: index, checksumSeed: seed, limit: limit, expecting: capacity(.inEdges)
                    ) {
                        inWalk = walk(.inEdges, $0)
                    }
                    pass.resolveKeys(with: index)
                    inPass = pass
                }
                outValues.help(index: index)
                return inPass
            },
            { () -> OtherPasses in
                var other = OtherPasses(free: walker.walkFreeList())
                if hasCompleted {
                    other.completed = CompletedPass.read(limit: limit, expecting: capacity(.completed)) { other.completedWalk = walk(.completed, $0) }
                }
                guard hasOut else {
                    outValues.skip()
                    other.completed?.resolve(with: indexReady.receive())
                    return other
                }
                var pass = EdgePass.read(.outEdges, keepValues: true, checksumSeed: seed, limit: limit, expecting: capacity(.outEdges)) {
                    other.outWalk = walk(.outEdges, $0)
                }
                let index = indexReady.receive()
                var missing = 0
                let ids = pass.values.withUnsafeBufferPointer { values in
                    [Int32](largeUninitializedCapacity: values.count) { ids, initialized in
                        missing = outValues.run(values, into: ids, index: index) {
                            pass.resolveKeys(with: index)
                            other.completed?.resolve(with: index)
                        }
                        initialized = values.count
                    }
                }
                pass.finishResolving(ids, missing: missing, knownCount: index.knownCount)
                // Freeing the values is left to the thread that comes free first.
                other.spentValues = pass.values
                pass.values = []
                other.out = pass
                return other
            })

        // The walks and passes are merged in the order they always were, which is the
        // order their findings are reported in.
        var walks: [DatabaseWalkResult] = []
        typesWalk.map { walks.append($0) }
        walks.append(other.free)
        other.outWalk.map { walks.append($0) }
        inWalk.map { walks.append($0) }
        other.completedWalk.map { walks.append($0) }
        // The pages are read; dropping their mappings costs about as much as unmapping the
        // file, which would otherwise come after the checks, so the idle thread does it now.
        let file = walker.file
        let pagesReleased = startInBackground { [spent = other.spentValues] in
            file.releasePages()
            _ = spent
        }
        other.spentValues = []
        if let completed = other.completed { builder.absorb(completed) }
        if let outPass = other.out { builder.absorb(outPass) }
        if var pass = inPass {
            if pass.keepsValues { pass.resolveValues(with: builder.taskIndex) }
            builder.absorb(pass)
        }
        if hasIn && hasOut && !builder.edgeChecksumsAgree {
            // The sub-databases differ: read in_edges again, pair by pair, to say where.
            var pass = EdgePass.read(
                .inEdges, keepValues: true, index: builder.taskIndex, checksumSeed: seed, limit: limit, expecting: capacity(.inEdges)
            ) {
                _ = walk(.inEdges, $0)
            }
            pass.resolveKeys(with: builder.taskIndex)
            pass.resolveValues(with: builder.taskIndex)
            // Its key-format and self-loop findings were counted on the first read.
            pass.keyFormat = Tally(.keyFormat, limit: maxExamples)
            pass.selfLoops = []
            builder.absorb(pass)
        }
        return GraphPasses(builder: builder, walks: walks, waitForPagesReleased: pagesReleased)
    }
}

/// What the second thread reads: the free list, `completed` and `out_edges`, resolved.
private struct OtherPasses: Sendable {
    var free: DatabaseWalkResult
    var completed: CompletedPass? = nil
    var completedWalk: DatabaseWalkResult? = nil
    var out: EdgePass? = nil
    var outWalk: DatabaseWalkResult? = nil
    /// `out_edges`' values once resolved, for whichever thread comes free to free.
    var spentValues: [PackedUDID] = []
}

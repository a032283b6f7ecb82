/// Runs every check of FORMAT.md's invariants on a checkpoint.
public enum Verifier {
    /// Audits the checkpoint at `path`: first the `structure` walk over the read-only
    /// mapped file (never liblmdb, so no damage can crash it), then the logical checks
    /// on the entries that walk delivered. The file is read once.
    ///
    /// A file that is not LMDB, truncated or damaged gives a report whose `structure`
    /// check failed (with page numbers and sub-databases) and whose logical checks that
    /// would read damaged data are `not_run`. A missing or wrongly flagged sub-database
    /// is a failed `schema` check; the checks that need it are `not_run`.
    /// Throws `CheckpointError` only when the file cannot be opened at all, or is not
    /// LMDB at all (`.notCheckpoint` with reason `.notLMDB`: empty, text, random bytes).
    /// Cost: one pass over every page; memory about 40 bytes per task and 8 per edge.
    public static func verify(path: String, maxExamples: Int = 5, progress: ProgressHandler? = nil) throws(CheckpointError) -> AuditReport {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            throw CheckpointError(error, displayPath: path)
        }
        if case .notLMDB(let finding) = MetaCheck(file: file).notCheckpointReason {
            throw .notCheckpoint(path: path, reason: .notLMDB(finding))
        }
        return verify(file: file, path: path, maxExamples: maxExamples, progress: progress)
    }

    /// Audits an already mapped file (or bytes in memory, `MappedFile(copying:)`),
    /// reported under the name `path`. Never throws: every problem is in the report.
    public static func verify(file: MappedFile, path: String, maxExamples: Int = 5, progress: ProgressHandler? = nil) -> AuditReport {
        audit(StructureWalker(file: file), path: path, maxExamples: maxExamples, progress: progress)
    }

    static func audit(_ walker: StructureWalker, path: String, maxExamples: Int, progress: ProgressHandler?) -> AuditReport {
        let schema = schemaResult(walker, maxExamples: maxExamples)

        // One walk per sub-database, feeding the logical checks as it goes.
        var builder = GraphBuilder(maxExamples: maxExamples)
        let present = schema.found
        @Sendable func walk(_ name: SubDatabase, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) -> DatabaseWalkResult {
            let total = Int(present[name]?.record.entries ?? 0)
            let phase = "reading \(name.rawValue)"
            var done = 0
            progress?(WorkProgress(phase: phase, done: 0, total: total, unit: "entries"))
            return walker.walk(database: name.rawValue) { key, value in
                body(key, value)
                done &+= 1
                if done & 0xffff == 0 { progress?(WorkProgress(phase: phase, done: done, total: total, unit: "entries")) }
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
        progress?(WorkProgress(phase: "checking the graph", done: 0, total: nil, unit: "tasks"))

        let structure = structureResult(walker, walks: walks, maxExamples: maxExamples)

        // Any structural damage means the entries the logical checks would read cannot
        // be trusted (even a finding attributed to the free list may hide a page a tree uses).
        var checks = [structure]
        if structure.passed {
            checks.append(schema.result)
            checks += CheckRegistry.run(CheckRegistry.all, on: builder.finish())
        } else {
            let why: CheckNote = walker.metaCheck.isSound ? .structureDamaged : .notLMDB
            for id in [.schema] + CheckRegistry.all.map(\.id) { checks.append(.notRun(id, why)) }
        }
        pagesReleased()
        return AuditReport(
            checkpoint: path, tasks: builder.taskCount, edges: builder.edgeCount, completed: builder.completedCount, checks: checks)
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

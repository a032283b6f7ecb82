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

        // One walk per sub-database, feeding the logical checks as it goes. The two
        // edge sub-databases, the bulk of the file, are read on two threads at once.
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
        var walks: [DatabaseWalkResult] = []
        // Room for every entry the records declare, bounded by what the file could hold,
        // so a damaged count cannot make us allocate without bound.
        let fileBytes = walker.file.bytes.count
        @Sendable func capacity(_ name: SubDatabase) -> Int {
            Int(min(present[name]?.record.entries ?? 0, UInt64(fileBytes / 40)))
        }
        let freeList: DatabaseWalkResult
        (_, freeList) = inParallel(
            {
                if present[.taskType] != nil { builder.readTaskTypes(expecting: capacity(.taskType)) { walks.append(walk(.taskType, $0)) } }
            }, { walker.walkFreeList() })
        walks.append(freeList)

        // The edge sub-databases, the bulk of the file: out_edges keeps its values (the
        // graph the checks walk), in_edges only a checksum of its pairs to compare, unless
        // out_edges is missing and in_edges must stand for the graph.
        let snapshot = builder
        let hasIn = present[.inEdges] != nil
        let hasOut = present[.outEdges] != nil
        let seed = UInt64.random(in: .min ... .max)
        var (outPass, inPass) = inParallel(
            { () -> EdgePass? in
                guard hasOut else { return nil }
                var walked: DatabaseWalkResult? = nil
                let pass = builder.edgePass(.outEdges, keepValues: true, checksumSeed: seed, expecting: capacity(.outEdges)) {
                    walked = walk(.outEdges, $0)
                }
                walked.map { walks.append($0) }
                return pass
            },
            { () -> (EdgePass, DatabaseWalkResult?)? in
                guard hasIn else { return nil }
                var walked: DatabaseWalkResult? = nil
                let pass = snapshot.edgePass(.inEdges, keepValues: !hasOut, checksumSeed: seed, expecting: capacity(.inEdges)) {
                    walked = walk(.inEdges, $0)
                }
                return (pass, walked)
            })
        inPass.map { walks.append(contentsOf: $0.1.map { [$0] } ?? []) }

        // Resolving values to ids is the random-access part: split it over both threads.
        if var pass = outPass {
            let count = pass.values.count
            let half = count / 2
            let resolver = builder
            var ids = [Int32](repeating: 0, count: count)
            ids.withUnsafeMutableBufferPointer { ids in
                pass.values.withUnsafeBufferPointer { values in
                    let (firstValues, firstIDs) = (UnsafeBufferPointer(rebasing: values[..<half]), UnsafeMutableBufferPointer(rebasing: ids[..<half]))
                    let second = SendablePointers(
                        values: UnsafeBufferPointer(rebasing: values[half...]), ids: UnsafeMutableBufferPointer(rebasing: ids[half...]))
                    _ = inParallel({ resolver.resolveKnown(firstValues, into: firstIDs) }, { resolver.resolveKnown(second.values, into: second.ids) })
                }
            }
            pass.valueIDs = ids
            builder.finishResolving(&pass)
            outPass = pass
        }
        if present[.completed] != nil { builder.readCompleted { walks.append(walk(.completed, $0)) } }
        if let outPass { builder.absorb(outPass) }
        if let (pass, _) = inPass {
            var pass = pass
            if pass.keepsValues { builder.resolveValues(&pass) }
            builder.absorb(pass)
        }
        if hasIn && hasOut && !builder.edgeChecksumsAgree {
            // The sub-databases differ: read in_edges again, pair by pair, to say where.
            var pass = builder.edgePass(.inEdges, keepValues: true, checksumSeed: seed, expecting: capacity(.inEdges)) {
                _ = walk(.inEdges, $0)
            }
            builder.resolveValues(&pass)
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
        return AuditReport(
            checkpoint: path, tasks: builder.taskCount, edges: builder.edgeCount, completed: builder.completedCount, checks: checks)
    }
}

/// Two disjoint halves of buffers handed to the second thread of `inParallel`; the
/// caller waits for it before the buffers go away.
private struct SendablePointers: @unchecked Sendable {
    let values: UnsafeBufferPointer<PackedUDID>
    let ids: UnsafeMutableBufferPointer<Int32>
}

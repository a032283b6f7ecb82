/// A sound checkpoint's task graph, read through the structure walk (never liblmdb, so it
/// works where liblmdb cannot and never creates a lock file), with the walks' page counts.
///
/// The reading commands that need the whole graph (`status`, `stats`) start here; unlike
/// `Verifier`, they refuse a file with any structure finding or schema problem instead of
/// reporting on it.
struct GraphReading {
    let graph: TaskGraph
    let walker: StructureWalker
    /// The walks of the free list and of every named sub-database.
    let walks: [DatabaseWalkResult]
    /// What the walks found, combined (pages on the free list, pages reachable).
    let structure: StructureReport

    /// Reads the checkpoint at `path`: the four sub-databases and the free list, each once.
    ///
    /// Throws `CheckpointError`: the file cannot be opened, is not LMDB, a sub-database is
    /// missing or wrongly flagged (`.missingDatabase`, `.wrongFlags`), or the structure walk
    /// found damage (`.notCheckpoint` with `.damaged` and the first finding).
    /// Cost: one pass over every page, the two edge sub-databases on two threads.
    static func read(path: String, progress: ProgressHandler?) throws(CheckpointError) -> GraphReading {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            throw CheckpointError(error, displayPath: path)
        }
        let walker = StructureWalker(file: file)
        if let reason = walker.metaCheck.notCheckpointReason { throw .notCheckpoint(path: path, reason: reason) }
        var found: [SubDatabase: NamedDatabase] = [:]
        for name in SubDatabase.allCases {
            guard let named = walker.databases.first(where: { $0.name == name.rawValue }) else {
                throw .missingDatabase(path: path, name: name.rawValue)
            }
            guard named.record.flags == name.recordFlags else { throw .wrongFlags(path: path, name: name.rawValue) }
            found[name] = named
        }
        let present = found
        let fileBytes = file.bytes.count
        // Room for every entry the records declare, bounded by what the file could hold.
        func capacity(_ name: SubDatabase) -> Int { Int(min(present[name]?.record.entries ?? 0, UInt64(fileBytes / 40))) }
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

        var builder = GraphBuilder(maxExamples: 0)
        var walks: [DatabaseWalkResult] = []
        let taskTypeCapacity = capacity(.taskType)
        let (_, freeList) = inParallel(
            { builder.readTaskTypes(expecting: taskTypeCapacity) { walks.append(walk(.taskType, $0)) } }, { walker.walkFreeList() })
        walks.append(freeList)

        // out_edges is the graph; in_edges, its transpose on a sound file, is only walked
        // for its structure and counts, on the second thread.
        let outCapacity = capacity(.outEdges)
        var outWalk: DatabaseWalkResult? = nil
        var (outPass, inWalk) = inParallel(
            { builder.edgePass(.outEdges, keepValues: true, checksumSeed: 0, expecting: outCapacity) { outWalk = walk(.outEdges, $0) } },
            { walk(.inEdges) { _, _ in } })
        outWalk.map { walks.append($0) }
        walks.append(inWalk)
        builder.resolveValuesInParallel(&outPass)
        builder.readCompleted { walks.append(walk(.completed, $0)) }
        builder.absorb(outPass)

        let structure = walker.report(combining: walks)
        if let first = structure.findings.first { throw .notCheckpoint(path: path, reason: .damaged(first)) }
        progress?(WorkProgress(phase: "analysing the graph", done: 0, total: nil, unit: "tasks"))
        return GraphReading(graph: builder.finish(), walker: walker, walks: walks, structure: structure)
    }
}

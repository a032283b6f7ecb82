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
    /// Cost: one pass over every page on both cores, as verify's (`GraphPasses`).
    static func read(path: String, progress: ProgressHandler?) throws(CheckpointError) -> GraphReading {
        let file = try MappedFile.checkpoint(path)
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
        // The same passes as verify's; in_edges is compared with out_edges by checksum.
        let passes = GraphPasses.read(walker, present: found, maxExamples: 0, progress: progress)
        let walks = passes.walks
        let structure = walker.report(combining: walks)
        if let first = structure.findings.first { throw .notCheckpoint(path: path, reason: .damaged(first)) }
        progress?(WorkProgress(phase: "analysing the graph", done: 0, total: nil, unit: "tasks"))
        passes.waitForPagesReleased()
        return GraphReading(graph: passes.builder.finish(), walker: walker, walks: walks, structure: structure)
    }
}

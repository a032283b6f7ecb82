/// Runs every check of FORMAT.md's invariants on a checkpoint.
public enum Verifier {
    /// The checks' ids, in the order they run and are reported: the two read from the
    /// file's structure, then the registry's.
    public static let checkIDs: [CheckID] = [.structure, .schema] + CheckRegistry.all.map(\.id)

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
    public static func verify(path: String, maxExamples: Int = 5, progress: ProgressHandler? = nil) throws(CheckpointError) -> VerifyReport {
        let file = try MappedFile.checkpoint(path)
        if case .notLMDB(let finding) = MetaCheck(file: file).notCheckpointReason {
            throw .notCheckpoint(path: path, reason: .notLMDB(finding))
        }
        return verify(file: file, path: path, maxExamples: maxExamples, progress: progress)
    }

    /// Audits an already mapped file (or bytes in memory, `MappedFile(copying:)`),
    /// reported under the name `path`. Never throws: every problem is in the report.
    public static func verify(file: MappedFile, path: String, maxExamples: Int = 5, progress: ProgressHandler? = nil) -> VerifyReport {
        audit(StructureWalker(file: file), path: path, maxExamples: maxExamples, progress: progress)
    }

    static func audit(_ walker: StructureWalker, path: String, maxExamples: Int, progress: ProgressHandler?) -> VerifyReport {
        let schema = schemaResult(walker, maxExamples: maxExamples)

        let passes = GraphPasses.read(walker, present: schema.found, maxExamples: maxExamples, progress: progress)
        progress?(WorkProgress(phase: "checking the graph", done: 0, total: nil, unit: "tasks"))

        let structure = structureResult(walker, walks: passes.walks, maxExamples: maxExamples)

        // Any structural damage means the entries the logical checks would read cannot
        // be trusted (even a finding attributed to the free list may hide a page a tree uses).
        var checks = [structure]
        if structure.passed {
            checks.append(schema.result)
            checks += CheckRegistry.run(CheckRegistry.all, on: passes.builder.finish())
        } else {
            let why: CheckNote = walker.metaCheck.isSound ? .structureDamaged : .notLMDB
            for id in checkIDs.dropFirst() { checks.append(.notRun(id, why)) }
        }
        passes.waitForPagesReleased()
        let builder = passes.builder
        let counts = VerifyReport.DAGCounts(tasks: builder.taskCount, edges: builder.edgeCount, completed: builder.completedCount)
        return VerifyReport(checkpoint: path, subject: .dag(counts), checks: checks)
    }
}

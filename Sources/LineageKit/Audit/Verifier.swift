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
    /// Throws `CheckpointError` only when the file cannot be opened at all.
    /// Cost: one pass over every page; memory about 40 bytes per task and 8 per edge.
    public static func verify(path: String, maxExamples: Int = 5, progress: ProgressHandler? = nil) throws(CheckpointError) -> AuditReport {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            throw CheckpointError(error, displayPath: path)
        }
        return audit(StructureWalker(file: file), path: path, maxExamples: maxExamples, progress: progress)
    }

    static func audit(_ walker: StructureWalker, path: String, maxExamples: Int, progress: ProgressHandler?) -> AuditReport {
        // Schema: from the main DB the walker read.
        var schema = Tally(limit: maxExamples)
        var present: [SubDatabase: NamedDatabase] = [:]
        for name in SubDatabase.allCases {
            guard let named = walker.databases.first(where: { $0.name == name.rawValue }) else {
                if walker.metaCheck.isSound {
                    schema.add(Violation("the `\(name.rawValue)` sub-database is missing", database: name.rawValue))
                }
                continue
            }
            // The writer sets exactly DUPSORT on the edge databases and nothing elsewhere;
            // any other flag changes how readers order and compare keys.
            let expected: UInt16 = name.isDupSort ? 0x04 : 0
            if named.record.flags != expected {
                schema.add(Violation("`\(name.rawValue)` has flags 0x\(String(named.record.flags, radix: 16)), expected 0x\(String(expected, radix: 16))\(name.isDupSort ? " (MDB_DUPSORT)" : "")", database: name.rawValue))
            }
            present[name] = named
        }
        let extras = walker.databases.map(\.name).filter { SubDatabase(rawValue: $0) == nil }
        let note = extras.isEmpty ? nil : "extra sub-databases (suspicious, not fatal): " + extras.map { Escaping.jsonString($0) }.joined(separator: ", ")

        // One walk per sub-database, feeding the logical checks as it goes.
        var audit = GraphAudit(maxExamples: maxExamples)
        var walks = [walker.walkFreeList()]
        func scanner(_ name: SubDatabase) -> ((UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) -> Void {
            { body in
                let total = Int(present[name]?.record.entries ?? 0)
                let phase = "reading \(name.rawValue)"
                var done = 0
                walks.append(walker.walk(database: name.rawValue) { key, value in
                    body(key, value)
                    done &+= 1
                    if done & 0xffff == 0 { progress?(WorkProgress(phase: phase, done: done, total: total, unit: "entries")) }
                })
            }
        }
        if present[.taskType] != nil { audit.readTaskTypes(scanner(.taskType)) }
        if present[.completed] != nil { audit.readCompleted(scanner(.completed)) }
        if present[.outEdges] != nil { audit.readEdges(.outEdges, scanner(.outEdges)) }
        if present[.inEdges] != nil { audit.readEdges(.inEdges, scanner(.inEdges)) }
        progress?(WorkProgress(phase: "checking the graph", done: audit.taskCount, total: audit.taskCount, unit: "tasks"))

        let structure = walker.report(combining: walks)
        var structureTally = Tally(limit: maxExamples)
        for finding in structure.findings {
            structureTally.add(Violation("[\(finding.code)] \(finding.message)", page: finding.page, database: finding.database))
        }
        structureTally.addWithoutExample(structure.findingCount - structure.findings.count)
        // Named sub-databases live in a main DB with default flags; other flags make
        // liblmdb compare the names differently, so readers would not find them.
        if let main = walker.metaCheck.meta?.mainDatabase, main.flags != 0 {
            structureTally.add(Violation("[meta] the main database has flags 0x\(String(main.flags, radix: 16)), expected 0: readers would not find the sub-databases", page: UInt64(walker.metaCheck.meta?.metaPage ?? 0), database: StructureWalker.mainName))
        }
        let structureResult = structureTally.result(.structure)

        // Damage confined to the free list does not touch what readers see; anything
        // else means the entries the logical checks read cannot be trusted.
        let freeListOnly = structure.findings.allSatisfy { $0.database == StructureWalker.freeListName || $0.kind == .unaccounted }
            && structure.findingCount == structure.findings.count
        let logicalTrusted = walker.metaCheck.isSound && (structure.isClean || freeListOnly) && structureTally.count == structure.findingCount
        var checks = [structureResult]
        if logicalTrusted {
            checks.append(schema.result(.schema, note: note))
            checks += audit.finish()
        } else {
            let why = walker.metaCheck.isSound
                ? "the file's structure is damaged, so the entries it holds cannot be trusted"
                : "the file is not a readable LMDB environment"
            for id in CheckID.allCases where id != .structure {
                checks.append(CheckResult(id: id, status: .notRun, violations: 0, examples: [], note: why))
            }
        }
        return AuditReport(
            checkpoint: path, tasks: audit.taskCount, edges: audit.edgeCount, completed: audit.completedCount, checks: checks)
    }
}

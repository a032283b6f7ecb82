/// Runs every check of FORMAT.md's invariants on a checkpoint.
public enum Verifier {
    /// Audits the checkpoint at `path` in one read transaction, streaming each
    /// sub-database once.
    ///
    /// A missing or wrongly flagged sub-database is a failed `schema` check, and the
    /// checks that need it are reported as not run. Throws `CheckpointError` only when
    /// the file cannot be read as an LMDB environment at all.
    /// Cost: one pass over every entry; memory about 30 bytes per task and 8 per edge.
    public static func verify(path: String, maxExamples: Int = 5) throws -> AuditReport {
        let checkpoint = try Checkpoint(path: path)
        return try checkpoint.read { reader in try audit(reader, maxExamples: maxExamples) }
    }

    static func audit(_ reader: CheckpointReader, maxExamples: Int) throws -> AuditReport {
        let txn = reader.transaction
        var schema = Tally(limit: maxExamples)
        var notes: [String] = []
        var databases: [SubDatabase: ReadTransaction.Database] = [:]
        let names = try txn.mainDatabaseKeys()
        for name in SubDatabase.allCases {
            guard names.contains(Array(name.rawValue.utf8)) else {
                schema.add(Violation("the `\(name.rawValue)` sub-database is missing", database: name.rawValue))
                continue
            }
            let database: ReadTransaction.Database?
            do {
                database = try txn.database(named: name.rawValue)
            } catch let error as LMDBError where error.code == MDB_INCOMPATIBLE {
                schema.add(Violation("`\(name.rawValue)` in the main database is a plain key, not a sub-database", database: name.rawValue))
                continue
            }
            guard let database else { continue }
            if database.isDupSort != name.isDupSort {
                let expected = name.isDupSort ? "MDB_DUPSORT" : "no MDB_DUPSORT"
                schema.add(Violation("`\(name.rawValue)` has flags 0x\(String(database.flags, radix: 16)), expected \(expected)", database: name.rawValue))
            }
            databases[name] = database
        }
        let extras = names.filter { name in !SubDatabase.allCases.contains { Array($0.rawValue.utf8) == name } }
        if !extras.isEmpty {
            notes.append("unexpected extra entries in the main database (suspicious, not fatal): " + extras.map { Escaping.jsonString($0) }.joined(separator: ", "))
        }

        var audit = GraphAudit(maxExamples: maxExamples)
        func scanner(_ name: SubDatabase) -> ((UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) throws -> Void {
            { body in
                guard let database = databases[name] else { return }
                try txn.withCursor(database) { cursor in
                    try cursor.forEach(from: nil) { key, value in
                        body(key, value)
                        return true
                    }
                }
            }
        }
        if databases[.taskType] != nil { try audit.readTaskTypes(scanner(.taskType)) }
        if databases[.completed] != nil { try audit.readCompleted(scanner(.completed)) }
        if databases[.outEdges] != nil { try audit.readEdges(.outEdges, scanner(.outEdges)) }
        if databases[.inEdges] != nil { try audit.readEdges(.inEdges, scanner(.inEdges)) }

        let checks = [schema.result(.schema, note: notes.isEmpty ? nil : notes.joined(separator: "; "))] + audit.finish()
        return AuditReport(checkpoint: reader.path, tasks: audit.taskCount, edges: audit.edgeCount, completed: audit.completedCount, checks: checks)
    }
}

import CLMDB

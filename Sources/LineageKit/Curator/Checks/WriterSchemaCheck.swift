/// Every writer file names only `completed_sources` (or nothing), with plain keys.
struct WriterSchemaCheck: CuratorCheck {
    let id = CheckID.writerSchema

    func unmet(in reading: CuratorReading) -> [CheckNote]? { needsEntries(reading) }

    func run(_ reading: CuratorReading) -> CheckResult {
        var tally = tally(reading)
        for writer in reading.sound { WriterChecks.checkSchema(writer.outcome.inspection.databases, file: writer.name, into: &tally) }
        let empty = reading.empty
        return entriesResult(tally, reading, notes: empty.isEmpty ? [] : [.noSubDatabase(empty)])
    }
}

extension CheckID {
    /// Every writer file names only `completed_sources` (or nothing), with plain keys.
    public static let writerSchema = CheckID("writer-schema", summary: "every writer file holds only completed_sources, with plain keys")
}

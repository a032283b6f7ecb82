extension Verifier {
    /// The `schema` check, from the main DB the walker read: each sub-database present
    /// with the writer's flags. Also the records of those present, for the passes.
    static func schemaResult(_ walker: StructureWalker, maxExamples: Int) -> (result: CheckResult, found: [SubDatabase: NamedDatabase]) {
        var schema = Tally(.schema, limit: maxExamples)
        var found: [SubDatabase: NamedDatabase] = [:]
        for name in SubDatabase.allCases {
            guard let named = walker.databases.first(where: { $0.name == name.rawValue }) else {
                if walker.metaCheck.isSound { schema.add(.missingSubDatabase(name), database: name.rawValue) }
                continue
            }
            // The writer sets exactly DUPSORT on the edge databases and nothing elsewhere;
            // any other flag changes how readers order and compare keys.
            let expected = name.recordFlags
            if named.record.flags != expected {
                schema.add(.wrongFlags(name, flags: named.record.flags, expected: expected), database: name.rawValue)
            }
            found[name] = named
        }
        let extras = walker.databases.map(\.name).filter { SubDatabase(rawValue: $0) == nil }
        return (schema.result(notes: extras.isEmpty ? [] : [.extraSubDatabases(extras)]), found)
    }

    /// The `structure` check: the walker's findings over every walk, and the main DB's flags.
    static func structureResult(_ walker: StructureWalker, walks: [DatabaseWalkResult], maxExamples: Int) -> CheckResult {
        let structure = walker.report(combining: walks)
        var tally = Tally(.structure, limit: maxExamples)
        for finding in structure.findings {
            tally.add(.structure(finding), database: finding.database, page: finding.page)
        }
        tally.addWithoutExample(structure.findingCount - structure.findings.count)
        // Named sub-databases live in a main DB with default flags; other flags make
        // liblmdb compare the names differently, so readers would not find them.
        if let main = walker.metaCheck.meta?.mainDatabase, main.flags != 0 {
            tally.add(.mainDBFlags(main.flags), database: StructureWalker.mainName, page: UInt64(walker.metaCheck.meta?.metaPage ?? 0))
        }
        return tally.result()
    }
}

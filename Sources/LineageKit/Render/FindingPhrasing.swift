/// Words for verify's findings and notes of both formats, shared by the text, JSON and
/// JUnit renderers. A phrase never repeats the finding's location (file, database, page):
/// the renderers show it once from the finding's fields. Bytes from the checkpoint are
/// escaped here, so a phrase is printable, one line, whatever the file holds.
public enum FindingPhrasing {
    /// The phrase for `problem`, without the location.
    public static func describe(_ problem: Finding.Problem) -> String {
        switch problem {
        case .structure(let finding):
            return StructurePhrasing.describe(finding)
        case .mainDBFlags(let flags):
            return "the main database has flags 0x\(hex(flags)), expected 0: readers would not find the sub-databases"
        case .missingSubDatabase:
            return "the sub-database is missing"
        case .wrongFlags(let name, let flags, let expected):
            return "flags 0x\(hex(flags)), expected 0x\(hex(expected))\(name.isDupSort ? " (MDB_DUPSORT)" : "")"
        case .badKey(_, let key):
            return "key \(Escaping.jsonString(key)) is not a 32-character lowercase hex udid"
        case .badEdgeValue(_, let key, let value):
            return "value \(Escaping.jsonString(value)) under \(key) is not a 32-character lowercase hex udid"
        case .badTypeValue(let key, let value):
            return "\(Escaping.text(key)) has task_type \(Escaping.jsonString(value)), not one of source, middle, leaf, source_leaf"
        case .edgeOnlyIn(let database, let parent, let child):
            let other: SubDatabase = database == .outEdges ? .inEdges : .outEdges
            return "edge \(parent) -> \(child) is in \(database.rawValue) but not in \(other.rawValue)"
        case .dangling(let udid):
            return "\(udid) appears in an edge but has no task_type entry"
        case .typeMismatch(let udid, let stored, let expected, let hasParents, let hasChildren):
            let parents = hasParents ? "has parents" : "has no parents"
            let children = hasChildren ? "has children" : "has no children"
            return "\(udid) is stored as \(stored.rawValue) but \(parents) and \(children) (expected \(expected.rawValue))"
        case .selfLoop(_, let udid):
            return "\(udid) has an edge to itself"
        case .cycle(let udids):
            let path = (udids + udids.prefix(1)).map(\.string).joined(separator: " -> ")
            return "cycle of \(udids.count) tasks: \(path)"
        case .completedValue(let key, let value):
            return "\(Escaping.text(key)) has completed value \(Escaping.jsonString(value)), not \"1\""
        case .completedUnknown(let udid):
            return "\(udid) is completed but has no task_type entry"
        case .closure(let parent, let child):
            return "\(parent) is completed but its child \(child) is not"
        case .unreadable(let reason):
            return "cannot be read: \(reason)"
        case .unexpectedSubDatabase(let name):
            return "names the sub-database \(Escaping.jsonString(name)); a writer file holds only \(CuratorWriter.databaseName)"
        case .writerFlags(let flags):
            let dupSort = flags & 0x04 != 0 ? " (MDB_DUPSORT)" : ""
            return "\(CuratorWriter.databaseName) has flags 0x\(hex(flags))\(dupSort), expected 0 (plain keys)"
        case .keyNotUTF8(let key):
            return "source id \(Escaping.jsonString(key)) is not valid UTF-8: the pipeline's key.decode() raises on it, so its resumed start fails on this writer file"
        case .keyControlCharacter(let key):
            return "source id \(Escaping.jsonString(key)) holds a control character"
        case .sourceValue(let key, let value):
            return "source id \(Escaping.jsonString(key)) has value \(Escaping.jsonString(value)), not \"1\""
        case .runMissing(let manifests):
            return
                "missing, yet \(manifests) completion manifest\(manifests == 1 ? "" : "s") exist\(manifests == 1 ? "s" : ""): the retry helper rejects them"
        case .notObject:
            return "not a JSON object"
        case .notInteger(let field):
            return "\(field) is missing or not an integer"
        case .runRange(let minimum, let total):
            return "minimum_shard_index \(minimum) and total_shards \(total): total_shards must be > 0, minimum_shard_index >= 0, and the last shard within 2^63 - 1"
        case .status(let status):
            return "status is \(status.map(Escaping.jsonString) ?? "missing or not a string"), not \"completed\""
        case .identity(let field, let manifest, let run):
            return "\(field) is \(manifest) but run.json says \(run)"
        case .shardRange(let shard, let minimum, let total):
            return "shard_index \(shard) is outside the run's shards \(minimum)..\(minimum + total - 1)"
        case .nameDigest(let expected):
            return "the file name does not match the manifest's identity, which names it \(expected)"
        }
    }

    /// The sentence for a check's note: why it did not run, or a remark.
    public static func describe(_ note: CheckNote) -> String {
        switch note {
        case .missing(let names):
            return "needs \(names.map { "`\($0.rawValue)`" }.joined(separator: " and ")), which \(names.count == 1 ? "is" : "are") missing"
        case .structureDamaged:
            return "the file's structure is damaged, so the entries it holds cannot be trusted"
        case .notLMDB:
            return "the file is not a readable LMDB environment"
        case .extraSubDatabases(let names):
            return "extra sub-databases (suspicious, not fatal): " + names.map { Escaping.jsonString($0) }.joined(separator: ", ")
        case .noSubDatabase(let files):
            return "no \(CuratorWriter.databaseName) sub-database (nothing completed, not a failure): \(list(files))"
        case .writersSkipped(let files):
            let one = files.count == 1
            return "writer file\(one ? "" : "s") \(list(files)) unreadable or damaged, so \(one ? "its" : "their") entries were not read"
        case .writersBusy(let files):
            return "not checked, their writers committed during every read (no consistent read in time): \(list(files))"
        case .notJobArray:
            return "not a Slurm job array (no \(CuratorSlurm.folder)/)"
        case .noUsableRun:
            return "run.json is missing or unusable, so identities and shard ranges were not compared"
        case .leftovers(let files):
            return "\(files.count) temporary file\(files.count == 1 ? "" : "s") left by an interrupted manifest write (harmless): \(list(files))"
        case .noWriters:
            return "no writer file (nothing completed)"
        }
    }

    /// All of a check's notes in one sentence; `nil` when there are none.
    public static func describe(_ notes: [CheckNote]) -> String? {
        notes.isEmpty ? nil : notes.map(describe).joined(separator: "; ")
    }

    /// The finding in one line of text: its location once, in brackets, then for
    /// structure findings the code, then the phrase: `[task_type, page 13] [page-range] ...`,
    /// `[node-a-1001.mdb, completed_sources, page 3] [key-order] ...`.
    public static func line(_ finding: Finding) -> String {
        var location: [String] = []
        if let file = finding.file { location.append(Escaping.text(file)) }
        if let database = finding.database { location.append(Escaping.text(database)) }
        if let page = finding.page { location.append("page \(page)") }
        return (location.isEmpty ? "" : "[\(location.joined(separator: ", "))] ") + sentence(finding)
    }

    /// The finding without its location: for structure findings `[code] phrase`, else the phrase.
    public static func sentence(_ finding: Finding) -> String {
        finding.problem.isStructural ? "[\(finding.problem.code)] \(describe(finding.problem))" : describe(finding.problem)
    }

    private static func hex(_ value: UInt16) -> String { String(value, radix: 16) }

    private static func list(_ files: [String]) -> String { files.map { Escaping.text($0) }.joined(separator: ", ") }
}

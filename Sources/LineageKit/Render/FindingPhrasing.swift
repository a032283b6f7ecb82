/// Words for verify's findings and notes, shared by the text, JSON and JUnit renderers.
/// A phrase never repeats the finding's location (database, page): the renderers show
/// it once from the finding's fields. Bytes from the checkpoint are escaped here, so a
/// phrase is printable, one line, whatever the file holds.
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
        }
    }

    /// The sentence for a check's note: why it did not run, or a remark.
    public static func describe(_ note: CheckNote) -> String {
        switch note {
        case .missing(let names):
            return "needs \(names.map { "`\($0.rawValue)`" }.joined(separator: " and ")), which is missing"
        case .structureDamaged:
            return "the file's structure is damaged, so the entries it holds cannot be trusted"
        case .notLMDB:
            return "the file is not a readable LMDB environment"
        case .extraSubDatabases(let names):
            return "extra sub-databases (suspicious, not fatal): " + names.map { Escaping.jsonString($0) }.joined(separator: ", ")
        }
    }

    /// The finding in one line of text: its location once, in brackets, then for
    /// structure findings the code, then the phrase: `[task_type, page 13] [page-range] ...`.
    public static func line(_ finding: Finding) -> String {
        var location: [String] = []
        if let database = finding.database { location.append(Escaping.text(database)) }
        if let page = finding.page { location.append("page \(page)") }
        return (location.isEmpty ? "" : "[\(location.joined(separator: ", "))] ") + sentence(finding)
    }

    /// The finding without its location: for structure findings `[code] phrase`, else the phrase.
    public static func sentence(_ finding: Finding) -> String {
        finding.check == .structure ? "[\(finding.problem.code)] \(describe(finding.problem))" : describe(finding.problem)
    }

    private static func hex(_ value: UInt16) -> String { String(value, radix: 16) }
}

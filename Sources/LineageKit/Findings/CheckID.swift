/// The stable identifier of one of verify's checks, of either format, with the line saying
/// what it guarantees. CI scripts match on `rawValue`; an id never changes meaning.
/// A check declares its id beside its code (here only the ids the passes of `Graph/` and the
/// structure checks tally); each format's verifier lists its checks in report order
/// (`Verifier.checkIDs`, `CuratorAudit.checkIDs`).
public struct CheckID: Hashable, Sendable, CustomStringConvertible {
    /// The id as reports print it, e.g. `key-format`.
    public let rawValue: String
    /// One line saying what the check guarantees when it passes.
    public let summary: String

    public init(_ rawValue: String, summary: String) {
        self.rawValue = rawValue
        self.summary = summary
    }

    public var description: String { rawValue }

    public static func == (a: CheckID, b: CheckID) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

extension CheckID {
    // The checks the structure walk and the graph passes tally.
    /// The LMDB file itself is sound (meta pages, every reachable page, counts).
    public static let structure = CheckID("structure", summary: "the LMDB file is structurally sound")
    /// The four sub-databases exist with the writer's flags.
    public static let schema = CheckID("schema", summary: "the four sub-databases exist with the writer's flags")
    /// Every key and edge value is a 32-character lowercase hex udid.
    public static let keyFormat = CheckID("key-format", summary: "every key and edge value is a 32-char lowercase hex udid")
    /// Every `task_type` value is source, middle, leaf or source_leaf.
    public static let typeValues = CheckID("type-values", summary: "every task_type value is source, middle, leaf or source_leaf")
    /// No edge from a task to itself.
    public static let selfLoop = CheckID("self-loop", summary: "no edge from a task to itself")
    /// Every `completed` value is `1`.
    public static let completedValues = CheckID("completed-values", summary: "every completed value is 1")
    /// Every completed udid has a `task_type` entry.
    public static let completedKnown = CheckID("completed-known", summary: "every completed udid has a task_type entry")
}

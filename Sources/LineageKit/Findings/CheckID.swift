/// The stable identifier of one of verify's checks, of either format, with the line saying
/// what it guarantees. CI scripts match on `rawValue`; an id never changes meaning.
/// Each format's verifier lists its checks' ids in report order (`Verifier.checkIDs`,
/// `CuratorAudit.checkIDs`).
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
    // The DAG file's checks.
    /// The LMDB file itself is sound (meta pages, every reachable page, counts).
    public static let structure = CheckID("structure", summary: "the LMDB file is structurally sound")
    /// The four sub-databases exist with the writer's flags.
    public static let schema = CheckID("schema", summary: "the four sub-databases exist with the writer's flags")
    /// Every key and edge value is a 32-character lowercase hex udid.
    public static let keyFormat = CheckID("key-format", summary: "every key and edge value is a 32-char lowercase hex udid")
    /// Every `task_type` value is source, middle, leaf or source_leaf.
    public static let typeValues = CheckID("type-values", summary: "every task_type value is source, middle, leaf or source_leaf")
    /// `in_edges` is exactly the transpose of `out_edges`.
    public static let edgeSymmetry = CheckID("edge-symmetry", summary: "in_edges is exactly the transpose of out_edges")
    /// Every udid in an edge has a `task_type` entry.
    public static let dangling = CheckID("dangling", summary: "every udid in an edge has a task_type entry")
    /// Every stored type agrees with the task's edges.
    public static let typeConsistency = CheckID("type-consistency", summary: "every task_type agrees with the task's edges")
    /// No edge from a task to itself.
    public static let selfLoop = CheckID("self-loop", summary: "no edge from a task to itself")
    /// The graph has no cycle.
    public static let acyclic = CheckID("acyclic", summary: "the task graph has no cycle")
    /// Every `completed` value is `1`.
    public static let completedValues = CheckID("completed-values", summary: "every completed value is 1")
    /// Every completed udid has a `task_type` entry.
    public static let completedKnown = CheckID("completed-known", summary: "every completed udid has a task_type entry")
    /// A completed task's children are all completed.
    public static let completedClosure = CheckID("completed-closure", summary: "the children of every completed task are completed")

    // The NeMo Curator checkpoint's checks.
    /// Every writer file opens as LMDB and its structure walk finds nothing wrong.
    public static let writerStructure = CheckID("writer-structure", summary: "every writer file is LMDB with a sound structure")
    /// Every writer file names only `completed_sources` (or nothing), with plain keys.
    public static let writerSchema = CheckID("writer-schema", summary: "every writer file holds only completed_sources, with plain keys")
    /// Every source id is valid UTF-8 without control characters.
    public static let sourceKeys = CheckID("source-keys", summary: "every source id is UTF-8 text without control characters")
    /// Every value in `completed_sources` is the one byte `1`.
    public static let sourceValues = CheckID("source-values", summary: "every completed_sources value is 1")
    /// `run.json` is a JSON object with integer fields in range; no manifest lacks it.
    public static let slurmRun = CheckID("slurm-run", summary: "run.json is an object with integer fields in range")
    /// Every completion manifest is one the pipeline's retry helper accepts, under its own name.
    public static let slurmManifests = CheckID(
        "slurm-manifests", summary: "every completion manifest is valid, agrees with run.json and is named by its digest")
    /// No temporary file of an interrupted manifest write is left (a remark, never a failure).
    public static let slurmLeftovers = CheckID(
        "slurm-leftovers", summary: "leftover temporary manifest files, if any, are harmless and only noted")
}

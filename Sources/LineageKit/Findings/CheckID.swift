/// The stable identifiers of verify's checks, in the order they run and are reported.
/// CI scripts may match on these strings; they never change meaning.
public enum CheckID: String, CaseIterable, Sendable, Codable {
    /// The LMDB file itself is sound (meta pages, every reachable page, counts).
    case structure
    /// The four sub-databases exist with the writer's flags.
    case schema
    /// Every key and edge value is a 32-character lowercase hex udid.
    case keyFormat = "key-format"
    /// Every `task_type` value is source, middle, leaf or source_leaf.
    case typeValues = "type-values"
    /// `in_edges` is exactly the transpose of `out_edges`.
    case edgeSymmetry = "edge-symmetry"
    /// Every udid in an edge has a `task_type` entry.
    case dangling
    /// Every stored type agrees with the task's edges.
    case typeConsistency = "type-consistency"
    /// No edge from a task to itself.
    case selfLoop = "self-loop"
    /// The graph has no cycle.
    case acyclic
    /// Every `completed` value is `1`.
    case completedValues = "completed-values"
    /// Every completed udid has a `task_type` entry.
    case completedKnown = "completed-known"
    /// A completed task's children are all completed.
    case completedClosure = "completed-closure"

    /// One line saying what the check guarantees when it passes.
    public var summary: String {
        switch self {
        case .structure: return "the LMDB file is structurally sound"
        case .schema: return "the four sub-databases exist with the writer's flags"
        case .keyFormat: return "every key and edge value is a 32-char lowercase hex udid"
        case .typeValues: return "every task_type value is source, middle, leaf or source_leaf"
        case .edgeSymmetry: return "in_edges is exactly the transpose of out_edges"
        case .dangling: return "every udid in an edge has a task_type entry"
        case .typeConsistency: return "every task_type agrees with the task's edges"
        case .selfLoop: return "no edge from a task to itself"
        case .acyclic: return "the task graph has no cycle"
        case .completedValues: return "every completed value is 1"
        case .completedKnown: return "every completed udid has a task_type entry"
        case .completedClosure: return "the children of every completed task are completed"
        }
    }
}

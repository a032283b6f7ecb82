/// The four sub-databases of a checkpoint, in the order the pipeline's writer creates
/// them, and what each must be (FORMAT.md).
public enum SubDatabase: String, CaseIterable, Sendable {
    /// child -> parent, one duplicate per parent.
    case inEdges = "in_edges"
    /// parent -> child, one duplicate per child.
    case outEdges = "out_edges"
    /// udid -> `TaskType` word.
    case taskType = "task_type"
    /// udid -> `completedValue`, for completed tasks only.
    case completed = "completed"

    /// Whether the writer creates it with `MDB_DUPSORT`.
    public var isDupSort: Bool { self == .inEdges || self == .outEdges }

    /// The flags word of its database record as the writer leaves it: `MDB_DUPSORT`
    /// (0x04) on the edge databases, nothing elsewhere.
    public var recordFlags: UInt16 { isDupSort ? 0x04 : 0 }

    /// The value stored in `completed` for every completed task: the one byte `"1"`.
    public static let completedValue: UInt8 = 0x31
}

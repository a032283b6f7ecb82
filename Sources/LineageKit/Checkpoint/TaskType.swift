/// What a task is in the DAG, as the writer derives it from edge presence.
public enum TaskType: String, CaseIterable, Sendable, Codable {
    /// Has children and no parents.
    case source
    /// Has parents and children.
    case middle
    /// Has parents and no children.
    case leaf
    /// Has neither (an output of an untracked root that nothing consumed yet).
    case sourceLeaf = "source_leaf"

    /// The type the writer records for a task with this edge presence.
    public init(hasParents: Bool, hasChildren: Bool) {
        switch (hasParents, hasChildren) {
        case (true, true): self = .middle
        case (true, false): self = .leaf
        case (false, true): self = .source
        case (false, false): self = .sourceLeaf
        }
    }

    /// Parses the stored value bytes; `nil` for anything but the four words.
    public init?(bytes: UnsafeRawBufferPointer) {
        switch bytes.count {
        case 4 where bytes.elementsEqual("leaf".utf8): self = .leaf
        case 6 where bytes.elementsEqual("source".utf8): self = .source
        case 6 where bytes.elementsEqual("middle".utf8): self = .middle
        case 11 where bytes.elementsEqual("source_leaf".utf8): self = .sourceLeaf
        default: return nil
        }
    }
}

/// The names of the four sub-databases of a checkpoint, and what each must be.
public enum SubDatabase: String, CaseIterable, Sendable {
    case inEdges = "in_edges"
    case outEdges = "out_edges"
    case taskType = "task_type"
    case completed = "completed"

    /// Whether the writer creates it with `MDB_DUPSORT`.
    public var isDupSort: Bool { self == .inEdges || self == .outEdges }
}

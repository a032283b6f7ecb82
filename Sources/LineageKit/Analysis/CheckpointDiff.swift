/// What differs between two checkpoints A and B (`lineage diff A B`): tasks, edges, types
/// and completion, by udid, and whether the two DAGs have the same shape.
///
/// Counts are exact; examples are the first ones in udid order, at most the limit asked.
public struct CheckpointDiff: Sendable {
    /// One side of the comparison.
    public struct Side: Sendable, Equatable {
        /// The path as given.
        public let checkpoint: String
        /// Tasks in `task_type`.
        public let tasks: Int
        /// Parent -> child pairs in `out_edges`.
        public let edges: Int
        /// Tasks marked completed.
        public let completed: Int
    }

    /// The count of one kind of difference and its first examples.
    public struct Group<Example: Sendable>: Sendable {
        /// How many there are.
        public internal(set) var count = 0
        /// The first ones, in udid order.
        public internal(set) var examples: [Example] = []

        mutating func add(_ limit: Int, _ example: @autoclosure () -> Example) {
            count += 1
            if examples.count < limit { examples.append(example()) }
        }
    }

    /// A parent -> child pair.
    public struct Edge: Sendable, Equatable {
        /// The parent (the `out_edges` key).
        public let parent: UDID
        /// The child (the `out_edges` value).
        public let child: UDID
    }

    /// A task whose stored type differs; `nil` for a value that is not one of the four types.
    public struct TypeChange: Sendable, Equatable {
        /// The task.
        public let udid: UDID
        /// Its type in A.
        public let a: TaskType?
        /// Its type in B.
        public let b: TaskType?
    }

    /// A task present only in A paired with a task present only in B of the same shape.
    public struct Rename: Sendable, Equatable {
        /// The task in A.
        public let a: UDID
        /// Its partner in B.
        public let b: UDID
    }

    /// The determinism check: the two DAGs compared by structure, udids ignored.
    public struct Shape: Sendable {
        /// Same task and edge counts and the same multiset of structural signatures.
        public let equal: Bool
        /// Tasks only in A paired one-to-one with a task only in B of the same signature.
        public let renamed: Int
        /// The topmost renamed tasks (every parent is in both files), with their partners.
        public let firstRenamed: Group<Rename>
    }

    /// The first checkpoint.
    public let a: Side
    /// The second checkpoint.
    public let b: Side
    /// Tasks in A's `task_type` and not in B's; then the reverse.
    public internal(set) var tasksOnlyInA = Group<UDID>()
    public internal(set) var tasksOnlyInB = Group<UDID>()
    /// Parent -> child pairs in A's `out_edges` and not in B's; then the reverse.
    public internal(set) var edgesOnlyInA = Group<Edge>()
    public internal(set) var edgesOnlyInB = Group<Edge>()
    /// Tasks in both whose stored type differs.
    public internal(set) var typeChanged = Group<TypeChange>()
    /// Tasks in both, completed in A and not in B; then the reverse.
    public internal(set) var completedOnlyInA = Group<UDID>()
    public internal(set) var completedOnlyInB = Group<UDID>()
    /// The determinism check; computed only when tasks, edges or types differ.
    public internal(set) var shape = Shape(equal: true, renamed: 0, firstRenamed: Group())

    /// Same tasks, edges, types and completion.
    public var identical: Bool {
        tasksOnlyInA.count == 0 && tasksOnlyInB.count == 0 && edgesOnlyInA.count == 0 && edgesOnlyInB.count == 0
            && typeChanged.count == 0 && completedOnlyInA.count == 0 && completedOnlyInB.count == 0
    }

    /// Same tasks, edges and types (completion may differ).
    public var sameGraph: Bool {
        tasksOnlyInA.count == 0 && tasksOnlyInB.count == 0 && edgesOnlyInA.count == 0 && edgesOnlyInB.count == 0
            && typeChanged.count == 0
    }

    /// Which of the possible verdicts holds.
    public enum Verdict: String, Sendable {
        /// Same tasks, edges, types and completion.
        case identical
        /// Same tasks, edges and types; only completion differs.
        case completionDiffers = "completion_differs"
        /// Different udids, same DAG: a lineage path is not deterministic.
        case sameShape = "same_shape"
        /// The DAGs differ in shape.
        case differentWork = "different_work"
    }

    /// The verdict the last sentence of the text report states.
    public var verdict: Verdict {
        if identical { return .identical }
        if sameGraph { return .completionDiffers }
        return shape.equal ? .sameShape : .differentWork
    }
}

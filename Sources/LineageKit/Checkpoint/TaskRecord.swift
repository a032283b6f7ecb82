/// One task as the checkpoint records it: its type, completion, parents and children.
public struct TaskRecord: Sendable, Equatable {
    /// The task's udid.
    public let udid: String
    /// The stored `task_type` value, `nil` when the task has no entry.
    public let typeName: String?
    /// Whether `completed` holds the task.
    public let completed: Bool
    /// Parents (from `in_edges`), sorted, each with its own type and completion.
    public let parents: [TaskSummary]
    /// Children (from `out_edges`), sorted, each with its own type and completion.
    public let children: [TaskSummary]

    /// The parsed task type, `nil` when absent or not one of the four words.
    public var taskType: TaskType? { typeName.flatMap(TaskType.init(rawValue:)) }
}

/// A task's udid with its type and completion, as listed beside another task.
public struct TaskSummary: Sendable, Equatable {
    /// The task's udid (or, on a damaged file, whatever bytes stood in its place).
    public let udid: String
    /// The stored `task_type` value, `nil` when the task has no entry.
    public let typeName: String?
    /// Whether `completed` holds the task.
    public let completed: Bool
}

/// Counts of tasks per type and completion, as `lineage types --summary` shows them.
public struct TypeSummary: Sendable, Equatable {
    /// Per stored type name (an unknown word counts under itself): (completed, pending).
    public private(set) var counts: [String: (completed: Int, pending: Int)] = [:]
    /// All tasks in `task_type`.
    public private(set) var total = 0
    /// Tasks in `task_type` that are completed.
    public private(set) var completed = 0

    package init() {}

    package mutating func add(typeName: String, completed isCompleted: Bool) {
        var entry = counts[typeName] ?? (0, 0)
        if isCompleted { entry.completed += 1 } else { entry.pending += 1 }
        counts[typeName] = entry
        total += 1
        if isCompleted { completed += 1 }
    }

    /// Type names in display order: the four known words first, then any others sorted.
    public var typeNames: [String] {
        let known = TaskType.allCases.map(\.rawValue)
        return known + counts.keys.filter { !known.contains($0) }.sorted()
    }

    public static func == (lhs: TypeSummary, rhs: TypeSummary) -> Bool {
        lhs.total == rhs.total && lhs.completed == rhs.completed && lhs.counts.count == rhs.counts.count
            && lhs.counts.allSatisfy { name, value in rhs.counts[name].map { $0 == value } ?? false }
    }
}

/// What a resume of an interrupted run of a task-lineage DAG will do, as counts and a few
/// example udids (a NeMo Curator checkpoint's resume is `CuratorPlan`).
public struct ResumePlan: Sendable, Equatable {
    /// A set of tasks: how many, and the first few udids in udid order.
    public struct Group: Sendable, Equatable {
        /// Tasks in the group.
        public let count: Int
        /// At most the number of examples asked for, in udid order.
        public let examples: [UDID]

        /// A group of `count` tasks shown by `examples`.
        public init(count: Int, examples: [UDID]) {
            self.count = count
            self.examples = examples
        }
    }

    /// Completed tasks: their work is kept and they are dropped when re-emitted.
    public let skip: Group
    /// Pending tasks: processed again.
    public let rerun: Group
    /// Completed tasks with at least one pending parent: re-emitted by the rerun, then dropped.
    public let frontier: Group
    /// Pending tasks without parents: the roots a rerun starts from.
    public let pendingSources: Group

    /// A plan from its four groups.
    public init(skip: Group, rerun: Group, frontier: Group, pendingSources: Group) {
        self.skip = skip
        self.rerun = rerun
        self.frontier = frontier
        self.pendingSources = pendingSources
    }
}

/// Tasks in some set, split by completion.
public struct CompletionCounts: Sendable, Equatable {
    /// Every task in the set.
    public var total: Int
    /// Those marked completed.
    public var completed: Int
    /// Those not completed.
    public var pending: Int { total - completed }

    /// `total` tasks of which `completed` are completed.
    public init(total: Int = 0, completed: Int = 0) {
        self.total = total
        self.completed = completed
    }

    /// Counts one more task.
    mutating func add(completed isCompleted: Bool) {
        total += 1
        if isCompleted { completed += 1 }
    }
}

/// One stage of the run: the tasks at one depth (longest path from a source; sources are 0).
public struct StageCounts: Sendable, Equatable {
    /// The depth, from 0.
    public let stage: Int
    /// Its tasks by completion.
    public let counts: CompletionCounts

    /// The counts of stage `stage`.
    public init(stage: Int, counts: CompletionCounts) {
        self.stage = stage
        self.counts = counts
    }
}

/// One task type's tasks by completion.
public struct TypeCounts: Sendable, Equatable {
    /// The stored type.
    public let type: TaskType
    /// Its tasks by completion.
    public let counts: CompletionCounts

    /// The counts of `type`.
    public init(type: TaskType, counts: CompletionCounts) {
        self.type = type
        self.counts = counts
    }
}

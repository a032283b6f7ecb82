/// `lineage status`: how far a run got and what a resume will do.
public struct StatusReport: Sendable, Equatable {
    /// The checkpoint, as the caller named it.
    public let checkpoint: String
    /// Every task, by completion.
    public let tasks: CompletionCounts
    /// Tasks by stored type (every type listed, zeros included). Tasks whose stored type is
    /// not one of the four are in `tasks` only.
    public let byType: [TypeCounts]
    /// Tasks without parents (`source`, `source_leaf`).
    public let sources: CompletionCounts
    /// Tasks without children (`leaf`, `source_leaf`).
    public let leaves: CompletionCounts
    /// One row per stage, in stage order.
    public let stages: [StageCounts]
    /// Tasks on or below a cycle, which have no stage (0 on a sound checkpoint).
    public let unstaged: Int
    /// What a resume does.
    public let plan: ResumePlan
    /// Completed tasks with at least one pending child: completion is not closed downwards
    /// (verify's `completed-closure` would fail). 0 on a sound checkpoint.
    public let completedWithPendingChild: Int

    /// A report with every field given.
    public init(
        checkpoint: String, tasks: CompletionCounts, byType: [TypeCounts], sources: CompletionCounts,
        leaves: CompletionCounts, stages: [StageCounts], unstaged: Int, plan: ResumePlan, completedWithPendingChild: Int
    ) {
        self.checkpoint = checkpoint
        self.tasks = tasks
        self.byType = byType
        self.sources = sources
        self.leaves = leaves
        self.stages = stages
        self.unstaged = unstaged
        self.plan = plan
        self.completedWithPendingChild = completedWithPendingChild
    }
}

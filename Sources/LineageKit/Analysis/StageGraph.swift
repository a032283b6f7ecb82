/// A stage-level picture of a checkpoint, whatever its size: one group per (stage, stored
/// task type) with its task and completed counts, and one link per pair of connected groups
/// with the number of task edges between them.
///
/// The stage is `status`'s: the longest path from a source. Tasks on or below a cycle have
/// no stage and are grouped apart (`stage == nil`).
public struct StageGraph: Sendable, Equatable {
    /// The tasks of one stage and one stored type.
    public struct Group: Sendable, Equatable {
        /// The stage, or `nil` for tasks on or below a cycle.
        public let stage: Int?
        /// The stored type, or `nil` for a value that is none of the four.
        public let type: TaskType?
        /// Tasks in the group.
        public let tasks: Int
        /// Completed tasks in the group.
        public let completed: Int

        /// A name for the group that is safe as an identifier in DOT, Mermaid and JSON:
        /// `s2_middle`, `unstaged_leaf`, `s0_unknown`.
        public var id: String { (stage.map { "s\($0)" } ?? "unstaged") + "_" + (type?.rawValue ?? "unknown") }
    }

    /// The task edges from one group to another (or to itself).
    public struct Link: Sendable, Equatable {
        /// The parents' group, an index into `groups`.
        public let source: Int
        /// The children's group, an index into `groups`.
        public let target: Int
        /// The number of task edges between them.
        public let edges: Int
    }

    /// The checkpoint, as given.
    public let checkpoint: String
    /// Groups by stage (unstaged last), then in `TaskType` order (unknown last).
    public let groups: [Group]
    /// Links sorted by source, then target.
    public let links: [Link]
    /// Tasks and edges in the checkpoint.
    public let taskCount: Int
    public let edgeCount: Int
}

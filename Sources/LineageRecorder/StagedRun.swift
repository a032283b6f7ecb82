import LineageKit

/// A pipeline run of a chosen shape, for tests: `roots` rooted tasks go through `stages` in
/// order, each stage consuming the previous one's outputs, then the terminal stage marks a
/// chosen set of leaves completed and the writer propagates completion upwards.
///
/// Every task a stage emits sits at that stage's depth (the roots are stage 0), so the stage
/// profile is known by construction: `write` returns the tasks of each stage, the edges and
/// the leaves it marked, for tests to compare a reader's answers against.
public struct StagedRun: Sendable, Equatable {
    /// What one stage does with each of its inputs.
    public enum Stage: Sendable, Equatable {
        /// Each input emits `n` children (`n >= 1`).
        case fanOut(Int)
        /// Each input emits one child.
        case passthrough
        /// Consecutive groups of `n` inputs (the last group may be smaller) join into one
        /// child, recorded as one emission with all of them as parents.
        case fanIn(Int)
        /// As `fanIn`, but each group's parents recorded in reverse order, as a scheduler
        /// that finished them the other way round would: the same edges, but the joined
        /// child's lineage path, so its udid and those of everything below, differ.
        case fanInReversed(Int)
        /// Every `n`-th input (the 1st, the `n+1`-th, ...) emits one child; the others are
        /// dropped and stay leaves.
        case filter(keepEvery: Int)
    }

    /// Which leaves (tasks without children, in the order they were emitted) the terminal
    /// stage marks completed before the run stops.
    public enum Completion: Sendable, Equatable {
        /// Nothing is completed (a run killed before its terminal stage).
        case none
        /// Every leaf.
        case all
        /// The first `n` leaves.
        case first(Int)
        /// Every `n`-th leaf, from the first.
        case every(Int)
    }

    /// Root tasks `"0"`, `"1"`, ...
    public let roots: Int
    /// What each stage does, in order.
    public let stages: [Stage]
    /// Which leaves the terminal stage marks.
    public let completion: Completion

    /// A run of `roots` roots through `stages`, completing the leaves `completion` picks.
    public init(roots: Int, stages: [Stage], completion: Completion) {
        self.roots = roots
        self.stages = stages
        self.completion = completion
    }

    /// What `write` recorded.
    public struct Recorded: Sendable {
        /// The tasks of each stage in emission order; `[0]` are the roots that emitted.
        public let stages: [[UDID]]
        /// Every recorded parent -> child edge, in emission order.
        public let edges: [(parent: UDID, child: UDID)]
        /// The leaves the terminal stage marked (completion then propagated upwards).
        public let markedLeaves: [UDID]
    }

    /// Creates a checkpoint at `path` and records the run, one write transaction per emission
    /// as the pipeline does.
    /// - Throws: `RecorderError.invalidScenario` for a stage count below 1, `LMDBError`.
    @discardableResult
    public func write(to path: String, overwrite: Bool = false) throws -> Recorded {
        for stage in stages {
            let count: Int
            switch stage {
            case .fanOut(let n), .fanIn(let n), .fanInReversed(let n), .filter(let n): count = n
            case .passthrough: count = 1
            }
            if count < 1 { throw RecorderError.invalidScenario("\(stage) needs a count of at least 1") }
        }
        let recorder = try CheckpointRecorder(creating: path, overwrite: overwrite, mapSize: Scenario.fixtureMapSize)
        var script = ScenarioScript(recorder: recorder, batchSize: 1)
        var level = (0..<roots).map { String($0) }
        var levels: [[String]] = []
        var edges: [(String, String)] = []
        var leaves: [String] = []
        for stage in stages {
            var next: [String] = []
            func emit(_ parents: [String], _ children: [String]) throws {
                try script.emit(parents, children)
                for parent in parents { for child in children { edges.append((parent, child)) } }
                next += children
            }
            switch stage {
            case .fanOut(let n):
                for parent in level { try emit([parent], (0..<n).map { "\(parent)_\($0)" }) }
            case .passthrough:
                for parent in level { try emit([parent], ["\(parent)_0"]) }
            case .fanIn(let n), .fanInReversed(let n):
                for start in stride(from: 0, to: level.count, by: n) {
                    let inOrder = Array(level[start..<min(start + n, level.count)])
                    let group: [String] = if case .fanInReversed = stage { inOrder.reversed() } else { inOrder }
                    try emit(group, ["\(group.joined(separator: "_"))_0"])
                }
            case .filter(let n):
                for (i, parent) in level.enumerated() {
                    if i % n == 0 { try emit([parent], ["\(parent)_0"]) } else { leaves.append(parent) }
                }
            }
            levels.append(level)
            level = next
        }
        if !stages.isEmpty { levels.append(level) }
        leaves += level
        let marked: [String]
        switch completion {
        case .none: marked = []
        case .all: marked = leaves
        case .first(let n): marked = Array(leaves.prefix(n))
        case .every(let n): marked = leaves.enumerated().filter { n > 0 && $0.offset % n == 0 }.map(\.element)
        }
        if !marked.isEmpty { try script.complete(marked) }
        try script.flush()
        try recorder.close()
        let udid = { (path: String) in script.paths[path] ?? UDID(lineagePath: path) }
        return Recorded(
            stages: levels.map { $0.map(udid) }, edges: edges.map { (udid($0.0), udid($0.1)) }, markedLeaves: marked.map(udid))
    }
}

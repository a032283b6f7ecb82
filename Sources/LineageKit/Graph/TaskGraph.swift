/// The task graph the logical checks run on: immutable once the passes over the
/// sub-databases are done (`GraphBuilder.finish`).
///
/// Tasks are dense `Int32` ids: the sorted `task_type` udids first, then udids met only
/// in edges or `completed`. Per task one stored-type byte and one flag byte; the edges as
/// compressed sparse rows. The findings the passes counted while reading are here too,
/// for the checks they belong to.
struct TaskGraph: Sendable {
    /// Examples kept per check.
    let maxExamples: Int
    /// The sub-databases that were read.
    let present: Set<SubDatabase>
    let index: TaskIndex
    /// Stored type per `task_type` task: an index into `typeOrder`, or `invalidType`.
    let types: [UInt8]
    /// Per task: `hasParents`, `hasChildren`, `isCompleted`.
    let flags: [UInt8]
    /// Children per task from `out_edges`.
    let out: AdjacencyList?
    /// Children per task from `in_edges`, when its pairs were kept (no `out_edges`, or the
    /// two edge sub-databases differ).
    let transposedIn: AdjacencyList?
    /// Parent counts per task read from `in_edges`, when they equal the graph's.
    let inDegrees: InDegrees?
    /// Whether the two edge sub-databases hold the same pairs, as far as their checksums tell.
    let edgeChecksumsAgree: Bool
    let taskCount: Int
    let edgeCount: Int
    let completedCount: Int

    let keyFormat: Tally
    let typeValues: Tally
    let selfLoop: Tally
    let completedValues: Tally
    let completedKnown: Tally

    static let invalidType: UInt8 = 0xff
    static let typeOrder = TaskType.allCases
    static let hasParents: UInt8 = 1
    static let hasChildren: UInt8 = 2
    static let isCompleted: UInt8 = 4

    /// The edges parent -> child: `out_edges`, else `in_edges` transposed.
    var children: AdjacencyList? { out ?? transposedIn }

    /// Number of tasks known to `task_type` (ids `0..<knownCount`).
    var knownCount: Int { index.knownCount }

    /// The udid of a task, for a finding.
    func udid(_ id: Int32) -> UDID { index.udid(id).udid }

    /// An empty tally for `check`, with this graph's example limit.
    func tally(_ check: CheckID) -> Tally { Tally(check, limit: maxExamples) }
}

/// Each task's number of parents as `in_edges` lists them: its distinct keys in order,
/// with their counts.
struct InDegrees: Sendable {
    let keys: [Int32]
    let counts: [Int32]
}

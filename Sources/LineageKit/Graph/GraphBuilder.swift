/// Builds the `TaskGraph` the logical checks run on from one snapshot of a checkpoint.
///
/// Fed the raw entries of `task_type` as the structure walk delivers them (it numbers
/// the tasks), then the other passes, read apart (possibly on another thread) and
/// resolved against `taskIndex`: `CompletedPass`, then the `EdgePass` of `out_edges`,
/// then of `in_edges`; any of them may be skipped when the sub-database is missing.
/// Memory: about 40 bytes per task plus 8 per edge (dense `Int32` ids, compact
/// adjacency), no per-task objects. The findings that show while reading (key format,
/// type values, self-loops, `completed` values and udids) are counted here and handed
/// to their checks through the graph.
struct GraphBuilder {
    private let maxExamples: Int
    private var index = TaskIndex(sortedKnown: [])
    /// Stored type per known task: `TaskType` ordinal, or `TaskGraph.invalidType`.
    private var types: [UInt8] = []
    /// Per node: `TaskGraph.hasParents`, `.hasChildren`, `.isCompleted`.
    private var flags: [UInt8] = []
    private var outSources: [Int32] = []
    private var outTargets: [Int32] = []
    private var inSources: [Int32] = []
    private var inTargets: [Int32] = []
    private var inPairsKept = false
    /// Parents per task from `in_edges` (distinct keys and their counts), read in key
    /// order, so Kahn's algorithm need not count in-degrees by random access.
    private var inDegreeKeys: [Int32] = []
    private var inDegreeCounts: [Int32] = []
    private var outChecksum = EdgeChecksum(sum: 0, pairs: 0)
    private var inChecksum = EdgeChecksum(sum: 0, pairs: 0)

    private var keyFormat: Tally
    private var typeValues: Tally
    private var completedValues: Tally
    private var completedKnown: Tally
    private var selfLoop: Tally
    private var selfLoopSeen = Set<Int32>()

    private(set) var seen: Set<SubDatabase> = []
    private(set) var taskCount = 0
    private(set) var edgeCount = 0
    private(set) var completedCount = 0

    init(maxExamples: Int) {
        self.maxExamples = maxExamples
        keyFormat = Tally(.keyFormat, limit: maxExamples)
        typeValues = Tally(.typeValues, limit: maxExamples)
        completedValues = Tally(.completedValues, limit: maxExamples)
        completedKnown = Tally(.completedKnown, limit: maxExamples)
        selfLoop = Tally(.selfLoop, limit: maxExamples)
    }

    // MARK: Passes

    /// Reads `task_type`: builds the dense index of tasks and their stored types.
    mutating func readTaskTypes(expecting capacity: Int = 0, _ scan: ((UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) throws -> Void)
        rethrows
    {
        seen.insert(.taskType)
        var keys: [PackedUDID] = []
        var stored: [UInt8] = []
        keys.reserveLarge(capacity)
        stored.reserveCapacity(capacity)
        var ordered = true
        try scan { key, value in
            taskCount += 1
            let type = TaskType(bytes: value)
            if type == nil {
                typeValues.add(.badTypeValue(key: Array(key), value: Array(value)), database: SubDatabase.taskType.rawValue)
            }
            guard let udid = PackedUDID(key) else {
                keyFormat.add(.badKey(.taskType, key: Array(key)), database: SubDatabase.taskType.rawValue)
                return
            }
            if let last = keys.last, !(last < udid) { ordered = false }
            keys.append(udid)
            stored.append(type.flatMap { t in TaskGraph.typeOrder.firstIndex(of: t).map(UInt8.init) } ?? TaskGraph.invalidType)
        }
        if !ordered {
            let order = keys.indices.sorted { keys[$0] < keys[$1] }
            keys = order.map { keys[$0] }
            stored = order.map { stored[$0] }
        }
        index = TaskIndex(sortedKnown: keys)
        types = stored
        flags = [UInt8](repeating: 0, count: keys.count)
    }

    /// The index of the tasks `readTaskTypes` found, for resolving the other passes.
    var taskIndex: TaskIndex { index }

    /// Merges `completed` (resolved): marks the tasks, counts its findings, and names
    /// each completed udid that is not a task (when `task_type` was read).
    mutating func absorb(_ pass: CompletedPass) {
        var pass = pass
        seen.insert(.completed)
        completedCount = pass.entries
        completedValues.absorb(pass.values)
        keyFormat.absorb(pass.keyFormat)
        if pass.ids.count != pass.udids.count { pass.resolve(with: index) }
        let named = seen.contains(.taskType)
        var unknown: [Int] = []
        flags.withUnsafeMutableBufferPointer { flags in
            for (i, id) in pass.ids.enumerated() {
                if id >= 0 {
                    flags[Int(id)] |= TaskGraph.isCompleted
                } else if named {
                    unknown.append(i)
                }
            }
        }
        for i in unknown { completedKnown.add(.completedUnknown(pass.udids[i].udid), database: SubDatabase.completed.rawValue) }
    }

    /// Merges an edge pass: gives its udids unknown to `task_type` their final ids,
    /// records which tasks have parents or children, and counts its findings.
    mutating func absorb(_ pass: EdgePass) {
        var pass = pass
        seen.insert(pass.database)
        let knownCount = Int32(index.knownCount)
        if !pass.extras.isEmpty {
            let final = pass.extras.map { noteNode($0) }
            func remap(_ ids: inout [Int32]) {
                for i in ids.indices where ids[i] >= knownCount { ids[i] = final[Int(ids[i] - knownCount)] }
            }
            remap(&pass.keyIDs)
            remap(&pass.valueIDs)
            remap(&pass.selfLoops)
        }
        let isOut = pass.database == .outEdges
        let bit = isOut ? TaskGraph.hasChildren : TaskGraph.hasParents
        flags.withUnsafeMutableBufferPointer { flags in
            // Keys repeat once per value when values are kept, one after the other.
            var last: Int32 = -1
            for id in pass.keyIDs where id != last {
                flags[Int(id)] |= bit
                last = id
            }
        }
        keyFormat.absorb(pass.keyFormat)
        for id in pass.selfLoops where selfLoopSeen.insert(id).inserted {
            selfLoop.add(.selfLoop(pass.database, index.udid(id).udid), database: pass.database.rawValue)
        }
        if isOut {
            edgeCount = pass.entries
            outSources = pass.keyIDs
            outTargets = pass.valueIDs
            outChecksum = pass.checksum
        } else {
            inChecksum = pass.checksum
            if pass.keyCounts.count == pass.keyIDs.count {
                inDegreeKeys = pass.keyIDs
                inDegreeCounts = pass.keyCounts
            }
            // A checksum-only pass kept no pairs: the two sub-databases are compared by
            // checksum first, pair by pair only when the checksums differ.
            if pass.valueIDs.count == pass.keyIDs.count {
                inSources = pass.valueIDs
                inTargets = pass.keyIDs
                inPairsKept = true
            }
        }
    }

    /// Whether `in_edges` holds exactly the pairs of `out_edges`, as far as the
    /// checksums tell: when they differ, read `in_edges` again with its values kept.
    var edgeChecksumsAgree: Bool { outChecksum == inChecksum }

    /// The id of an edge endpoint; udids unknown to `task_type` get ids of their own.
    private mutating func noteNode(_ udid: PackedUDID) -> Int32 {
        let (id, known) = index.id(udid)
        if !known, Int(id) >= flags.count { flags.append(0) }
        return id
    }

    /// The graph the checks run on: builds the adjacency lists of `out_edges` and, when
    /// its pairs were kept, of `in_edges` transposed. Cost: two passes over the edges.
    func finish() -> TaskGraph {
        let nodeCount = index.count
        let out = seen.contains(.outEdges) ? AdjacencyList(nodeCount: nodeCount, sources: outSources, destinations: outTargets) : nil
        let transposedIn =
            seen.contains(.inEdges) && inPairsKept ? AdjacencyList(nodeCount: nodeCount, sources: inSources, destinations: inTargets) : nil
        // The parent counts read from in_edges equal the graph's when the checksums agree.
        let inDegrees = out != nil && edgeChecksumsAgree && !inDegreeKeys.isEmpty ? InDegrees(keys: inDegreeKeys, counts: inDegreeCounts) : nil
        return TaskGraph(
            maxExamples: maxExamples, present: seen, index: index, types: types, flags: flags, out: out, transposedIn: transposedIn,
            inDegrees: inDegrees, edgeChecksumsAgree: edgeChecksumsAgree, taskCount: taskCount, edgeCount: edgeCount,
            completedCount: completedCount,
            keyFormat: keyFormat, typeValues: typeValues, selfLoop: selfLoop, completedValues: completedValues,
            completedKnown: completedKnown)
    }
}

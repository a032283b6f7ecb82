/// Builds the `TaskGraph` the logical checks run on from one snapshot of a checkpoint.
///
/// Fed the raw entries of each sub-database as the structure walk delivers them:
/// `task_type` first (it numbers the tasks), then the two edge passes (which may run on
/// two threads, see `edgePass`), then `completed`; any of them may be skipped when the
/// sub-database is missing. Memory: about 40 bytes per task plus 8 per edge (dense
/// `Int32` ids, compact adjacency), no per-task objects. The findings that show while
/// reading (key format, type values, self-loops, `completed` values and udids) are
/// counted here and handed to their checks through the graph.
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
        keys.reserveCapacity(capacity)
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

    /// Reads `completed`: marks tasks, checks values and that each is a known task.
    mutating func readCompleted(_ scan: ((UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) throws -> Void) rethrows {
        seen.insert(.completed)
        try scan { key, value in
            completedCount += 1
            if !(value.count == 1 && value[0] == SubDatabase.completedValue) {
                completedValues.add(.completedValue(key: Array(key), value: Array(value)), database: SubDatabase.completed.rawValue)
            }
            guard let udid = PackedUDID(key) else {
                keyFormat.add(.badKey(.completed, key: Array(key)), database: SubDatabase.completed.rawValue)
                return
            }
            guard let id = index.knownID(udid) else {
                if seen.contains(.taskType) {
                    completedKnown.add(.completedUnknown(udid.udid), database: SubDatabase.completed.rawValue)
                }
                return
            }
            flags[Int(id)] |= TaskGraph.isCompleted
        }
    }

    /// Reads one edge sub-database, `out_edges` (parent -> children) or `in_edges`
    /// (child -> parents), against the task index only: it touches no shared state,
    /// so the two edge sub-databases can be read on two threads at once.
    ///
    /// Every valid pair is added to an order-independent checksum of (parent, child),
    /// so the two sub-databases can be compared without resolving both. With
    /// `keepValues` the values are kept for `resolveValues`; without, only the distinct
    /// keys are kept (which tasks have parents, for `in_edges`). `absorb` merges the result.
    func edgePass(
        _ database: SubDatabase, keepValues: Bool, checksumSeed: UInt64, expecting capacity: Int = 0,
        _ scan: ((UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) -> Void
    ) -> EdgePass {
        var pass = EdgePass(database: database, limit: maxExamples)
        let index = self.index
        let knownCount = Int32(index.knownCount)
        if keepValues {
            pass.values.reserveCapacity(capacity)
            pass.keyIDs.reserveCapacity(capacity)
        }
        let isOut = database == .outEdges
        var lastKey: PackedUDID? = nil
        var lastKeyID: Int32 = 0
        var checksum: UInt64 = 0
        var pairs = 0
        scan { key, value in
            pass.entries += 1
            // Duplicates of one key arrive together: parse and look the key up once.
            guard let keyUDID = PackedUDID(key) else {
                pass.keyFormat.add(.badKey(database, key: Array(key)), database: database.rawValue)
                return
            }
            if keyUDID != lastKey {
                lastKey = keyUDID
                lastKeyID = index.knownID(keyUDID) ?? pass.extraID(keyUDID, after: knownCount)
                if !keepValues {
                    pass.keyIDs.append(lastKeyID)
                    pass.keyCounts.append(0)
                }
            }
            guard let valueUDID = PackedUDID(value) else {
                pass.keyFormat.add(.badEdgeValue(database, key: keyUDID.udid, value: Array(value)), database: database.rawValue)
                return
            }
            if valueUDID == keyUDID {
                pass.selfLoops.append(lastKeyID)
            } else if !keepValues {
                pass.keyCounts[pass.keyCounts.count - 1] += 1
            }
            checksum &+=
                isOut
                ? EdgeChecksum.mix(parent: keyUDID, child: valueUDID, seed: checksumSeed)
                : EdgeChecksum.mix(parent: valueUDID, child: keyUDID, seed: checksumSeed)
            pairs += 1
            if keepValues {
                pass.keyIDs.append(lastKeyID)
                pass.values.append(valueUDID)
            }
        }
        pass.checksum = EdgeChecksum(sum: checksum, pairs: pairs)
        return pass
    }

    /// Resolves `values` to task ids, `-1` for udids not in `task_type`. Touches only
    /// the index and the output, so halves of one pass can be resolved on two threads.
    /// The lookups are independent, so the CPU overlaps their cache misses.
    func resolveKnown(_ values: UnsafeBufferPointer<PackedUDID>, into ids: UnsafeMutableBufferPointer<Int32>) {
        for i in values.indices {
            ids[i] = index.knownID(values[i]) ?? -1
        }
    }

    /// Resolves a pass's kept values in one go (on this thread), udids not in
    /// `task_type` included.
    func resolveValues(_ pass: inout EdgePass) {
        pass.valueIDs = [Int32](repeating: 0, count: pass.values.count)
        pass.values.withUnsafeBufferPointer { values in
            pass.valueIDs.withUnsafeMutableBufferPointer { ids in resolveKnown(values, into: ids) }
        }
        finishResolving(&pass)
    }

    /// Gives the values `resolveKnown` could not place (udids not in `task_type`, only
    /// on a damaged file) ids of the pass's own, and drops the kept values.
    func finishResolving(_ pass: inout EdgePass) {
        let knownCount = Int32(index.knownCount)
        for i in pass.valueIDs.indices where pass.valueIDs[i] < 0 {
            pass.valueIDs[i] = pass.extraID(pass.values[i], after: knownCount)
        }
        pass.values = []
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
        for id in pass.keyIDs { flags[Int(id)] |= bit }
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

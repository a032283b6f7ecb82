import Dispatch

/// The logical checks of FORMAT.md's invariants over one snapshot of a checkpoint.
///
/// Fed the raw entries of each sub-database as the structure walk delivers them:
/// `task_type` first (it numbers the tasks), then the two edge passes (which may run on
/// two threads, see `edgePass`), then `completed`; any of them may be skipped when the
/// sub-database is missing. Memory: about 40 bytes per task plus 8 per edge (dense
/// `Int32` ids, compact adjacency), no per-task objects.
struct GraphAudit {
    private let maxExamples: Int
    private var index = TaskIndex(sortedKnown: [])
    /// Stored type per known task: `TaskType` ordinal, or `invalidType`.
    private var types: [UInt8] = []
    /// Per node: bit 0 has an `in_edges` key, bit 1 has an `out_edges` key, bit 2 completed.
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

    private static let invalidType: UInt8 = 0xff
    private static let typeOrder = TaskType.allCases
    private static let hasParents: UInt8 = 1
    private static let hasChildren: UInt8 = 2
    private static let isCompleted: UInt8 = 4

    init(maxExamples: Int) {
        self.maxExamples = maxExamples
        keyFormat = Tally(limit: maxExamples)
        typeValues = Tally(limit: maxExamples)
        completedValues = Tally(limit: maxExamples)
        completedKnown = Tally(limit: maxExamples)
        selfLoop = Tally(limit: maxExamples)
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
                typeValues.add(
                    Violation(
                        "\(Escaping.text(key)) has task_type \(Escaping.jsonString(value)), not one of source, middle, leaf, source_leaf",
                        database: "task_type"))
            }
            guard let udid = PackedUDID(key) else {
                keyFormat.add(Violation("task_type key \(Escaping.jsonString(key)) is not a 32-character lowercase hex udid", database: "task_type"))
                return
            }
            if let last = keys.last, !(last < udid) { ordered = false }
            keys.append(udid)
            stored.append(type.flatMap { t in GraphAudit.typeOrder.firstIndex(of: t).map(UInt8.init) } ?? GraphAudit.invalidType)
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
            if !(value.count == 1 && value[0] == 0x31) {
                completedValues.add(
                    Violation("\(Escaping.text(key)) has completed value \(Escaping.jsonString(value)), not \"1\"", database: "completed"))
            }
            guard let udid = PackedUDID(key) else {
                keyFormat.add(Violation("completed key \(Escaping.jsonString(key)) is not a 32-character lowercase hex udid", database: "completed"))
                return
            }
            guard let id = index.knownID(udid) else {
                if seen.contains(.taskType) {
                    completedKnown.add(Violation("\(udid.string) is completed but has no task_type entry", database: "completed"))
                }
                return
            }
            flags[Int(id)] |= GraphAudit.isCompleted
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
                pass.keyFormat.add(
                    Violation(
                        "\(database.rawValue) key \(Escaping.jsonString(key)) is not a 32-character lowercase hex udid", database: database.rawValue))
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
                pass.keyFormat.add(
                    Violation(
                        "\(database.rawValue) value \(Escaping.jsonString(value)) under \(keyUDID.string) is not a 32-character lowercase hex udid",
                        database: database.rawValue))
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
        let bit = isOut ? GraphAudit.hasChildren : GraphAudit.hasParents
        for id in pass.keyIDs { flags[Int(id)] |= bit }
        keyFormat.absorb(pass.keyFormat)
        for id in pass.selfLoops where selfLoopSeen.insert(id).inserted {
            let message = "\(name(id)) has an edge to itself in \(pass.database.rawValue)"
            selfLoop.add(Violation(message, database: pass.database.rawValue))
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

    // MARK: Checks

    /// Runs the graph checks and returns every logical check's result, in `CheckID` order
    /// (`structure` and `schema` are the caller's).
    func finish() -> [CheckResult] {
        let nodeCount = index.count
        let haveTypes = seen.contains(.taskType)
        let haveIn = seen.contains(.inEdges)
        let haveOut = seen.contains(.outEdges)
        let haveCompleted = seen.contains(.completed)
        let out = haveOut ? AdjacencyList(nodeCount: nodeCount, sources: outSources, destinations: outTargets) : nil
        let transposedIn = haveIn && inPairsKept ? AdjacencyList(nodeCount: nodeCount, sources: inSources, destinations: inTargets) : nil
        let graph = out ?? transposedIn
        // Kahn's algorithm is the costliest check (random access over every edge): run
        // it on another thread while this one does the rest.
        let inDegrees = out != nil && edgeChecksumsAgree && !inDegreeKeys.isEmpty ? (inDegreeKeys, inDegreeCounts) : nil
        let acyclicResult = ResultSlot<CheckResult>()
        let acyclicDone = DispatchSemaphore(value: 0)
        if let graph {
            let audit = self
            DispatchQueue.global().async {
                acyclicResult.value = audit.acyclic(graph, inDegrees: inDegrees).result(.acyclic)
                acyclicDone.signal()
            }
        } else {
            acyclicDone.signal()
        }

        func notRun(_ id: CheckID, _ missing: [SubDatabase]) -> CheckResult {
            let names = missing.map { "`\($0.rawValue)`" }.joined(separator: " and ")
            return CheckResult(id: id, status: .notRun, violations: 0, examples: [], note: "needs \(names), which is missing")
        }
        func missing(_ needed: SubDatabase...) -> [SubDatabase] { needed.filter { !seen.contains($0) } }

        var results: [CheckResult] = []
        results.append(seen.isEmpty ? notRun(.keyFormat, SubDatabase.allCases) : keyFormat.result(.keyFormat))
        results.append(haveTypes ? typeValues.result(.typeValues) : notRun(.typeValues, [.taskType]))

        if let out, let transposedIn {
            results.append(symmetry(out: out, in: transposedIn).result(.edgeSymmetry))
        } else if haveIn && haveOut && edgeChecksumsAgree {
            results.append(Tally(limit: maxExamples).result(.edgeSymmetry))
        } else {
            results.append(notRun(.edgeSymmetry, missing(.inEdges, .outEdges)))
        }

        if haveTypes && (haveIn || haveOut) {
            var dangling = Tally(limit: maxExamples)
            for udid in index.extraList {
                dangling.add(Violation("\(udid.string) appears in an edge but has no task_type entry"))
            }
            results.append(dangling.result(.dangling))
        } else {
            results.append(notRun(.dangling, missing(.taskType, .inEdges, .outEdges).filter { $0 == .taskType || !(haveIn || haveOut) }))
        }

        if haveTypes && haveIn && haveOut {
            results.append(typeConsistency().result(.typeConsistency))
        } else {
            results.append(notRun(.typeConsistency, missing(.taskType, .inEdges, .outEdges)))
        }

        results.append(haveIn || haveOut ? selfLoop.result(.selfLoop) : notRun(.selfLoop, [.inEdges, .outEdges]))

        let acyclicSlot = results.count
        results.append(notRun(.acyclic, [.inEdges, .outEdges]))

        results.append(haveCompleted ? completedValues.result(.completedValues) : notRun(.completedValues, [.completed]))
        results.append(haveCompleted && haveTypes ? completedKnown.result(.completedKnown) : notRun(.completedKnown, missing(.completed, .taskType)))

        if haveCompleted, let graph {
            results.append(closure(graph).result(.completedClosure))
        } else {
            results.append(notRun(.completedClosure, missing(.completed, .outEdges)))
        }
        acyclicDone.wait()
        if let result = acyclicResult.value { results[acyclicSlot] = result }
        return results
    }

    private func name(_ id: Int32) -> String { index.udid(id).string }

    /// Every parent -> child pair must be in both edge sub-databases.
    private func symmetry(out: AdjacencyList, in transposed: AdjacencyList) -> Tally {
        var tally = Tally(limit: maxExamples)
        for v in 0..<out.nodeCount {
            let a = out.neighbours(v)
            let b = transposed.neighbours(v)
            if a == b { continue }
            var i = a.startIndex
            var j = b.startIndex
            while i < a.endIndex || j < b.endIndex {
                if j == b.endIndex || (i < a.endIndex && a[i] < b[j]) {
                    tally.add(Violation("edge \(name(Int32(v))) -> \(name(a[i])) is in out_edges but not in in_edges"))
                    i += 1
                } else if i == a.endIndex || b[j] < a[i] {
                    tally.add(Violation("edge \(name(Int32(v))) -> \(name(b[j])) is in in_edges but not in out_edges"))
                    j += 1
                } else {
                    i += 1
                    j += 1
                }
            }
        }
        return tally
    }

    /// Each stored type must be what the writer derives from the task's edge keys.
    private func typeConsistency() -> Tally {
        var tally = Tally(limit: maxExamples)
        for v in 0..<index.knownCount where types[v] != GraphAudit.invalidType {
            let stored = GraphAudit.typeOrder[Int(types[v])]
            let expected = TaskType(hasParents: flags[v] & GraphAudit.hasParents != 0, hasChildren: flags[v] & GraphAudit.hasChildren != 0)
            if stored != expected {
                let parents = flags[v] & GraphAudit.hasParents != 0 ? "has parents" : "has no parents"
                let children = flags[v] & GraphAudit.hasChildren != 0 ? "has children" : "has no children"
                tally.add(
                    Violation(
                        "\(name(Int32(v))) is stored as \(stored.rawValue) but \(parents) and \(children) (expected \(expected.rawValue))",
                        database: "task_type"))
            }
        }
        return tally
    }

    /// Kahn's algorithm; tasks it cannot order lie on a cycle or below one. Examples are
    /// actual cycles found by a depth-first search among those tasks.
    /// `inDegrees`, when given, are the parent counts read from `in_edges` (equal to
    /// the graph's, as the checksums agree), which saves counting them by random access.
    private func acyclic(_ graph: AdjacencyList, inDegrees: (keys: [Int32], counts: [Int32])?) -> Tally {
        let n = graph.nodeCount
        var indegree = [Int32](repeating: 0, count: n)
        if let inDegrees {
            for (key, count) in zip(inDegrees.keys, inDegrees.counts) where Int(key) < n { indegree[Int(key)] += count }
        } else {
            for v in 0..<n {
                for w in graph.neighbours(v) where Int(w) != v { indegree[Int(w)] += 1 }
            }
        }
        let ordered = GraphAudit.topologicalCount(graph, indegree: &indegree)
        var tally = Tally(limit: maxExamples)
        guard ordered < n else { return tally }

        // Colours: 0 unvisited, 1 on the stack, 2 done. Only tasks Kahn left are visited.
        var colour = [UInt8](repeating: 2, count: n)
        for v in 0..<n where indegree[v] > 0 { colour[v] = 0 }
        var cycles: [[Int32]] = []
        for start in 0..<n where colour[start] == 0 && cycles.count < maxExamples {
            var stack: [(node: Int32, next: Int)] = [(Int32(start), 0)]
            colour[start] = 1
            while let top = stack.last, cycles.count < maxExamples {
                let children = graph.neighbours(Int(top.node))
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let w = children[children.startIndex + top.next]
                    if Int(w) == Int(top.node) { continue }
                    if colour[Int(w)] == 0 {
                        colour[Int(w)] = 1
                        stack.append((w, 0))
                    } else if colour[Int(w)] == 1, let from = stack.firstIndex(where: { $0.node == w }) {
                        cycles.append(stack[from...].map(\.node))
                    }
                } else {
                    colour[Int(top.node)] = 2
                    stack.removeLast()
                }
            }
        }
        // The count is every task that cannot be ordered; the examples are cycles.
        for cycle in cycles {
            let path = (cycle + [cycle[0]]).map(name).joined(separator: " -> ")
            tally.add(Violation("cycle of \(cycle.count) tasks: \(path)"))
        }
        tally.addWithoutExample(max(0, n - ordered - cycles.count))
        return tally
    }

    /// Kahn's algorithm: how many tasks can be put in topological order. Leaves
    /// `indegree` above zero exactly for the tasks on or below a cycle.
    ///
    /// Ready tasks are taken in sweeps over a bitmap in id order rather than from a
    /// queue, so the adjacency list is read front to back: on millions of tasks this
    /// replaces a cache miss per task with a sequential read. A task freed by one with a
    /// higher id waits for the next sweep; pipeline DAGs need a handful of sweeps, and
    /// when sweeps stop paying (a long chain against id order) the rest goes through a
    /// queue, so the cost stays linear.
    static func topologicalCount(_ graph: AdjacencyList, indegree: inout [Int32]) -> Int {
        let n = graph.nodeCount
        var ready = [UInt64](repeating: 0, count: (n + 63) / 64)
        for v in 0..<n where indegree[v] == 0 { ready[v >> 6] |= 1 << UInt64(v & 63) }
        var ordered = 0
        var sweeps = 0
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                indegree.withUnsafeMutableBufferPointer { indegree in
                    ready.withUnsafeMutableBufferPointer { ready in
                        while true {
                            var freed = 0
                            for word in 0..<ready.count {
                                while ready[word] != 0 {
                                    let v = word << 6 | ready[word].trailingZeroBitCount
                                    ready[word] &= ready[word] &- 1
                                    freed += 1
                                    for edge in Int(offsets[v])..<Int(offsets[v + 1]) {
                                        let w = Int(targets[edge])
                                        if w == v { continue }
                                        indegree[w] -= 1
                                        if indegree[w] == 0 { ready[w >> 6] |= 1 << UInt64(w & 63) }
                                    }
                                }
                            }
                            ordered += freed
                            sweeps += 1
                            if freed == 0 { return }
                            // A sweep costs n / 64 word reads; stop sweeping when it frees few.
                            if sweeps >= 16 && freed < n / 64 { break }
                        }
                        var queue: [Int] = []
                        for word in 0..<ready.count {
                            while ready[word] != 0 {
                                queue.append(word << 6 | ready[word].trailingZeroBitCount)
                                ready[word] &= ready[word] &- 1
                            }
                        }
                        var head = 0
                        while head < queue.count {
                            let v = queue[head]
                            head += 1
                            for edge in Int(offsets[v])..<Int(offsets[v + 1]) {
                                let w = Int(targets[edge])
                                if w == v { continue }
                                indegree[w] -= 1
                                if indegree[w] == 0 { queue.append(w) }
                            }
                        }
                        ordered += queue.count
                    }
                }
            }
        }
        return ordered
    }

    /// A completed task's children must all be completed.
    private func closure(_ graph: AdjacencyList) -> Tally {
        var tally = Tally(limit: maxExamples)
        for v in 0..<min(flags.count, graph.nodeCount) where flags[v] & GraphAudit.isCompleted != 0 {
            for w in graph.neighbours(v) where flags[Int(w)] & GraphAudit.isCompleted == 0 {
                tally.add(Violation("\(name(Int32(v))) is completed but its child \(name(w)) is not"))
            }
        }
        return tally
    }
}

/// One edge sub-database as read by `GraphAudit.edgePass`, before `absorb` merges it.
/// Ids at or above the task count are local to the pass until then.
struct EdgePass: Sendable {
    let database: SubDatabase
    var entries = 0
    /// The key's id per entry (the child for `in_edges`, the parent for `out_edges`);
    /// each distinct key once when the values are not kept.
    var keyIDs: [Int32] = []
    /// The value's id per entry, once resolved.
    var valueIDs: [Int32] = []
    /// The values as read, until resolved (only when kept).
    var values: [PackedUDID] = []
    /// The order-independent checksum of every valid (parent, child) pair.
    var checksum = EdgeChecksum(sum: 0, pairs: 0)
    /// With distinct keys: how many valid pairs other than self-loops each key has
    /// (for `in_edges`, each task's number of parents).
    var keyCounts: [Int32] = []
    /// Whether the pass kept its values (one key id per entry) rather than distinct keys.
    var keepsValues: Bool { !values.isEmpty || valueIDs.count == keyIDs.count }
    /// Udids not in `task_type`, in the order the pass met them; the pass's id of
    /// `extras[i]` is the task count plus `i`.
    var extras: [PackedUDID] = []
    private var extraIDs: [PackedUDID: Int32] = [:]
    var keyFormat: Tally
    /// Key ids with an edge to themselves (repeats possible).
    var selfLoops: [Int32] = []

    init(database: SubDatabase, limit: Int) {
        self.database = database
        keyFormat = Tally(limit: limit)
    }

    /// The pass's own id for a udid not in `task_type` (the first time it is met, the
    /// next id after the `knownCount` tasks and the extras before it).
    mutating func extraID(_ udid: PackedUDID, after knownCount: Int32) -> Int32 {
        if let id = extraIDs[udid] { return id }
        let id = knownCount + Int32(extras.count)
        extraIDs[udid] = id
        extras.append(udid)
        return id
    }
}

/// An order-independent summary of a set of (parent, child) pairs: the count and the
/// sum of a keyed 64-bit hash of each pair. Two edge sub-databases with equal
/// checksums hold the same pairs except with probability about 2^-64 per damage, and
/// the key is drawn per run, so no file can be crafted to collide.
struct EdgeChecksum: Equatable, Sendable {
    var sum: UInt64
    var pairs: Int

    @inline(__always)
    static func mix(parent: PackedUDID, child: PackedUDID, seed: UInt64) -> UInt64 {
        var h = finalize(seed ^ parent.high)
        h = finalize(h ^ parent.low)
        h = finalize(h ^ child.high)
        return finalize(h ^ child.low)
    }

    /// SplitMix64's finalizer: a bijection that spreads every input bit.
    @inline(__always)
    private static func finalize(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

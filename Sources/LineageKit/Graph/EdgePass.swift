/// One edge sub-database as read by `EdgePass.read`, before `GraphBuilder.absorb` merges it.
///
/// Reading needs no task index, so an edge sub-database can be read while `task_type`
/// is still being read on another thread; `resolveKeys` and `resolveValues` then turn
/// the udids into ids. Ids at or above the task count are local to the pass until
/// `absorb`.
struct EdgePass: Sendable {
    let database: SubDatabase
    /// Whether the pass keeps its values (one key id per value) rather than distinct keys.
    let keepsValues: Bool
    var entries = 0
    /// The order-independent checksum of every valid (parent, child) pair.
    var checksum = EdgeChecksum(sum: 0, pairs: 0)
    var keyFormat: Tally

    /// Each distinct key as read (valid udids only) when read without an index, until `resolveKeys`.
    private var keys: [PackedUDID] = []
    /// Each distinct key's id, when read with an index or once `resolveKeys` ran.
    private var distinctKeyIDs: [Int32] = []
    /// How many distinct keys were read.
    private var keyCount = 0
    /// Per distinct key: how many values it keeps, or without kept values how many valid
    /// pairs other than self-loops it has.
    private var keyRuns: [Int32] = []
    /// Positions among the distinct keys of those with an edge to themselves (repeats possible).
    private var selfLoopKeys: [Int32] = []
    /// The values as read, until resolved (only when kept).
    var values: [PackedUDID] = []

    /// The key's id per kept value (the child for `in_edges`, the parent for `out_edges`);
    /// each distinct key once when the values are not kept. Set by `resolveKeys`.
    var keyIDs: [Int32] = []
    /// With distinct keys: how many valid pairs other than self-loops each key has
    /// (for `in_edges`, each task's number of parents).
    var keyCounts: [Int32] = []
    /// The value's id per entry, once resolved.
    var valueIDs: [Int32] = []
    /// Key ids with an edge to themselves (repeats possible).
    var selfLoops: [Int32] = []
    /// Udids not in `task_type`, in the order the pass met them (keys first, then
    /// values); the pass's id of `extras[i]` is the task count plus `i`.
    var extras: [PackedUDID] = []
    private var extraIDs: [PackedUDID: Int32] = [:]

    init(database: SubDatabase, keepsValues: Bool, limit: Int) {
        self.database = database
        self.keepsValues = keepsValues
        keyFormat = Tally(.keyFormat, limit: limit)
    }

    /// Reads one edge sub-database, `out_edges` (parent -> children) or `in_edges`
    /// (child -> parents), touching no shared state.
    ///
    /// Every valid pair is added to an order-independent checksum of (parent, child),
    /// so the two sub-databases can be compared without resolving both. With
    /// `keepValues` the values are kept for `resolveValues`; without, only the distinct
    /// keys and their pair counts. Keys are looked up in `index` as they come when it is
    /// given, else kept for `resolveKeys`. No allocation per entry beyond the kept arrays.
    static func read(
        _ database: SubDatabase, keepValues: Bool, index: TaskIndex? = nil, checksumSeed: UInt64, limit: Int, expecting capacity: Int = 0,
        _ scan: ((UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) -> Void
    ) -> EdgePass {
        var pass = EdgePass(database: database, keepsValues: keepValues, limit: limit)
        if keepValues { pass.values.reserveLarge(capacity) }
        if index != nil { pass.distinctKeyIDs.reserveLarge(capacity) } else { pass.keys.reserveLarge(capacity) }
        pass.keyRuns.reserveLarge(capacity)
        let knownCount = Int32(index?.knownCount ?? 0)
        var cursor = 0
        let isOut = database == .outEdges
        var lastKey: PackedUDID? = nil
        var run: Int32 = 0
        var checksum: UInt64 = 0
        var pairs = 0
        scan { key, value in
            pass.entries += 1
            // Duplicates of one key arrive together: parse and record the key once.
            guard let keyUDID = PackedUDID(key) else {
                pass.keyFormat.add(.badKey(database, key: Array(key)), database: database.rawValue)
                return
            }
            if keyUDID != lastKey {
                if lastKey != nil { pass.keyRuns.append(run) }
                lastKey = keyUDID
                run = 0
                pass.keyCount += 1
                if let index {
                    pass.distinctKeyIDs.append(index.knownID(keyUDID, from: &cursor) ?? pass.extraID(keyUDID, after: knownCount))
                } else {
                    pass.keys.append(keyUDID)
                }
            }
            guard let valueUDID = PackedUDID(value) else {
                pass.keyFormat.add(.badEdgeValue(database, key: keyUDID.udid, value: Array(value)), database: database.rawValue)
                return
            }
            if valueUDID == keyUDID {
                pass.selfLoopKeys.append(Int32(pass.keyCount - 1))
            }
            if keepValues {
                run += 1
                pass.values.append(valueUDID)
            } else if valueUDID != keyUDID {
                run += 1
            }
            checksum &+=
                isOut
                ? EdgeChecksum.mix(parent: keyUDID, child: valueUDID, seed: checksumSeed)
                : EdgeChecksum.mix(parent: valueUDID, child: keyUDID, seed: checksumSeed)
            pairs += 1
        }
        if lastKey != nil { pass.keyRuns.append(run) }
        pass.checksum = EdgeChecksum(sum: checksum, pairs: pairs)
        return pass
    }

    /// Gives every key its id (its place in `task_type`, or an id of the pass's own for a
    /// udid not there) unless `read` had the index, and lays the ids out for `absorb`.
    /// Keys come in order, so the index is read front to back.
    mutating func resolveKeys(with index: TaskIndex) {
        let knownCount = Int32(index.knownCount)
        if !keys.isEmpty {
            distinctKeyIDs.reserveLarge(keys.count)
            var cursor = 0
            for key in keys { distinctKeyIDs.append(index.knownID(key, from: &cursor) ?? extraID(key, after: knownCount)) }
        }
        let ids = distinctKeyIDs
        selfLoops = selfLoopKeys.map { ids[Int($0)] }
        if keepsValues {
            let runs = keyRuns
            precondition(runs.reduce(0) { $0 + Int($1) } == values.count, "one run entry per kept value")
            keyIDs = [Int32](largeUninitializedCapacity: values.count) { perValue, initialized in
                for (id, run) in zip(ids, runs) {
                    UnsafeMutableBufferPointer(rebasing: perValue[initialized..<initialized + Int(run)]).initialize(repeating: id)
                    initialized += Int(run)
                }
            }
        } else {
            keyIDs = ids
            keyCounts = keyRuns
        }
        keys = []
        distinctKeyIDs = []
        keyRuns = []
        selfLoopKeys = []
    }

    /// Resolves the kept values in one go on this thread (see `SharedResolution` for
    /// resolving them on two), udids not in `task_type` included, and drops them.
    mutating func resolveValues(with index: TaskIndex) {
        var missing = 0
        let ids = values.withUnsafeBufferPointer { values in
            [Int32](largeUninitializedCapacity: values.count) { ids, initialized in
                missing = index.resolve(values, into: ids)
                initialized = values.count
            }
        }
        finishResolving(ids, missing: missing, knownCount: index.knownCount)
        values = []
    }

    /// Takes the values' ids as `TaskIndex.resolve` left them and gives the `missing`
    /// ones it could not place (udids not in `task_type`, only on a damaged file) ids of
    /// the pass's own. The kept values stay until the caller drops them.
    mutating func finishResolving(_ ids: [Int32], missing: Int, knownCount: Int) {
        valueIDs = ids
        guard missing > 0 else { return }
        let known = Int32(knownCount)
        for i in valueIDs.indices where valueIDs[i] < 0 {
            valueIDs[i] = extraID(values[i], after: known)
        }
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

/// One edge sub-database as read by `GraphBuilder.edgePass`, before `absorb` merges it.
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
        keyFormat = Tally(.keyFormat, limit: limit)
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

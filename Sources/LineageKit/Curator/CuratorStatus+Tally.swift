extension CuratorStatus {
    /// The status counts over part of each writer's keys (`ranges[i]` of `lists[i]`),
    /// without ordering every id: the key space is cut into buckets at pivot keys, each
    /// writer's keys of a bucket (a contiguous run: the lists are in byte order) go into a
    /// small hash table of packed key words that stays in cache, and only the ids kept as
    /// examples are made into strings and sorted. Counts equal a merge's; examples are the
    /// first in byte order.
    static func tally(_ lists: [CuratorSourceList], _ ranges: [Range<Int>], _ examples: Int) -> Tally {
        var positions = lists.indices.map { min(ranges[$0].lowerBound, lists[$0].count) }
        let ends = lists.indices.map { min(ranges[$0].upperBound, lists[$0].count) }
        var tally = Tally(
            multi: SampleBuilder(limit: examples), random: SampleBuilder(limit: examples), decimal: SampleBuilder(limit: examples))
        let total = lists.indices.reduce(0) { $0 + ends[$1] - positions[$1] }
        guard total > 0 else { return tally }
        // Pivots: evenly spaced keys of the writer with the most keys in range.
        let widest = lists.indices.max { ends[$0] - positions[$0] < ends[$1] - positions[$1] } ?? 0
        let span = ends[widest] - positions[widest]
        let bucketCount = max(1, min(span, total / bucketKeys))
        let pivots: [Int] = (1..<bucketCount).map { positions[widest] + $0 * span / bucketCount }
        var table = KeyTable()
        // The lists' words are read through pointers lent for the whole loop, so that moving
        // from one writer's run to the next retains nothing.
        CuratorSourceList.withPacked(lists) { words in
            for bucket in 0...pivots.count {
                let last = bucket == pivots.count
                let boundKey = last ? "" : lists[widest][pivots[bucket]]
                let bound = last ? (high: UInt64.max, low: UInt64.max) : lists[widest].words(pivots[bucket])
                for writer in lists.indices {
                    let keys = words[writer]
                    var position = positions[writer]
                    let end = ends[writer]
                    while position < end {
                        let (high, low) = (keys[2 * position], keys[2 * position + 1])
                        if !last, high > bound.high || (high == bound.high && low >= bound.low) {
                            let tie = high == bound.high && low == bound.low && PackedKey.isLong(low)
                            if !tie || !lists[writer].precedes(position, bound, boundKey) { break }
                        }
                        if PackedKey.isLong(low) { table.insertLong(lists[writer][position]) } else { table.insert((high, low)) }
                        position += 1
                    }
                    positions[writer] = position
                }
                table.drain(into: &tally)
            }
        }
        return tally
    }

    /// About how many keys a bucket holds: its table (twice as many slots of 17 bytes)
    /// stays in the second-level cache.
    static let bucketKeys = 2048

    struct Tally: Sendable {
        var union = 0
        var multi: SampleBuilder
        var random: SampleBuilder
        var decimal: SampleBuilder
    }

    /// `isPositional` of an id of at most 15 bytes packed as `(high, low)`.
    @inline(__always)
    static func isPositional(high: UInt64, low: UInt64) -> Bool {
        let count = Int(PackedKey.length(low))
        guard (1..<12).contains(count) else { return false }
        for index in 0..<count {
            let word = index < 8 ? high : low
            let byte = UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * (index & 7)))
            if byte < 0x30 || byte > 0x39 || (index == 0 && byte == 0x30 && count > 1) { return false }
        }
        return true
    }
}

/// Open addressing over packed key words (keys of up to 15 bytes), a dictionary for longer
/// keys; emptied after each bucket, touching only the slots it used. The slots live in a
/// buffer of their own (no array checks on the hot path).
private struct KeyTable: ~Copyable {
    private struct Slot {
        var high: UInt64 = 0
        var low: UInt64 = 0
    }
    private var slots: UnsafeMutablePointer<Slot>
    /// Per slot: 0 free, 1 one copy, 2 more than one (a small array, checked first).
    private var counts: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 12
    private var used: [Int] = []
    private var long: [String: Int] = [:]

    init() {
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(), count: capacity)
        counts = .allocate(capacity: capacity)
        counts.initialize(repeating: 0, count: capacity)
    }

    deinit {
        slots.deallocate()
        counts.deallocate()
    }

    @inline(__always)
    mutating func insert(_ words: (high: UInt64, low: UInt64)) {
        if 2 * (used.count + 1) > capacity { grow() }
        let mask = capacity - 1
        var slot = Int(truncatingIfNeeded: ((words.high ^ words.low &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9) >> 20) & mask
        while counts[slot] != 0 {
            if slots[slot].high == words.high, slots[slot].low == words.low {
                counts[slot] = 2
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(high: words.high, low: words.low)
        counts[slot] = 1
        used.append(slot)
    }

    mutating func insertLong(_ key: String) { long[key, default: 0] += 1 }

    /// Adds the bucket's distinct keys to `tally` and empties the table.
    mutating func drain(into tally: inout CuratorStatus.Tally) {
        tally.union += used.count + long.count
        var multi: [String] = []
        var random: [String] = []
        var decimal: [String] = []
        let wantMulti = tally.multi.examples.count < tally.multi.limit
        let wantDecimal = tally.decimal.examples.count < tally.decimal.limit
        for index in used {
            let slot = slots[index]
            if counts[index] > 1 {
                tally.multi.count += 1
                if wantMulti { multi.append(CuratorSourceList.string(high: slot.high, low: slot.low)) }
            }
            // Positional ids are shorter than 12 bytes; hashes are 12.
            if PackedKey.length(slot.low) < UInt64(CuratorSourceID.digits), CuratorStatus.isPositional(high: slot.high, low: slot.low) {
                tally.decimal.count += 1
                if wantDecimal { decimal.append(CuratorSourceList.string(high: slot.high, low: slot.low)) }
            }
            counts[index] = 0
        }
        for (key, count) in long {
            if count > 1 {
                tally.multi.count += 1
                multi.append(key)
            }
            if CuratorStatus.isNeverMatching(key) {
                tally.random.count += 1
                random.append(key)
            }
        }
        used.removeAll(keepingCapacity: true)
        long.removeAll(keepingCapacity: true)
        tally.multi.addExamples(multi)
        tally.random.addExamples(random)
        tally.decimal.addExamples(decimal)
    }

    private mutating func grow() {
        let old = used.map { (slots[$0], counts[$0]) }
        slots.deallocate()
        counts.deallocate()
        capacity *= 2
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(), count: capacity)
        counts = .allocate(capacity: capacity)
        counts.initialize(repeating: 0, count: capacity)
        used.removeAll(keepingCapacity: true)
        for (slot, count) in old {
            insert((slot.high, slot.low))
            counts[used[used.count - 1]] = count
        }
    }
}

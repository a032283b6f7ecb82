extension CuratorStatus {
    /// The status counts over part of each writer's keys (`ranges[i]` of writer `i`'s),
    /// without ordering every id: the key space is cut into buckets at pivot keys, each
    /// writer's keys of a bucket (a contiguous run: the lists are in byte order) go into a
    /// small hash table of packed key words that stays in cache, and only the ids kept as
    /// examples are sorted. Counts equal a merge's; examples are the first in byte order.
    static func tally(_ checkpoint: CuratorCheckpoint, _ ranges: [Range<Int>], _ examples: Int) -> Tally {
        let lists = checkpoint.writers.map { $0.state.isSkipped ? [] : $0.sources }
        var positions = lists.indices.map { min(ranges[$0].lowerBound, lists[$0].count) }
        let ends = lists.indices.map { min(ranges[$0].upperBound, lists[$0].count) }
        var tally = Tally(
            multi: SampleBuilder(limit: examples), random: SampleBuilder(limit: examples), decimal: SampleBuilder(limit: examples))
        let total = lists.indices.reduce(0) { $0 + ends[$1] - positions[$1] }
        guard total > 0 else { return tally }
        // Pivots: evenly spaced keys of the writer with the most keys in range.
        let widest = lists.indices.max { ends[$0] - positions[$0] < ends[$1] - positions[$1] } ?? 0
        let span = ends[widest] - positions[widest]
        let bucketCount = max(1, min(span, total / 16384))
        var pivots: [String] = (1..<bucketCount).map { lists[widest][positions[widest] + $0 * span / bucketCount] }
        pivots.append("")  // the last bucket has no upper bound
        var table = KeyTable()
        for (bucket, pivot) in pivots.enumerated() {
            let last = bucket == pivots.count - 1
            let bound = packKey(pivot)
            for writer in lists.indices {
                let keys = lists[writer]
                var position = positions[writer]
                let end = ends[writer]
                while position < end {
                    let key = keys[position]
                    let words = packKey(key)
                    if !last, !keyPrecedes(words, key, bound, pivot) { break }
                    table.insert(words, key)
                    position += 1
                }
                positions[writer] = position
            }
            table.drain(into: &tally)
        }
        return tally
    }

    /// Byte order of two keys given with their packed words.
    @inline(__always)
    static func keyPrecedes(_ a: (high: UInt64, low: UInt64), _ aKey: String, _ b: (high: UInt64, low: UInt64), _ bKey: String) -> Bool {
        if a.high != b.high { return a.high < b.high }
        if a.low != b.low { return a.low < b.low }
        return a.low & 0xFF == 16 && aKey.utf8.lexicographicallyPrecedes(bKey.utf8)
    }

    struct Tally: Sendable {
        var union = 0
        var multi: SampleBuilder
        var random: SampleBuilder
        var decimal: SampleBuilder
    }
}

/// Open addressing over packed key words (keys of up to 15 bytes), a dictionary for longer
/// keys; emptied after each bucket, touching only the slots it used.
private struct KeyTable {
    private var highs = [UInt64](repeating: 0, count: 1 << 14)
    private var lows = [UInt64](repeating: 0, count: 1 << 14)
    private var counts = [Int32](repeating: 0, count: 1 << 14)
    private var keys = [String](repeating: "", count: 1 << 14)
    private var used: [Int] = []
    private var long: [String: Int] = [:]

    mutating func insert(_ words: (high: UInt64, low: UInt64), _ key: String) {
        if words.low & 0xFF == 16 {
            long[key, default: 0] += 1
            return
        }
        if 2 * (used.count + 1) > counts.count { grow() }
        let mask = counts.count - 1
        var slot = Int(truncatingIfNeeded: ((words.high ^ words.low &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9) >> 20) & mask
        while counts[slot] != 0 {
            if highs[slot] == words.high, lows[slot] == words.low {
                counts[slot] += 1
                return
            }
            slot = (slot + 1) & mask
        }
        (highs[slot], lows[slot], counts[slot], keys[slot]) = (words.high, words.low, 1, key)
        used.append(slot)
    }

    /// Adds the bucket's distinct keys to `tally` and empties the table.
    mutating func drain(into tally: inout CuratorStatus.Tally) {
        tally.union += used.count + long.count
        var multi: [String] = []
        var random: [String] = []
        var decimal: [String] = []
        let wantMulti = tally.multi.examples.count < tally.multi.limit
        let wantDecimal = tally.decimal.examples.count < tally.decimal.limit
        for slot in used {
            if counts[slot] > 1 {
                tally.multi.count += 1
                if wantMulti { multi.append(keys[slot]) }
            }
            // Positional ids are shorter than 12 bytes; hashes are 12.
            if lows[slot] & 0xFF < 12, CuratorStatus.isPositional(keys[slot]) {
                tally.decimal.count += 1
                if wantDecimal { decimal.append(keys[slot]) }
            }
            counts[slot] = 0
            keys[slot] = ""
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
        let old = used.map { (highs[$0], lows[$0], counts[$0], keys[$0]) }
        let capacity = counts.count * 2
        highs = [UInt64](repeating: 0, count: capacity)
        lows = [UInt64](repeating: 0, count: capacity)
        counts = [Int32](repeating: 0, count: capacity)
        keys = [String](repeating: "", count: capacity)
        used.removeAll(keepingCapacity: true)
        for (high, low, count, key) in old {
            insert((high, low), key)
            counts[used[used.count - 1]] = count
        }
    }
}

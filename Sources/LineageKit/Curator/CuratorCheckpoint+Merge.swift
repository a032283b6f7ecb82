extension CuratorCheckpoint {
    /// Visits every completed source id once, in byte order (LMDB's key order), with the
    /// indices into `writers` of the writer files holding it (ascending), over the writers
    /// the pipeline reads (unreadable and damaged ones are skipped).
    ///
    /// Streaming: a k-way merge (a tournament tree) of the writers' key lists, which are
    /// already in byte order, so nothing is hashed and nothing per source is kept; `holding`
    /// is reused between calls (copy it to keep it). Cost: about `log2(writers)` integer
    /// comparisons per key.
    /// - Throws: what `body` throws; the merge then stops.
    public func forEachSource(_ body: (_ source: String, _ holding: [Int]) throws -> Void) rethrows {
        try forEachSource(in: writers.map { 0..<$0.sources.count }, body)
    }

    /// `forEachSource` over part of each writer's keys (`ranges[i]` of writer `i`'s).
    func forEachSource(in ranges: [Range<Int>], _ body: (_ source: String, _ holding: [Int]) throws -> Void) rethrows {
        try forEachSourceBytes(in: ranges) { key, holding in try body(String(decoding: key, as: UTF8.self), holding) }
    }

    /// Splits every writer's keys at one pivot key, so that the two halves can be merged
    /// apart (every copy of a key falls in the same half, and the first half's keys all
    /// come before the second's). The pivot is the median of the writers' middle keys.
    /// `lists` are the writers' lists, an empty one for a skipped writer.
    static func splitRanges(_ lists: [CuratorSourceList]) -> (first: [Range<Int>], second: [Range<Int>]) {
        let middles = lists.filter { !$0.isEmpty }.map { $0[$0.count / 2] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !middles.isEmpty else { return (lists.map { 0..<$0.count }, lists.map { _ in 0..<0 }) }
        let pivot = middles[middles.count / 2]
        let words = packKey(pivot)
        var first: [Range<Int>] = []
        var second: [Range<Int>] = []
        for sources in lists {
            var (low, high) = (0, sources.count)
            while low < high {
                let middle = (low + high) / 2
                if sources.precedes(middle, words, pivot) { low = middle + 1 } else { high = middle }
            }
            first.append(0..<low)
            second.append(low..<sources.count)
        }
        return (first, second)
    }
}

/// A tournament (loser) tree over the writers' current keys: `advance` replays one path
/// from a leaf to the root, one comparison of packed words per level. An exhausted writer
/// holds the words `(max, max)`, after every key (UTF-8 text never holds the byte 0xFF).
/// The state lives in buffers of its own (no array checks on the hot path).
final class SourceMerge {
    /// One writer's place in the merge: its current key's words and where it is in its list.
    private struct Leaf {
        var high: UInt64 = .max
        var low: UInt64 = .max
        var position = 0
        var end = 0
        var words: UnsafePointer<UInt64>?
    }

    private let lists: [CuratorSourceList]
    private let count: Int
    private let leaves: UnsafeMutablePointer<Leaf>
    /// `tree[0]` is the winner's writer; `tree[1..<count]` the losers of the inner matches.
    private let tree: UnsafeMutablePointer<Int>

    /// A merge of `lists[i][ranges[i]]` for every `i`.
    init(_ lists: [CuratorSourceList], ranges: [Range<Int>]) {
        self.lists = lists
        count = lists.count
        leaves = .allocate(capacity: max(lists.count, 1))
        tree = .allocate(capacity: max(lists.count, 1))
        tree.initialize(repeating: 0, count: max(lists.count, 1))
        for (writer, list) in lists.enumerated() {
            var leaf = Leaf()
            leaf.position = min(ranges[writer].lowerBound, list.count)
            leaf.end = min(ranges[writer].upperBound, list.count)
            leaf.words = list.packed
            if leaf.position < leaf.end { (leaf.high, leaf.low) = list.words(leaf.position) }
            (leaves + writer).initialize(to: leaf)
        }
        guard lists.count > 1 else { return }
        // Built bottom-up: each inner node keeps the loser and passes the winner up.
        var winners = [Int](repeating: 0, count: 2 * lists.count)
        for writer in lists.indices { winners[lists.count + writer] = writer }
        for node in stride(from: lists.count - 1, through: 1, by: -1) {
            let (left, right) = (winners[2 * node], winners[2 * node + 1])
            let leftWins = precedes(left, right)
            winners[node] = leftWins ? left : right
            tree[node] = leftWins ? right : left
        }
        tree[0] = winners[1]
    }

    deinit {
        leaves.deinitialize(count: count)
        leaves.deallocate()
        tree.deallocate()
    }

    /// The writer holding the smallest current key, or `nil` when every writer is exhausted.
    var winner: Int? {
        guard count > 0 else { return nil }
        let writer = tree[0]
        return leaves[writer].position < leaves[writer].end ? writer : nil
    }

    /// The current key of `writer`.
    func key(of writer: Int) -> String { lists[writer][leaves[writer].position] }

    /// The packed words of `writer`'s current key.
    func words(of writer: Int) -> (high: UInt64, low: UInt64) { (leaves[writer].high, leaves[writer].low) }

    /// Whether `writer`'s current key is `key`, whose packed words are `words`.
    func sameKey(_ writer: Int, _ words: (high: UInt64, low: UInt64), _ key: String) -> Bool {
        let (high, low) = words
        guard leaves[writer].high == high, leaves[writer].low == low else { return false }
        return low & 0xFF != 16 || self.key(of: writer).utf8.elementsEqual(key.utf8)
    }

    /// Key order, then writer order (so the holders come out ascending).
    @inline(__always)
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let (aHigh, aLow, bHigh, bLow) = (leaves[a].high, leaves[a].low, leaves[b].high, leaves[b].low)
        // Written without early returns, so that the common case compiles to conditional moves.
        if aHigh != bHigh || aLow != bLow { return aHigh < bHigh || (aHigh == bHigh && aLow < bLow) }
        let (left, right) = (leaves[a], leaves[b])
        if PackedKey.isLong(left.low), left.position < left.end, right.position < right.end {
            let (x, y) = (key(of: a).utf8, key(of: b).utf8)
            if !x.elementsEqual(y) { return x.lexicographicallyPrecedes(y) }
        }
        return a < b
    }

    /// Moves the winner's writer to its next key and replays its path to the root.
    func advance() {
        guard count > 0 else { return }
        var writer = tree[0]
        let leaf = leaves + writer
        let next = leaf.pointee.position + 1
        leaf.pointee.position = next
        if next < leaf.pointee.end, let words = leaf.pointee.words {
            (leaf.pointee.high, leaf.pointee.low) = (words[2 * next], words[2 * next + 1])
        } else {
            (leaf.pointee.high, leaf.pointee.low) = (.max, .max)
        }
        var node = (count + writer) / 2
        while node >= 1 {
            let rival = tree[node]
            let rivalWins = precedes(rival, writer)
            tree[node] = rivalWins ? writer : rival
            writer = rivalWins ? rival : writer
            node /= 2
        }
        tree[0] = writer
    }
}

extension CuratorCheckpoint {
    /// Visits every completed source id once, in byte order (LMDB's key order), with the
    /// indices into `writers` of the writer files holding it (ascending), over the writers
    /// the pipeline reads (unreadable and damaged ones are skipped).
    ///
    /// Streaming: a k-way merge of the writers' key lists, which are already in byte order,
    /// so nothing is hashed and nothing per source is kept; `holding` is reused between
    /// calls (copy it to keep it). Cost: about `log2(writers)` integer comparisons per key.
    /// - Throws: what `body` throws; the merge then stops.
    public func forEachSource(_ body: (_ source: String, _ holding: [Int]) throws -> Void) rethrows {
        var heap = SourceMerge(writers.map { $0.state.isSkipped ? [] : $0.sources })
        var holding: [Int] = []
        holding.reserveCapacity(4)
        while let first = heap.top {
            let source = writers[first.writer].sources[first.position]
            holding.removeAll(keepingCapacity: true)
            holding.append(first.writer)
            heap.advance()
            while let next = heap.top, next.hasSameKey(as: first, sources: writers) {
                holding.append(next.writer)
                heap.advance()
            }
            try body(source, holding)
        }
    }
}

/// One writer's next key in the merge: the first 15 bytes and the length packed into two
/// big-endian words, so comparing the words compares the keys by bytes; keys of 16 bytes
/// or more that agree on those words are told apart by their full bytes.
struct MergeHead {
    let high: UInt64
    let low: UInt64
    let writer: Int
    let position: Int

    init(_ key: String, writer: Int, position: Int) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var count = 0
        for byte in key.utf8 {
            if count < 8 {
                high |= UInt64(byte) << (56 - 8 * UInt64(count))
            } else if count < 15 {
                low |= UInt64(byte) << (56 - 8 * UInt64(count - 8))
            }
            count += 1
            if count == 16 { break }
        }
        self.high = high
        self.low = low | UInt64(count)
        self.writer = writer
        self.position = position
    }

    /// Whether the key is longer than the packed words hold.
    var isLong: Bool { low & 0xFF == 16 }

    /// Key order, then writer order (so the holders come out ascending).
    func precedes(_ other: MergeHead, sources: [[String]]) -> Bool {
        if high != other.high { return high < other.high }
        if low != other.low { return low < other.low }
        if isLong {
            let mine = sources[writer][position].utf8
            let theirs = sources[other.writer][other.position].utf8
            if !mine.elementsEqual(theirs) { return mine.lexicographicallyPrecedes(theirs) }
        }
        return writer < other.writer
    }

    func hasSameKey(as other: MergeHead, sources writers: [CuratorWriter]) -> Bool {
        guard high == other.high, low == other.low else { return false }
        return !isLong
            || writers[writer].sources[position].utf8.elementsEqual(writers[other.writer].sources[other.position].utf8)
    }
}

/// A binary min-heap of the writers' next keys.
struct SourceMerge {
    private let sources: [[String]]
    private var heap: [MergeHead] = []

    init(_ sources: [[String]]) {
        self.sources = sources
        heap.reserveCapacity(sources.count)
        for (writer, keys) in sources.enumerated() where !keys.isEmpty {
            heap.append(MergeHead(keys[0], writer: writer, position: 0))
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    var top: MergeHead? { heap.first }

    /// Replaces the top with its writer's next key, or removes it at the writer's end.
    mutating func advance() {
        guard let first = heap.first else { return }
        let next = first.position + 1
        let keys = sources[first.writer]
        if next < keys.count {
            heap[0] = MergeHead(keys[next], writer: first.writer, position: next)
        } else {
            let last = heap.removeLast()
            guard !heap.isEmpty else { return }
            heap[0] = last
        }
        siftDown(0)
    }

    private mutating func siftDown(_ start: Int) {
        var index = start
        let count = heap.count
        let element = heap[index]
        while true {
            let left = 2 * index + 1
            guard left < count else { break }
            var child = left
            if left + 1 < count, heap[left + 1].precedes(heap[left], sources: sources) { child = left + 1 }
            guard heap[child].precedes(element, sources: sources) else { break }
            heap[index] = heap[child]
            index = child
        }
        heap[index] = element
    }
}

import Dispatch

extension CuratorCheckpoint {
    /// Each writer's list: the keys the pipeline reads from it (none from a file it skips).
    var readableLists: [CuratorSourceList] { writers.map(\.sources) }

    /// The key space cut into about `count` slices at evenly spaced keys of the writer with
    /// the most keys: slice `k` is `result[k][i]` of writer `i`'s keys. Every copy of a key
    /// falls in one slice, and the slices come in key order.
    package func sourceSlices(_ count: Int) -> [[Range<Int>]] {
        let lists = readableLists
        guard count > 1, let widest = lists.indices.max(by: { lists[$0].count < lists[$1].count }), lists[widest].count > count
        else { return [lists.map { 0..<$0.count }] }
        var bounds = [lists.map { _ in 0 }]
        for slice in 1..<count {
            let at = slice * lists[widest].count / count
            let (pivot, words) = (lists[widest][at], lists[widest].words(at))
            bounds.append(
                lists.map { list in
                    var (low, high) = (0, list.count)
                    while low < high {
                        let middle = (low + high) / 2
                        if list.precedes(middle, words, pivot) { low = middle + 1 } else { high = middle }
                    }
                    return low
                })
        }
        bounds.append(lists.map(\.count))
        return (0..<count).map { slice in lists.indices.map { bounds[slice][$0]..<bounds[slice + 1][$0] } }
    }

    /// `forEachSource` over `ranges` (one per writer), handing each id as its UTF-8 bytes
    /// (valid during the call only) instead of a `String`.
    package func forEachSourceBytes(
        in ranges: [Range<Int>], _ body: (_ key: UnsafeRawBufferPointer, _ holding: [Int]) throws -> Void
    ) rethrows {
        let merge = SourceMerge(readableLists, ranges: ranges)
        var holding: [Int] = []
        holding.reserveCapacity(4)
        while let first = merge.winner {
            let words = merge.words(of: first)
            let isLong = PackedKey.isLong(words.low)
            var long = isLong ? merge.key(of: first) : ""
            holding.removeAll(keepingCapacity: true)
            holding.append(first)
            merge.advance()
            while let next = merge.winner, merge.sameKey(next, words, long) {
                holding.append(next)
                merge.advance()
            }
            if isLong {
                try long.withUTF8 { try body(UnsafeRawBufferPointer($0), holding) }
            } else {
                try withUnsafeBytes(of: (words.high.bigEndian, words.low.bigEndian)) { bytes in
                    try body(UnsafeRawBufferPointer(rebasing: bytes.prefix(Int(PackedKey.length(words.low)))), holding)
                }
            }
        }
    }

    /// Renders every completed id (in byte order, with its holders as `forEachSource` gives
    /// them) through `render` into byte chunks and hands the chunks to `write` in order.
    /// Big checkpoints are rendered on two threads, slice by slice, at most two slices
    /// ahead of `write`, so memory stays a few slices' output whatever the size.
    package func renderSources(
        render: @escaping @Sendable (_ key: UnsafeRawBufferPointer, _ holding: [Int], _ out: inout [UInt8]) -> Void,
        write: ([UInt8]) -> Void
    ) {
        let keys = writers.reduce(0) { $0 + $1.sources.count }
        let slices = sourceSlices(keys < 100_000 ? 1 : 64)
        guard slices.count > 1 else {
            for slice in slices { write(renderSlice(slice, render)) }
            return
        }
        let handoffs = slices.indices.map { _ in Handoff<[UInt8]>() }
        let room = DispatchSemaphore(value: 2)
        let checkpoint = self
        let finished = startInBackground {
            for slice in stride(from: 1, to: slices.count, by: 2) {
                room.wait()
                handoffs[slice].publish(checkpoint.renderSlice(slices[slice], render))
            }
        }
        for slice in slices.indices {
            if slice % 2 == 0 {
                write(renderSlice(slices[slice], render))
            } else {
                write(handoffs[slice].receive())
                room.signal()
            }
        }
        finished()
    }

    private func renderSlice(
        _ ranges: [Range<Int>], _ render: (_ key: UnsafeRawBufferPointer, _ holding: [Int], _ out: inout [UInt8]) -> Void
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        forEachSourceBytes(in: ranges) { render($0, $1, &out) }
        return out
    }
}

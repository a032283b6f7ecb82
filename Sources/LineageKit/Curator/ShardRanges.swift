/// A set of Slurm shard indexes as sorted, disjoint, non-adjacent ranges: what is missing
/// of a job array is kept as ranges, never enumerated, so a `run.json` that claims 10^12
/// shards costs what the manifests on disk cost, not what the number says.
public struct ShardRanges: Sendable, Equatable {
    /// The ranges, ascending; no two touch.
    public let ranges: [ClosedRange<Int>]

    /// The shards of `expected` without those in `done`. Cost: sorting `done`.
    public init(_ expected: Range<Int>, minus done: some Sequence<Int>) {
        var ranges: [ClosedRange<Int>] = []
        var next = expected.lowerBound
        for shard in Set(done).sorted() where expected.contains(shard) {
            if shard > next { ranges.append(next...(shard - 1)) }
            next = shard + 1
        }
        if next < expected.upperBound { ranges.append(next...(expected.upperBound - 1)) }
        self.ranges = ranges
    }

    /// The shards of `shards` (any order, repeats allowed) as ranges.
    public init(_ shards: some Sequence<Int>) {
        var ranges: [ClosedRange<Int>] = []
        for shard in Set(shards).sorted() {
            if let last = ranges.last, last.upperBound + 1 == shard {
                ranges[ranges.count - 1] = last.lowerBound...shard
            } else {
                ranges.append(shard...shard)
            }
        }
        self.ranges = ranges
    }

    /// True when there is no shard.
    public var isEmpty: Bool { ranges.isEmpty }

    /// How many shards (the ranges' lengths added up).
    public var count: Int { ranges.reduce(0) { $0 + $1.count } }

    /// Whether `shard` is in the set. Cost: a binary search.
    public func contains(_ shard: Int) -> Bool {
        var (low, high) = (0, ranges.count)
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < shard { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(shard)
    }

    /// The set as a Slurm `--array` expression (`1-2,5-10,99`); "" when empty.
    public var expression: String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }

    /// The set cut at every multiple of `size`: for each offset `o = shard / size * size`
    /// that holds a shard, in order, `o` and that part's shards relative to it, as the
    /// pipeline's retry helper groups them for a largest array size. Cost: one call per
    /// offset, so proportional to the output asked for, never to a count in a file.
    public func forEachGroup(of size: Int, _ body: (_ offset: Int, _ relative: ShardRanges) throws -> Void) rethrows {
        precondition(size > 0, "a group size is 1 or more")
        var offset: Int?
        var part: [ClosedRange<Int>] = []
        for range in ranges {
            var start = range.lowerBound
            while start <= range.upperBound {
                let groupOffset = start / size * size
                let end = min(range.upperBound, groupOffset + size - 1)
                if groupOffset != offset {
                    if let offset { try body(offset, ShardRanges(ranges: part)) }
                    offset = groupOffset
                    part = []
                }
                part.append((start - groupOffset)...(end - groupOffset))
                if end == Int.max { break }
                start = end + 1
            }
        }
        if let offset { try body(offset, ShardRanges(ranges: part)) }
    }

    private init(ranges: [ClosedRange<Int>]) { self.ranges = ranges }
}

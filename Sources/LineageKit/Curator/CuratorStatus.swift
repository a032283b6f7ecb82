/// What `lineage status` reports on a Curator checkpoint: the writers, the union of their
/// completed sources and its risks, and the Slurm shards left to resubmit.
public struct CuratorStatus: Sendable {
    /// A count and its first examples (sorted).
    public struct Sample: Sendable, Equatable {
        /// How many there are.
        public let count: Int
        /// The first ones, sorted, at most the examples asked for.
        public let examples: [String]

        /// A sample of `count` with `examples`.
        public init(count: Int, examples: [String]) {
            self.count = count
            self.examples = examples
        }
    }

    /// The checkpoint read.
    public let checkpoint: CuratorCheckpoint
    /// How many examples each list shows (`--max-examples`).
    public let examples: Int
    /// Size of the union of completed sources (readable writers only, as the pipeline reads).
    public let union: Int
    /// Sources completed by more than one writer.
    public let multiWriter: Sample
    /// Ids `r` + 32 hex digits: never match on a rerun, so those sources always run again.
    public let neverMatching: Sample
    /// Positional (decimal) ids: shift when the inputs change, and can collide.
    public let positional: Sample
    /// The missing Slurm shards as a Slurm `--array` expression, "" when none (or no job array).
    public let retryArray: String

    /// Summarises `checkpoint`, with up to `examples` examples per sample.
    public init(_ checkpoint: CuratorCheckpoint, examples: Int) {
        self.checkpoint = checkpoint
        self.examples = examples
        unfinishedShards = Self.unfinished(checkpoint)
        // One pass over the merged sources: counts, and the first examples in id order. Big
        // checkpoints are merged in two halves at once (all of one half's ids come first).
        let lists = checkpoint.readableLists
        let (first, second) = CuratorCheckpoint.splitRanges(lists)
        let keys = lists.reduce(0) { $0 + $1.count }
        let (low, high) =
            keys < 100_000
            ? (Self.tally(lists, first, examples), Self.tally(lists, second, examples))
            : inParallel({ Self.tally(lists, first, examples) }, { Self.tally(lists, second, examples) })
        union = low.union + high.union
        multiWriter = low.multi.followed(by: high.multi)
        neverMatching = low.random.followed(by: high.random)
        positional = low.decimal.followed(by: high.decimal)
        retryArray = checkpoint.slurm?.missing.expression ?? ""
    }

    /// The number of distinct ids over `lists` (each in byte order), counted in two halves
    /// at once for big lists, without a set of strings.
    static func unionCount(_ lists: [CuratorSourceList]) -> Int {
        let (first, second) = CuratorCheckpoint.splitRanges(lists)
        let keys = lists.reduce(0) { $0 + $1.count }
        if keys < 100_000 { return tally(lists, first, 0).union + tally(lists, second, 0).union }
        let (low, high) = inParallel({ tally(lists, first, 0) }, { tally(lists, second, 0) })
        return low.union + high.union
    }

    /// Whether a rerun is due: a Slurm shard is missing, or a failed-task marker names a
    /// shard without a completion manifest (`--fail-if-incomplete`). Markers of local
    /// attempts (outside a job array) name no shard and do not count.
    public var isIncomplete: Bool {
        if let slurm = checkpoint.slurm, !slurm.missing.isEmpty { return true }
        return !unfinishedShards.isEmpty
    }

    /// The shards a failed-task marker names that have no completion manifest: they will be
    /// retried. Known with or without `run.json` (without it, the run's full range is not,
    /// so shards that never started are missing from this).
    public let unfinishedShards: ShardRanges

    /// The shards of `checkpoint`'s failed Slurm attempts that have no completion manifest.
    static func unfinished(_ checkpoint: CuratorCheckpoint) -> ShardRanges {
        let completed = checkpoint.slurm.map { Set($0.completed) } ?? checkpoint.completedWithoutRun
        return ShardRanges(
            checkpoint.failedAttempts.compactMap { attempt in
                if case .slurm(_, _, _, let shard) = attempt.attempt, !completed.contains(shard) { shard } else { nil }
            })
    }

    /// Whether `id` is `r` followed by 32 hex digits (a random id that never matches again).
    public static func isNeverMatching(_ id: String) -> Bool {
        let bytes = id.utf8
        guard bytes.count == 33, bytes.first == UInt8(ascii: "r") else { return false }
        return bytes.dropFirst().allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Whether `id` is a position: decimal digits without a leading zero ("0" itself
    /// included), fewer than 12 of them. Twelve decimal digits are a file-group id whose hex
    /// digits happen to all be decimal (about one id in 280), not the 100-billionth source.
    public static func isPositional(_ id: String) -> Bool {
        let bytes = id.utf8
        guard (1..<12).contains(bytes.count), bytes.count == 1 || bytes.first != UInt8(ascii: "0") else { return false }
        return bytes.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The `ARRAY OFFSET MINIMUM TOTAL` lines the pipeline's retry helper prints for the
    /// missing shards, each handed to `line` as it is made: one line (offset 0) without
    /// `maxArraySize`; with it, the shards grouped by `offset = shard / K * K` and written
    /// relative to it, one line per offset. None when nothing is missing or the checkpoint
    /// is not a job array. Cost: proportional to the lines, whatever `total_shards` says.
    public func forEachRetryField(maxArraySize: Int?, _ line: (String) throws -> Void) rethrows {
        guard let slurm = checkpoint.slurm else {
            // No usable run.json: the shards known to have failed, MINIMUM and TOTAL unknown (?).
            let unfinished = unfinishedShards
            guard !unfinished.isEmpty else { return }
            guard let size = maxArraySize, size > 0 else { return try line("\(unfinished.expression) 0 ? ?") }
            return try unfinished.forEachGroup(of: size) { offset, relative in try line("\(relative.expression) \(offset) ? ?") }
        }
        guard !slurm.missing.isEmpty else { return }
        let tail = "\(slurm.minimumShardIndex) \(slurm.totalShards)"
        guard let size = maxArraySize, size > 0 else { return try line("\(slurm.missing.expression) 0 \(tail)") }
        try slurm.missing.forEachGroup(of: size) { offset, relative in try line("\(relative.expression) \(offset) \(tail)") }
    }

    /// `forEachRetryField`'s lines, collected.
    public func retryFields(maxArraySize: Int?) -> [String] {
        var lines: [String] = []
        forEachRetryField(maxArraySize: maxArraySize) { lines.append($0) }
        return lines
    }
}

/// Counts what it is given and keeps the first `limit` examples.
struct SampleBuilder: Sendable {
    let limit: Int
    var count = 0
    var examples: [String] = []

    init(limit: Int) { self.limit = limit }

    /// Adds `candidates` (later in byte order than every example so far) as examples, the
    /// smallest first, up to the limit; the count is the caller's.
    mutating func addExamples(_ candidates: [String]) {
        guard examples.count < limit, !candidates.isEmpty else { return }
        let sorted = candidates.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        examples += sorted.prefix(limit - examples.count)
    }

    /// This sample's examples first, then `later`'s, up to the limit; the counts added.
    func followed(by later: SampleBuilder) -> CuratorStatus.Sample {
        .init(count: count + later.count, examples: Array((examples + later.examples).prefix(limit)))
    }
}

import FoundationEssentials
import LineageKit

/// A NeMo Curator checkpoint directory of a chosen shape, written the way the pipeline
/// writes one: writer files completing sources (some by two writers, some deleted again by
/// a late update, some writers completing nothing) and, for a job array, the Slurm
/// manifests of the clean shards and the failed-task markers of the others.
///
/// Deterministic: the same parameters write the same keys, names and manifests, and
/// `plan()` says what `write(to:)` writes without writing it.
public struct CuratorRun: Sendable, Equatable {
    /// Writer files (`node-<i>-<pid>.mdb`), including the `emptyWriters`.
    public var writers = 3
    /// The last writers, which complete nothing (an empty sub-database).
    public var emptyWriters = 1
    /// Sources each other writer completes and keeps (its own; not counting `overlap`).
    public var sourcesPerWriter = 4
    /// Sources each writer after the first also completes that the writer before it completed.
    public var overlap = 1
    /// Sources each writer completes and then deletes again (a late update): they run again.
    public var deleted = 1
    /// Of each writer's own sources, how many have positional ids (`0`, `1`, ...; they collide).
    public var positional = 0
    /// Of each writer's own sources, how many have random ids (`r` + 32 hex; never matching).
    public var random = 0
    /// Slurm shards (0: not a job array, no `.slurm_array_completion/`).
    public var shards = 6
    /// The first shard index.
    public var minimumShardIndex = 0
    /// Shards that failed: a failed-task marker and no completion manifest.
    public var failedShards = 2
    /// Seeds the file names, the source paths and the choice of failed shards.
    public var seed: UInt64 = 1
    /// Flush every commit (the pipeline's `sync=True`); off only to write big benchmarks fast.
    public var syncEachCommit = true

    /// A run with the default (small) shape.
    public init() {}

    /// One write transaction of a writer: a completion, or the deletion of a late update.
    public struct Operation: Sendable, Equatable {
        /// The source id (the key).
        public let source: String
        /// `true`: `source -> 1` is put; `false`: the key is deleted.
        public let completed: Bool
    }

    /// What one writer file ends up holding.
    public struct WriterPlan: Sendable, Equatable {
        /// The file name (`<name>.mdb`).
        public let file: String
        /// The completions and deletions, in the order they are written.
        public let operations: [Operation]
        /// The ids the file holds at the end, sorted by their bytes (as LMDB stores them).
        public var completed: [String] {
            var held = Set<String>()
            for operation in operations {
                if operation.completed { held.insert(operation.source) } else { held.remove(operation.source) }
            }
            return held.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    /// What the run writes: the writer files, and the Slurm shards.
    public struct Plan: Sendable, Equatable {
        /// Every writer file, in name order.
        public let writers: [WriterPlan]
        /// Shards with a completion manifest, ascending.
        public let completedShards: [Int]
        /// Shards with a failed-task marker and no manifest, ascending.
        public let failedShards: [Int]
        /// The failed-task markers, sorted.
        public let failedAttempts: [CuratorFailedAttempt]
        /// Every source id the writers hold at the end (the pipeline's union), sorted by bytes.
        public var union: [String] {
            Set(writers.flatMap(\.completed)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    /// The number of writers that complete something.
    var busyWriters: Int { writers - emptyWriters }

    /// Checks the parameters.
    /// - Throws: `RecorderError.invalidScenario` naming the parameter.
    public func validate() throws(RecorderError) {
        guard writers >= 1 else { throw .invalidScenario("at least one writer is needed") }
        guard (0...writers).contains(emptyWriters) else { throw .invalidScenario("empty writers must be between 0 and the writers") }
        guard sourcesPerWriter >= 0, deleted >= 0, positional >= 0, random >= 0 else {
            throw .invalidScenario("source counts cannot be negative")
        }
        guard positional + random <= sourcesPerWriter else {
            throw .invalidScenario("positional and random ids cannot outnumber the sources per writer")
        }
        guard (0...(sourcesPerWriter - positional - random)).contains(overlap) else {
            throw .invalidScenario("the overlap must be between 0 and the file-group sources per writer")
        }
        guard shards >= 0, minimumShardIndex >= 0, (0...shards).contains(failedShards) else {
            throw .invalidScenario("failed shards must be between 0 and the shards")
        }
    }

    /// The file of writer `index`: `node-<index>-<pid>.mdb`, the index zero-padded so that
    /// name order is writer order.
    public func writerFile(_ index: Int) -> String {
        let width = String(max(writers - 1, 0)).count
        let number = String(index)
        return "node-" + String(repeating: "0", count: width - number.count) + number + "-\(1001 + index).mdb"
    }

    /// Writer `index`'s completions and deletions, in write order.
    public func operations(writer index: Int) -> [Operation] {
        guard index < busyWriters else { return [] }
        let own = (0..<sourcesPerWriter).map { ownSource(writer: index, $0) }
        let late = (0..<deleted).map { fileGroupSource(busyWriters * sourcesPerWriter + index * deleted + $0) }
        let borrowed = index == 0 ? [] : (sourcesPerWriter - overlap..<sourcesPerWriter).map { ownSource(writer: index - 1, $0) }
        // The sources deleted later complete first; the late updates arrive half-way.
        let half = own.count / 2
        var operations = late.map { Operation(source: $0, completed: true) }
        operations += own[..<half].map { Operation(source: $0, completed: true) }
        operations += late.map { Operation(source: $0, completed: false) }
        operations += own[half...].map { Operation(source: $0, completed: true) }
        operations += borrowed.map { Operation(source: $0, completed: true) }
        return operations
    }

    /// What `write(to:)` writes, computed without writing.
    public func plan() -> Plan {
        let writerPlans = (0..<writers).map { WriterPlan(file: writerFile($0), operations: operations(writer: $0)) }
        let slurm = slurmPlan()
        return Plan(
            writers: writerPlans, completedShards: slurm.completed, failedShards: slurm.attempts.compactMap(\.shard),
            failedAttempts: slurm.attempts)
    }

    /// The shards with a completion manifest and the failed-task markers of the others.
    func slurmPlan() -> (completed: [Int], attempts: [CuratorFailedAttempt]) {
        var generator = SeededGenerator(seed: seed)
        var candidates = Array(minimumShardIndex..<minimumShardIndex + shards)
        candidates.shuffle(using: &generator)
        let failed = Set(candidates.prefix(failedShards))
        let attempts = failed.sorted().map { shard in
            CuratorFailedAttempt(
                attempt: .slurm(job: 9001, arrayTask: shard - minimumShardIndex, restart: 0, shard: shard))
        }
        return ((minimumShardIndex..<minimumShardIndex + shards).filter { !failed.contains($0) }, attempts)
    }

    /// The source id of a file group: the first 12 hex digits of SHA-256 over the group's
    /// paths, sorted, each followed by `|` (UTF-8).
    public static func sourceID(paths: [String]) -> String {
        let joined = paths.sorted().map { $0 + "|" }.joined()
        return CuratorManifests.hex(SHA256.digest(Array(joined.utf8)).prefix(6))
    }

    /// The file group behind source number `index`: one to three synthetic paths.
    public func paths(ofSource index: Int) -> [String] {
        let count = 1 + index % 3
        return (0..<count).map { "/datasets/run-\(seed)/part-\(index)-\($0).jsonl" }
    }

    private func fileGroupSource(_ index: Int) -> String { Self.sourceID(paths: paths(ofSource: index)) }

    private func ownSource(writer: Int, _ position: Int) -> String {
        if position < positional { return String(position) }
        if position < positional + random {
            var generator = SeededGenerator(seed: seed ^ UInt64(writer) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(position) << 40)
            let bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            return "r" + CuratorManifests.hex(bytes)
        }
        return fileGroupSource(writer * sourcesPerWriter + position)
    }
}

/// SplitMix64: a small seeded generator, so a run's names and ids depend only on its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension CuratorFailedAttempt {
    /// The shard of a Slurm attempt; `nil` for a local one.
    var shard: Int? {
        if case .slurm(_, _, _, let shard) = attempt { shard } else { nil }
    }
}

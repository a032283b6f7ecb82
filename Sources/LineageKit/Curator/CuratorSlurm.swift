import FoundationEssentials

/// The Slurm job-array state of a Curator checkpoint: `run.json`, the completion manifests
/// and what they leave missing, read as the pipeline's retry helper reads them.
public struct CuratorSlurm: Sendable, Equatable {
    /// The folder under `.nemo_curator_metadata/` holding the manifests.
    public static let folder = ".slurm_array_completion"
    /// The run manifest's file name.
    public static let runFile = "run.json"
    /// The completion manifests' name prefix (then 16 hex digits and `.json`).
    public static let manifestPrefix = "completed_slurm_array_"

    /// A manifest the retry helper treats as an error, and why.
    public struct Problem: Error, Sendable, Equatable {
        /// The manifest's file name.
        public let file: String
        /// Why it is rejected.
        public let reason: String
    }

    /// The first shard index of the logical run.
    public let minimumShardIndex: Int
    /// How many shards the run has (`minimumShardIndex ..< minimumShardIndex + totalShards`).
    public let totalShards: Int
    /// The shards with a valid completion manifest, ascending.
    public let completed: [Int]
    /// Expected shards without a valid completion manifest, ascending.
    public let missing: [Int]
    /// Manifests that are rejected (not counted as completed).
    public let problems: [Problem]

    /// Reads the manifests in `metadataDirectory/.slurm_array_completion/`; `nil` when there
    /// is no `run.json` (not a job array) or it cannot be used (`readResult` says why).
    public static func read(metadataDirectory: String) -> CuratorSlurm? {
        guard case .success(let slurm)? = readResult(metadataDirectory: metadataDirectory) else { return nil }
        return slurm
    }

    /// Reads the manifests: `nil` when there is no `run.json`, a failure when `run.json`
    /// cannot be used.
    public static func readResult(metadataDirectory: String) -> Result<CuratorSlurm, Problem>? {
        let folder = CuratorLocation.join(metadataDirectory, Self.folder)
        let runPath = CuratorLocation.join(folder, runFile)
        guard FileManager.default.fileExists(atPath: runPath) else { return nil }
        guard case .object(let runFields)? = CuratorJSON.read(path: runPath),
            let minimum = runFields["minimum_shard_index"]?.integer, let total = runFields["total_shards"]?.integer
        else {
            return .failure(Problem(file: runFile, reason: "not a JSON object with integer minimum_shard_index and total_shards"))
        }
        guard total > 0, minimum >= 0 else {
            return .failure(Problem(file: runFile, reason: "total_shards must be > 0 and minimum_shard_index >= 0"))
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(manifestPrefix) && $0.hasSuffix(".json") }.sorted()
        let expected = minimum..<(minimum + total)
        var done = Set<Int>()
        var problems: [Problem] = []
        for name in names {
            // Read as the pipeline's retry helper reads it (Python's json: 1.0 is no integer).
            guard case .object(let fields)? = CuratorJSON.read(path: CuratorLocation.join(folder, name)),
                case .string(let status)? = fields["status"], let shard = fields["shard_index"]?.integer,
                let manifestMinimum = fields["minimum_shard_index"]?.integer, let manifestTotal = fields["total_shards"]?.integer
            else {
                problems.append(Problem(file: name, reason: "not a completion manifest"))
                continue
            }
            if status != "completed" {
                problems.append(Problem(file: name, reason: "status is \"\(status)\", not \"completed\""))
            } else if manifestMinimum != minimum || manifestTotal != total {
                problems.append(Problem(file: name, reason: "identity disagrees with run.json"))
            } else if !expected.contains(shard) {
                problems.append(Problem(file: name, reason: "shard \(shard) outside \(expected)"))
            } else {
                done.insert(shard)
            }
        }
        let completed = done.sorted()
        let missing = expected.filter { !done.contains($0) }
        return .success(
            CuratorSlurm(minimumShardIndex: minimum, totalShards: total, completed: completed, missing: missing, problems: problems))
    }
}

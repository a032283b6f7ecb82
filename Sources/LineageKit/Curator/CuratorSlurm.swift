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
        let run: RunManifest
        do {
            run = try JSONDecoder().decode(RunManifest.self, from: try Data(contentsOf: URL(fileURLWithPath: runPath)))
        } catch {
            return .failure(Problem(file: runFile, reason: "not a run manifest: \(error)"))
        }
        guard run.total_shards > 0, run.minimum_shard_index >= 0 else {
            return .failure(Problem(file: runFile, reason: "total_shards must be > 0 and minimum_shard_index >= 0"))
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(manifestPrefix) && $0.hasSuffix(".json") }.sorted()
        let expected = run.minimum_shard_index..<(run.minimum_shard_index + run.total_shards)
        var done = Set<Int>()
        var problems: [Problem] = []
        for name in names {
            let manifest: ShardManifest
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: CuratorLocation.join(folder, name)))
                manifest = try JSONDecoder().decode(ShardManifest.self, from: data)
            } catch {
                problems.append(Problem(file: name, reason: "not a completion manifest"))
                continue
            }
            if manifest.status != "completed" {
                problems.append(Problem(file: name, reason: "status is \"\(manifest.status)\", not \"completed\""))
            } else if manifest.minimum_shard_index != run.minimum_shard_index || manifest.total_shards != run.total_shards {
                problems.append(Problem(file: name, reason: "identity disagrees with run.json"))
            } else if !expected.contains(manifest.shard_index) {
                problems.append(Problem(file: name, reason: "shard \(manifest.shard_index) outside \(expected)"))
            } else {
                done.insert(manifest.shard_index)
            }
        }
        let completed = done.sorted()
        let missing = expected.filter { !done.contains($0) }
        return .success(
            CuratorSlurm(
                minimumShardIndex: run.minimum_shard_index, totalShards: run.total_shards, completed: completed,
                missing: missing, problems: problems))
    }

    // Field names are the manifests' own keys.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    private struct RunManifest: Decodable {
        let minimum_shard_index: Int
        let total_shards: Int
    }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    private struct ShardManifest: Decodable {
        let minimum_shard_index: Int
        let shard_index: Int
        let status: String
        let total_shards: Int
    }
}

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
        /// Why it is rejected (the first of verify's findings on it that the retry helper
        /// also rejects; `Render/FindingPhrasing` words it).
        public let problem: Finding.Problem
    }

    /// The first shard index of the logical run.
    public let minimumShardIndex: Int
    /// How many shards the run has (`minimumShardIndex ..< minimumShardIndex + totalShards`).
    public let totalShards: Int
    /// The shards with a valid completion manifest, ascending.
    public let completed: [Int]
    /// Expected shards without a valid completion manifest, as ranges (never enumerated:
    /// `total_shards` is a number in a file).
    public let missing: ShardRanges
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
        let folder = PathJoin.join(metadataDirectory, Self.folder)
        let runPath = PathJoin.join(folder, runFile)
        guard FileManager.default.fileExists(atPath: runPath) else { return nil }
        // The rules are verify's (`SlurmChecks`), so status and verify never disagree.
        var runTally = Tally(.slurmRun, limit: 1)
        guard let run = SlurmChecks.checkRun(CuratorJSON.read(path: runPath), into: &runTally) else {
            return .failure(Problem(file: runFile, problem: runTally.examples.first?.problem ?? .notObject))
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(manifestPrefix) && $0.hasSuffix(".json") }.sorted()
        let expected = run.minimum..<(run.minimum + run.total)
        var done = Set<Int>()
        var problems: [Problem] = []
        for name in names {
            let json = CuratorJSON.read(path: PathJoin.join(folder, name))
            // Every finding on one manifest is kept (at most one per rule).
            var tally = Tally(.slurmManifests, limit: 16)
            SlurmChecks.checkManifest(json, name: name, run: run, into: &tally)
            // The retry helper does not check the file name's digest; only verify reports it.
            let rejection = tally.examples.first { finding in
                if case .nameDigest = finding.problem { false } else { true }
            }
            if let rejection {
                problems.append(Problem(file: name, problem: rejection.problem))
            } else if case .object(let fields)? = json, let shard = fields["shard_index"]?.integer {
                done.insert(shard)
            }
        }
        let completed = done.sorted()
        let missing = ShardRanges(expected, minus: done)
        return .success(
            CuratorSlurm(minimumShardIndex: run.minimum, totalShards: run.total, completed: completed, missing: missing, problems: problems))
    }

    /// The shards the completion manifests in `metadataDirectory` say finished, read
    /// without `run.json` (missing or unusable): every manifest that is a JSON object with
    /// `status` "completed" and an integer `shard_index`. What a failed attempt is held
    /// against when the run's shard range is unknown. Cost: one read per manifest file.
    public static func completedWithoutRun(metadataDirectory: String) -> Set<Int> {
        let folder = PathJoin.join(metadataDirectory, Self.folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(manifestPrefix) && $0.hasSuffix(".json") }
        var done = Set<Int>()
        for name in names {
            guard case .object(let fields)? = CuratorJSON.read(path: PathJoin.join(folder, name)),
                case .string("completed")? = fields["status"], let shard = fields["shard_index"]?.integer
            else { continue }
            done.insert(shard)
        }
        return done
    }

    /// The shard that processes the source `id` (its source task's `task_id`, the usual
    /// case): the first 16 hex digits of SHA-256 over the id's UTF-8, as an integer, modulo
    /// the run's shards, plus its first index (the pipeline's `slurm_array_shard_for_task`).
    public func shard(ofSource id: String) -> Int {
        let digest = SHA256.digest(Array(id.utf8))
        let high = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(high % UInt64(totalShards)) + minimumShardIndex
    }

    /// What the manifests say of `shard`: completed, or missing (to be resubmitted).
    public func state(of shard: Int) -> String { missing.contains(shard) ? "missing" : "completed" }
}

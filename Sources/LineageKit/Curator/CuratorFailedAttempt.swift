import FoundationEssentials

/// One failed-task marker: an attempt that produced at least one failed task, so its
/// shard wrote no completion manifest.
public struct CuratorFailedAttempt: Sendable, Equatable, Comparable {
    /// The folder under `.nemo_curator_metadata/` holding the markers.
    public static let folder = ".failed_tasks"
    /// The marker's file name.
    public static let markerFile = "failed_tasks.json"

    /// Where the attempt ran.
    public enum Attempt: Sendable, Equatable, Comparable {
        /// A Slurm array task: `slurm_job_<job>/array_task_<task>/restart_<n>/shard_<shard>/`.
        case slurm(job: Int, arrayTask: Int, restart: Int, shard: Int)
        /// A run outside a job array: `local_attempt_<32 hex>/`.
        case local(id: String)
    }

    /// The attempt the marker names.
    public let attempt: Attempt

    /// A marker for `attempt`.
    public init(attempt: Attempt) { self.attempt = attempt }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.attempt < rhs.attempt }

    /// Every marker under `metadataDirectory/.failed_tasks/`, sorted (Slurm attempts by
    /// job, task, restart, shard; then local ones). Folders not in the pipeline's layout
    /// are ignored.
    public static func read(metadataDirectory: String) -> [CuratorFailedAttempt] {
        let root = PathJoin.join(metadataDirectory, folder)
        var found: [CuratorFailedAttempt] = []
        for top in list(root) {
            let topPath = PathJoin.join(root, top)
            if let id = top.dropPrefix("local_attempt_") {
                if exists(PathJoin.join(topPath, markerFile)) { found.append(.init(attempt: .local(id: id))) }
                continue
            }
            guard let job = top.dropPrefix("slurm_job_").flatMap({ Int($0) }) else { continue }
            for taskName in list(topPath) {
                guard let task = taskName.dropPrefix("array_task_").flatMap({ Int($0) }) else { continue }
                let taskPath = PathJoin.join(topPath, taskName)
                for restartName in list(taskPath) {
                    guard let restart = restartName.dropPrefix("restart_").flatMap({ Int($0) }) else { continue }
                    let restartPath = PathJoin.join(taskPath, restartName)
                    for shardName in list(restartPath) {
                        guard let shard = shardName.dropPrefix("shard_").flatMap({ Int($0) }) else { continue }
                        let marker = PathJoin.join(PathJoin.join(restartPath, shardName), markerFile)
                        guard exists(marker) else { continue }
                        found.append(.init(attempt: .slurm(job: job, arrayTask: task, restart: restart, shard: shard)))
                    }
                }
            }
        }
        return found.sorted()
    }

    private static func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    private static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}

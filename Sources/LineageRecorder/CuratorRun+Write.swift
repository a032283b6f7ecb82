import FoundationEssentials
import LineageKit

extension CuratorRun {
    /// What `write(to:)` wrote, in counts (the content itself is `plan()`).
    public struct Summary: Sendable, Equatable {
        /// Writer files written.
        public let writers: Int
        /// Write transactions that completed a source.
        public let completions: Int
        /// Write transactions that deleted a source again.
        public let deletions: Int
        /// Completion manifests written.
        public let completedShards: Int
        /// Failed-task markers written.
        public let failedShards: Int
    }

    /// Writes the run into `directory/.nemo_curator_metadata/`: the writer files, one after
    /// the other, one write transaction per completion or deletion; then `run.json`, the
    /// completion manifests (each written atomically) and the failed-task markers.
    ///
    /// `directory` is created when missing and must otherwise be empty. Cost: one commit per
    /// operation (each flushed when `syncEachCommit`), so `writers x (sourcesPerWriter +
    /// overlap + 2 x deleted)` commits.
    /// - Throws: `RecorderError.invalidScenario`, `RecorderError.fileExists` when `directory`
    ///   exists and is not an empty directory, `RecorderError.fileSystem`, `LMDBError`.
    @discardableResult
    public func write(to directory: String, progress: ProgressHandler? = nil) throws -> Summary {
        try validate()
        try Self.claimDirectory(directory)
        let metadata = directory + "/" + CuratorLocation.metadataFolder
        try CuratorManifests.makeDirectory(metadata)
        var completions = 0
        var deletions = 0
        for index in 0..<writers {
            let file = try CuratorWriterFile(creating: metadata + "/" + writerFile(index), syncEachCommit: syncEachCommit)
            for operation in operations(writer: index) {
                if operation.completed {
                    try file.complete(operation.source)
                    completions += 1
                } else {
                    try file.uncomplete(operation.source)
                    deletions += 1
                }
            }
            try file.close()
            progress?(WorkProgress(phase: "writing writer files", done: index + 1, total: writers, unit: "writers"))
        }
        let shardsPlan = slurmPlan()
        if shards > 0 {
            try CuratorManifests.writeRun(metadataDirectory: metadata, minimumShardIndex: minimumShardIndex, totalShards: shards)
            for shard in shardsPlan.completed {
                try CuratorManifests.writeCompleted(
                    metadataDirectory: metadata, minimumShardIndex: minimumShardIndex, shard: shard, totalShards: shards)
            }
            for attempt in shardsPlan.attempts {
                guard case .slurm(let job, let task, let restart, let shard) = attempt.attempt else { continue }
                try CuratorManifests.writeFailedMarker(
                    metadataDirectory: metadata, job: job, arrayTask: task, restart: restart, shard: shard)
            }
        }
        return Summary(
            writers: writers, completions: completions, deletions: deletions, completedShards: shardsPlan.completed.count,
            failedShards: shardsPlan.attempts.count)
    }

    /// Creates `directory` (and its parents) or accepts it when it is an empty directory.
    static func claimDirectory(_ directory: String) throws(RecorderError) {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            try CuratorManifests.makeDirectory(directory)
            return
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [""]
        guard isDirectory, entries.isEmpty else { throw .fileExists(path: directory) }
    }
}

import FoundationEssentials
import LineageKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Slurm job-array files of a Curator checkpoint, written as the pipeline writes them:
/// `run.json`, one completion manifest per clean shard (atomically: a hidden temporary file,
/// then a rename) and the empty failed-task markers.
public enum CuratorManifests {
    /// `{"minimum_shard_index":M,"total_shards":N}` and a newline: compact JSON, sorted keys.
    public static func runJSON(minimumShardIndex: Int, totalShards: Int) -> String {
        "{\"minimum_shard_index\":\(minimumShardIndex),\"total_shards\":\(totalShards)}\n"
    }

    /// The identity a completion manifest's name is derived from (compact, sorted keys, no newline).
    public static func identityJSON(minimumShardIndex: Int, shard: Int, totalShards: Int) -> String {
        "{\"minimum_shard_index\":\(minimumShardIndex),\"shard_index\":\(shard),\"total_shards\":\(totalShards)}"
    }

    /// A shard's completion manifest: its identity with `"status":"completed"`, and a newline.
    public static func completedJSON(minimumShardIndex: Int, shard: Int, totalShards: Int) -> String {
        "{\"minimum_shard_index\":\(minimumShardIndex),\"shard_index\":\(shard),\"status\":\"completed\","
            + "\"total_shards\":\(totalShards)}\n"
    }

    /// `completed_slurm_array_<16 hex>.json`: the first 16 hex digits of SHA-256 of the identity.
    public static func completedName(minimumShardIndex: Int, shard: Int, totalShards: Int) -> String {
        let identity = identityJSON(minimumShardIndex: minimumShardIndex, shard: shard, totalShards: totalShards)
        let digest = SHA256.digest(Array(identity.utf8)).prefix(8)
        return CuratorSlurm.manifestPrefix + hex(digest) + ".json"
    }

    /// Writes `run.json` into `metadataDirectory/.slurm_array_completion/` (created if needed).
    /// - Throws: `RecorderError.fileSystem`.
    public static func writeRun(metadataDirectory: String, minimumShardIndex: Int, totalShards: Int) throws(RecorderError) {
        let folder = try slurmFolder(metadataDirectory)
        try writeAtomically(
            folder, CuratorSlurm.runFile, runJSON(minimumShardIndex: minimumShardIndex, totalShards: totalShards))
    }

    /// Writes the completion manifest of `shard`; returns its file name.
    /// - Throws: `RecorderError.fileSystem`.
    @discardableResult
    public static func writeCompleted(
        metadataDirectory: String, minimumShardIndex: Int, shard: Int, totalShards: Int
    ) throws(RecorderError) -> String {
        let folder = try slurmFolder(metadataDirectory)
        let name = completedName(minimumShardIndex: minimumShardIndex, shard: shard, totalShards: totalShards)
        try writeAtomically(folder, name, completedJSON(minimumShardIndex: minimumShardIndex, shard: shard, totalShards: totalShards))
        return name
    }

    /// Writes the empty marker `.failed_tasks/slurm_job_<job>/array_task_<t>/restart_<n>/shard_<s>/failed_tasks.json`.
    /// - Throws: `RecorderError.fileSystem`.
    public static func writeFailedMarker(
        metadataDirectory: String, job: Int, arrayTask: Int, restart: Int, shard: Int
    ) throws(RecorderError) {
        let folder = [
            metadataDirectory, CuratorFailedAttempt.folder, "slurm_job_\(job)", "array_task_\(arrayTask)",
            "restart_\(restart)", "shard_\(shard)",
        ].joined(separator: "/")
        try makeDirectory(folder)
        try writeFile(folder + "/" + CuratorFailedAttempt.markerFile, "", exclusive: false)
    }

    /// Creates `path` and its missing parents.
    static func makeDirectory(_ path: String) throws(RecorderError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(path: path, operation: "create the directory", errno: errno == 0 ? EIO : errno)
        }
    }

    private static func slurmFolder(_ metadataDirectory: String) throws(RecorderError) -> String {
        let folder = metadataDirectory + "/" + CuratorSlurm.folder
        try makeDirectory(folder)
        return folder
    }

    /// Writes `.name.<random>.tmp` beside `name`, then renames it over `name`, so a reader
    /// sees the old file or the whole new one (the pipeline's atomic write).
    private static func writeAtomically(_ folder: String, _ name: String, _ text: String) throws(RecorderError) {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789_".utf8)
        let random = String(decoding: (0..<8).map { _ in alphabet.randomElement() ?? UInt8(ascii: "x") }, as: UTF8.self)
        let temporary = "\(folder)/.\(name).\(random).tmp"
        try writeFile(temporary, text, exclusive: true)
        if rename(temporary, "\(folder)/\(name)") != 0 {
            let code = errno
            _ = unlink(temporary)
            throw .fileSystem(path: "\(folder)/\(name)", operation: "rename \(temporary) to", errno: code)
        }
    }

    private static func writeFile(_ path: String, _ text: String, exclusive: Bool) throws(RecorderError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | (exclusive ? O_EXCL : 0), 0o644)
        guard descriptor >= 0 else { throw .fileSystem(path: path, operation: "create", errno: errno) }
        defer { _ = close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return write(descriptor, base + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fileSystem(path: path, operation: "write", errno: errno)
            }
            written += count
        }
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

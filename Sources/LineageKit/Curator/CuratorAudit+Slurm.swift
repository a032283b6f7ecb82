import FoundationEssentials

/// The rules the pipeline's retry helper applies to the Slurm job-array manifests, shared
/// by `slurm-run` and `slurm-manifests` (`Curator/Checks/`) and `status`.
enum SlurmChecks {
    /// The identity fields of a completion manifest, in the sorted order its digest uses.
    static let identityFields = ["minimum_shard_index", "shard_index", "total_shards"]

    /// `run.json`: an object with integer fields, `total_shards` > 0, `minimum_shard_index` >= 0.
    /// Returns the run when it is usable.
    static func checkRun(_ json: CuratorJSON?, into tally: inout Tally) -> (minimum: Int, total: Int)? {
        let file = CuratorSlurm.runFile
        guard case .object(let fields)? = json else {
            tally.add(.notObject, file: file)
            return nil
        }
        let minimum = fields["minimum_shard_index"]?.integer
        let total = fields["total_shards"]?.integer
        if minimum == nil { tally.add(.notInteger(field: "minimum_shard_index"), file: file) }
        if total == nil { tally.add(.notInteger(field: "total_shards"), file: file) }
        guard let minimum, let total else { return nil }
        // The shards are minimum ..< minimum + total: past Int.max there is no such range.
        guard total > 0, minimum >= 0, !minimum.addingReportingOverflow(total).overflow else {
            tally.add(.runRange(minimumShardIndex: minimum, totalShards: total), file: file)
            return nil
        }
        return (minimum, total)
    }

    /// One completion manifest: an object, `status` "completed", integer identity fields
    /// equal to `run.json`'s, a shard in range, a file name carrying its identity's digest.
    static func checkManifest(_ json: CuratorJSON?, name: String, run: (minimum: Int, total: Int)?, into tally: inout Tally) {
        guard case .object(let fields)? = json else { return tally.add(.notObject, file: name) }
        if case .string(let status)? = fields["status"] {
            if status != "completed" { tally.add(.status(status), file: name) }
        } else {
            tally.add(.status(nil), file: name)
        }
        var identity: [String: Int] = [:]
        for field in identityFields {
            if let value = fields[field]?.integer { identity[field] = value } else { tally.add(.notInteger(field: field), file: name) }
        }
        guard let minimum = identity["minimum_shard_index"], let shard = identity["shard_index"], let total = identity["total_shards"]
        else { return }
        let expected = CuratorSlurm.manifestName(minimumShardIndex: minimum, shardIndex: shard, totalShards: total)
        if name != expected { tally.add(.nameDigest(expected: expected), file: name) }
        guard let run else { return }
        if minimum != run.minimum { tally.add(.identity(field: "minimum_shard_index", manifest: minimum, run: run.minimum), file: name) }
        if total != run.total { tally.add(.identity(field: "total_shards", manifest: total, run: run.total), file: name) }
        if !(run.minimum..<(run.minimum + run.total)).contains(shard) {
            tally.add(.shardRange(shard: shard, minimumShardIndex: run.minimum, totalShards: run.total), file: name)
        }
    }

}

extension CuratorSlurm {
    /// The file name the pipeline gives a shard's completion manifest:
    /// `completed_slurm_array_` + the first 16 hex digits of SHA-256 of the identity
    /// `{"minimum_shard_index":M,"shard_index":S,"total_shards":N}` (compact, sorted keys) + `.json`.
    public static func manifestName(minimumShardIndex: Int, shardIndex: Int, totalShards: Int) -> String {
        let identity = "{\"minimum_shard_index\":\(minimumShardIndex),\"shard_index\":\(shardIndex),\"total_shards\":\(totalShards)}"
        let digest = SHA256.digest(Array(identity.utf8)).prefix(8)
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return manifestPrefix + hex.joined() + ".json"
    }
}

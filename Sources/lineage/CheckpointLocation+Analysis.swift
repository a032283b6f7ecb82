import ArgumentParser
import LineageKit

extension CheckpointLocation {
    /// Runs a whole-file analysis (`status`, `stats`) on the checkpoint: the library reads
    /// it through the structure walk, never liblmdb; a read the pipeline tore is retried
    /// (`consistently`, with `others` checked too).
    /// - Throws: what `body` throws, as `CheckpointFromEnvironment` when the path came from
    ///   `LINEAGE_CHECKPOINT`, or `CheckpointBusy`.
    func analyse<T>(others: [String] = [], _ body: (String) throws(CheckpointError) -> T) throws -> ConsistentAnswer<T> {
        CrashGuard.arm(reading: path)
        do {
            return try consistently(others: others) { try body(path) }
        } catch let error as CheckpointError {
            let refined = Self.dagReadError(error)
            guard refined is CheckpointError, origin == .environment, error.path == path else { throw refined }
            throw CheckpointFromEnvironment(error: error)
        }
    }
}

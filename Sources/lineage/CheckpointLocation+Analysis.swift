import ArgumentParser
import LineageKit

extension CheckpointLocation {
    /// Runs a whole-file analysis (`status`, `stats`) on the checkpoint: the library reads
    /// it through the structure walk, never liblmdb.
    /// - Throws: what `body` throws, as `CheckpointFromEnvironment` when the path came from
    ///   `LINEAGE_CHECKPOINT`.
    func analyse<T>(_ body: (String) throws(CheckpointError) -> T) throws -> T {
        CrashGuard.arm(reading: path)
        do {
            return try body(path)
        } catch  where origin == .environment {
            throw CheckpointFromEnvironment(error: error)
        }
    }
}

/// The formats of the commands that print one report (`status`, `stats`).
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

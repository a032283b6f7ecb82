import LineageKit

/// What ends `lineage watch` other than the checkpoint's own errors.
enum WatchFailure: Error, Equatable, CustomStringConvertible {
    /// The totals could not be read from a read the transaction ids prove stable.
    case unreadable(path: String, reason: String)
    /// The checkpoint was there at an earlier snapshot and is no longer.
    case gone(path: String)
    /// `--until-complete` on a checkpoint that cannot say when it is complete.
    case noTotal(path: String)
    /// The `--output` file could not be written.
    case cannotWrite(path: String, reason: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "\(Escaping.text(path)) \(reason); check it with lineage verify."
        case .gone(let path):
            "\(Escaping.text(path)) no longer exists (it was there at an earlier snapshot); check the path, or whether the run was moved or cleaned up."
        case .noTotal(let path):
            "\(Escaping.text(path)) cannot say when it is complete (no Slurm run.json): give the rerun's inputs with --groups or --files to wait on them."
        case .cannotWrite(let path, let reason):
            "cannot write \(Escaping.text(path)) (\(reason)); give --output a file in a folder you can write."
        }
    }

    var exitCode: Int32 {
        switch self {
        case .unreadable, .gone, .cannotWrite: ExitStatus.unreadable
        case .noTotal: ExitStatus.usage
        }
    }
}

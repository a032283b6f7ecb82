/// Why a checkpoint could not be opened or read. Each description is a sentence a
/// user can act on, naming the file.
public enum CheckpointError: Error, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case missing(path: String)
    /// The path exists but cannot be read (permissions, I/O error).
    case unreadable(path: String, reason: String)
    /// The file is not an LMDB environment, or is damaged so that reading it is unsafe.
    case notCheckpoint(path: String, reason: String)
    /// The path is not a checkpoint file at all (a directory without `data.mdb`, a device).
    case notAFile(path: String, reason: String)
    /// A sub-database the command needs is absent.
    case missingDatabase(path: String, name: String)
    /// A sub-database exists but with the wrong flags.
    case wrongFlags(path: String, name: String)
    /// liblmdb failed while reading a file that passed the pre-flight check.
    case readFailed(path: String, error: LMDBError)

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no such file; pass the checkpoint with -c PATH or set LINEAGE_CHECKPOINT."
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason)); check the path and its permissions."
        case .notCheckpoint(let path, let reason):
            return "\(path): not a readable LMDB checkpoint (\(reason)); run `lineage verify \(path)` for a full report."
        case .notAFile(let path, let reason):
            return "\(path) is \(reason); pass the checkpoint file itself (or a directory holding its data.mdb)."
        case .missingDatabase(let path, let name):
            return
                "\(path): the checkpoint has no `\(name)` sub-database; it was not written by the lineage checkpoint writer or is damaged (run `lineage verify \(path)`)."
        case .wrongFlags(let path, let name):
            return "\(path): the `\(name)` sub-database has the wrong flags; run `lineage verify \(path)` for details."
        case .readFailed(let path, let error):
            return "\(path): reading failed (\(error)); the file may be damaged or still being written, run `lineage verify \(path)`."
        }
    }
}

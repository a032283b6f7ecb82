/// Why a checkpoint could not be opened or read: a typed value to switch over. Its
/// `description` states the fact and names the file; advice belongs to the caller.
public enum CheckpointError: Error, Equatable, Sendable, CustomStringConvertible {
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

    /// The checkpoint the error is about, as the caller named it.
    public var path: String {
        switch self {
        case .missing(let path), .unreadable(let path, _), .notCheckpoint(let path, _), .notAFile(let path, _),
            .missingDatabase(let path, _), .wrongFlags(let path, _), .readFailed(let path, _):
            path
        }
    }

    /// What is wrong, naming the file; what to do about it is the caller's to say.
    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file."
        case .unreadable(let path, let reason): "\(path): cannot be read (\(reason))."
        case .notCheckpoint(let path, let reason): "\(path): not a readable LMDB checkpoint (\(reason))."
        case .notAFile(let path, let reason): "\(path) is \(reason)."
        case .missingDatabase(let path, let name): "\(path): the checkpoint has no `\(name)` sub-database."
        case .wrongFlags(let path, let name): "\(path): the `\(name)` sub-database has the wrong flags."
        case .readFailed(let path, let error): "\(path): reading failed (\(error))."
        }
    }
}

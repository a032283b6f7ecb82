/// Why a checkpoint could not be opened or read: a typed value to switch over. Its
/// `description` (worded in `Render/`) states the fact and names the file; advice
/// belongs to the caller.
public enum CheckpointError: Error, Equatable, Sendable {
    /// Nothing exists at the path.
    case missing(path: String)
    /// The path exists but cannot be read (permissions, I/O error).
    case unreadable(path: String, reason: String)
    /// The file is not an LMDB environment, or is damaged so that reading it is unsafe.
    case notCheckpoint(path: String, reason: NotCheckpointReason)
    /// The path is not a checkpoint file at all (a directory without `data.mdb`, a device).
    case notAFile(path: String, reason: NotAFileReason)
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

    /// Why a file is not a readable LMDB checkpoint.
    public enum NotCheckpointReason: Sendable, Equatable {
        /// Not an LMDB file at all (empty, too short, no LMDB meta page where one must
        /// be): the finding of the pre-flight check that says so.
        case notLMDB(StructureFinding)
        /// The pre-flight check of the meta pages and the size found this damage.
        case damaged(StructureFinding)
        /// No valid LMDB meta page (an empty or foreign file).
        case noMetaPage
        /// An LMDB data version this reader does not support.
        case unsupportedVersion
    }

    /// Why a path is not a checkpoint file.
    public enum NotAFileReason: Sendable, Equatable {
        /// A directory without a `data.mdb` file.
        case directoryWithoutData
        /// A device, socket or other file that is not a regular file.
        case notRegularFile
    }
}

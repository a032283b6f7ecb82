/// A task-lineage checkpoint opened for reading: an LMDB file with the four
/// sub-databases `in_edges`, `out_edges`, `task_type` and `completed`.
///
/// Opening never creates, locks or modifies anything: no `-lock` file, no change to
/// the bytes or the mtime, and it works on a read-only file in a read-only directory.
/// Both layouts are accepted: the pipeline's single file, and a directory holding
/// `data.mdb`.
public final class Checkpoint {
    /// The path the user gave.
    public let path: String
    /// The data file actually read (`path`, or `path/data.mdb` for a directory).
    public let dataFile: String
    private let environment: LMDBEnvironment

    /// Opens `path` read-only after a cheap check of its meta pages and size, so that a
    /// truncated, empty or foreign file is refused before liblmdb maps it.
    ///
    /// Throws `CheckpointError` (missing, unreadable, not a checkpoint).
    public init(path: String) throws(CheckpointError) {
        self.path = path
        // MappedFile resolves the layout (a directory means its data.mdb) and says why a
        // path cannot be read; the meta check then decides whether liblmdb may map it.
        let file = try MappedFile.checkpoint(path)
        dataFile = file.path
        let isDirectory = file.path != path
        let check = MetaCheck(file: file)
        if let reason = check.notCheckpointReason { throw .notCheckpoint(path: path, reason: reason) }
        do {
            environment = try LMDBEnvironment(readOnlyAt: path, subdirectory: isDirectory)
        } catch {
            switch error.kind {
            case .notLMDB: throw .notCheckpoint(path: path, reason: .noMetaPage)
            case .versionMismatch: throw .notCheckpoint(path: path, reason: .unsupportedVersion)
            case .permissionDenied: throw .unreadable(path: path, reason: error.message)
            case .mapFull, .other: throw .readFailed(path: path, error: error)
            }
        }
    }

    /// Runs `body` in one read transaction over the checkpoint.
    ///
    /// Everything `body` sees is one consistent snapshot; zero-copy bytes handed out
    /// by the reader are valid only inside `body`.
    public func read<T>(_ body: (CheckpointReader) throws -> T) throws -> T {
        do {
            return try environment.read { txn in try body(CheckpointReader(transaction: txn, path: path)) }
        } catch let error as LMDBError {
            throw CheckpointError.readFailed(path: path, error: error)
        }
    }
}

extension MetaCheck {
    /// Why the meta pages do not let liblmdb open the file, or `nil` when they do:
    /// `.notLMDB` when nothing where LMDB keeps its meta pages says LMDB (empty, too
    /// short, no meta page flag and magic number), else `.damaged` with the first finding.
    package var notCheckpointReason: CheckpointError.NotCheckpointReason? {
        if isSound { return nil }
        guard let first = findings.first else { return .noMetaPage }
        let foreign =
            meta == nil && !pagesLookLMDB
            && findings.allSatisfy { finding in
                switch finding.detail {
                case .fileEmpty, .fileTooSmall, .metaPagePastEnd, .noMetaAtAnyPageSize, .notMetaPage, .badMagic: true
                default: false
                }
            }
        return foreign ? .notLMDB(first) : .damaged(first)
    }
}

extension CheckpointError: CustomStringConvertible {
    /// What is wrong, naming the file; what to do about it is the caller's to say.
    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file."
        case .unreadable(let path, let reason): "\(path): cannot be read (\(reason))."
        case .notCheckpoint(let path, .notLMDB(let finding)): "\(path): not an LMDB file (\(Self.foreign(finding)))."
        case .notCheckpoint(let path, let reason): "\(path): not a readable LMDB checkpoint (\(reason.description))."
        case .notAFile(let path, let reason): "\(path) is \(reason.description)."
        case .missingDatabase(let path, let name): "\(path): the checkpoint has no `\(name)` sub-database."
        case .wrongFlags(let path, let name): "\(path): the `\(name)` sub-database has the wrong flags."
        case .readFailed(let path, let error): "\(path): reading failed (\(error))."
        }
    }
}

extension CheckpointError {
    /// Why a file is not LMDB: its size when that says it, else the missing meta page
    /// (the meta check's details about flags and magic numbers say nothing more useful).
    static func foreign(_ finding: StructureFinding) -> String {
        switch finding.detail {
        case .fileEmpty, .fileTooSmall: StructurePhrasing.describe(finding)
        default: "it does not start with an LMDB meta page"
        }
    }
}

extension CheckpointError.NotCheckpointReason: CustomStringConvertible {
    /// The reason as the clause inside the error's parentheses.
    public var description: String {
        switch self {
        case .damaged(let finding): StructurePhrasing.located(finding)
        case .notLMDB(let finding): "not LMDB: \(CheckpointError.foreign(finding))"
        case .noMetaPage: "no LMDB meta page"
        case .unsupportedVersion: "an LMDB version this reader does not support"
        }
    }
}

extension CheckpointError.NotAFileReason: CustomStringConvertible {
    /// The reason as the predicate of "PATH is ...".
    public var description: String {
        switch self {
        case .directoryWithoutData: "a directory without a data.mdb file"
        case .notRegularFile: "not a regular file"
        }
    }
}

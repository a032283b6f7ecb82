extension CheckpointError {
    /// The reading error for a file that could not be opened or mapped.
    init(_ error: MappedFileError, displayPath: String) {
        switch error.reason {
        case .notFound: self = .missing(path: displayPath)
        case .permissionDenied: self = .unreadable(path: displayPath, reason: "permission denied")
        case .directoryWithoutData: self = .notAFile(path: displayPath, reason: .directoryWithoutData)
        case .notRegularFile: self = .notAFile(path: displayPath, reason: .notRegularFile)
        case .system: self = .unreadable(path: displayPath, reason: error.description)
        }
    }
}

extension MappedFile {
    /// Maps the checkpoint file at `path` (or its directory's `data.mdb`), read-only, with
    /// the failure as the `CheckpointError` every reading command reports.
    static func checkpoint(_ path: String) throws(CheckpointError) -> MappedFile {
        do {
            return try MappedFile(path: path)
        } catch {
            throw CheckpointError(error, displayPath: path)
        }
    }
}

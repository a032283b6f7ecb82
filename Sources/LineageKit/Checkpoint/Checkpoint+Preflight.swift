extension CheckpointError {
    /// The reading error for a file that could not be opened or mapped.
    init(_ error: MappedFileError, displayPath: String) {
        switch error.reason {
        case .notFound: self = .missing(path: displayPath)
        case .permissionDenied: self = .unreadable(path: displayPath, reason: "permission denied")
        case .directoryWithoutData: self = .notAFile(path: displayPath, reason: "a directory without a data.mdb file")
        case .notRegularFile: self = .notAFile(path: displayPath, reason: "not a regular file")
        case .system: self = .unreadable(path: displayPath, reason: error.description)
        }
    }
}

extension Checkpoint {
    /// The cheap look at the meta pages every command takes before liblmdb maps the
    /// file: a file shorter than its newest meta page says, or with no valid meta page,
    /// would make liblmdb fault or misread. Returns what is wrong, or `nil`.
    /// Reads two pages; never trusts a number from the file without a bounds check.
    static func preflight(dataFile: String, displayPath: String) throws(CheckpointError) -> String? {
        let file: MappedFile
        do {
            file = try MappedFile(path: dataFile)
        } catch {
            throw CheckpointError(error, displayPath: displayPath)
        }
        let check = MetaCheck(file: file)
        if check.isSound { return nil }
        return check.findings.first?.message ?? "no valid LMDB meta page"
    }
}

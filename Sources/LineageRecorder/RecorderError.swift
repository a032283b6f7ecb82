#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the recorder could not create or write a checkpoint (liblmdb's own failures are `LMDBError`).
public enum RecorderError: Error, Equatable, CustomStringConvertible {
    /// The target file exists and the caller did not ask to overwrite it.
    case fileExists(path: String)
    /// The target path names something other than a regular file (a directory, say).
    case notARegularFile(path: String)
    /// Creating or removing a file failed with `errno`.
    case fileSystem(path: String, operation: String, errno: Int32)
    /// A sub-database name that the writer was not opened with.
    case unknownDatabase(name: String, known: [String])
    /// The writer was used after `close()`.
    case closed(path: String)
    /// A scenario parameter is out of range.
    case invalidScenario(String)

    /// A sentence naming the file or database involved and what to do about it.
    public var description: String {
        switch self {
        case .fileExists(let path):
            "\(path) already exists; refusing to overwrite it (pass overwrite: true to replace it)"
        case .notARegularFile(let path):
            "\(path) exists and is not a regular file; a checkpoint is a single file"
        case .fileSystem(let path, let operation, let code):
            "cannot \(operation) \(path): \(String(cString: strerror(code))) (errno \(code))"
        case .unknownDatabase(let name, let known):
            "no sub-database named '\(name)' in this writer; it was opened with \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case .closed(let path):
            "the checkpoint writer for \(path) was already closed"
        case .invalidScenario(let reason):
            "invalid scenario: \(reason)"
        }
    }
}

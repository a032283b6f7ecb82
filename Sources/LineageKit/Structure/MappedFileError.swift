#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a checkpoint file could not be opened for reading.
public struct MappedFileError: Error, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Reason: Equatable, Sendable {
        /// Nothing exists at the path.
        case notFound
        /// The file exists but this process may not read it.
        case permissionDenied
        /// The path is a directory that holds no `data.mdb`.
        case directoryWithoutData
        /// The path is neither a regular file nor a directory (a device, a socket, ...).
        case notRegularFile
        /// Any other system error, with its `errno`.
        case system(Int32)
    }

    /// The path that failed.
    public let path: String
    /// What went wrong.
    public let reason: Reason

    /// Makes an error for `path`.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        switch code {
        case ENOENT, ENOTDIR: self.init(path: path, reason: .notFound)
        case EACCES, EPERM: self.init(path: path, reason: .permissionDenied)
        default: self.init(path: path, reason: .system(code))
        }
    }

    /// One sentence naming the file and what to check.
    public var description: String {
        switch reason {
        case .notFound:
            return "No checkpoint file exists at \(path)."
        case .permissionDenied:
            return "The checkpoint file \(path) is not readable by this user."
        case .directoryWithoutData:
            return "\(path) is a directory without a data.mdb file in it."
        case .notRegularFile:
            return "\(path) is not a regular file."
        case .system(let code):
            return "Cannot read the checkpoint file \(path): \(String(cString: strerror(code)))."
        }
    }
}

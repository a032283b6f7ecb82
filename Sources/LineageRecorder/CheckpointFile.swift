#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Claims the path a new checkpoint will live at, before liblmdb opens it.
///
/// liblmdb opens with `O_CREAT` but not `O_EXCL`, so the refusal to overwrite is made
/// here, atomically: an empty file created with `O_EXCL` is what liblmdb then
/// initialises as a new environment.
enum CheckpointFile {
    /// Creates an empty file at `path` (replacing a regular file there when `overwrite`)
    /// and removes a stale `path-lock` left by a tool that opened the file with a lock.
    static func claim(_ path: String, overwrite: Bool) throws(RecorderError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
            guard overwrite else { throw .fileExists(path: path) }
            try remove(path)
        }
        try removeIfPresent(path + "-lock")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if descriptor < 0 {
            let code = errno
            throw code == EEXIST ? .fileExists(path: path) : .fileSystem(path: path, operation: "create", errno: code)
        }
        _ = close(descriptor)
    }

    /// Removes `path` if it exists; a missing file is not an error.
    static func removeIfPresent(_ path: String) throws(RecorderError) {
        guard unlink(path) != 0 else { return }
        let code = errno
        if code != ENOENT { throw .fileSystem(path: path, operation: "remove", errno: code) }
    }

    private static func remove(_ path: String) throws(RecorderError) {
        if unlink(path) != 0 { throw .fileSystem(path: path, operation: "remove", errno: errno) }
    }
}

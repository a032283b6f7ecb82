#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A checkpoint file mapped read-only into memory, the byte source of the structure walker.
///
/// Opening never creates, locks or modifies anything: the file is opened `O_RDONLY`
/// and mapped `PROT_READ`/`MAP_PRIVATE` over exactly its size. A zero-length file is
/// not mapped and exposes an empty buffer. The mapping lives as long as the object.
///
/// The object is immutable after `init`, so it is shared freely between threads.
/// A file truncated by another process *while* mapped can still fault on access;
/// that is a property of `mmap`, not of this type.
public final class MappedFile: @unchecked Sendable {
    /// The path of the data file that was opened (`PATH/data.mdb` when a directory was given).
    public let path: String
    /// The file's bytes, valid for the lifetime of this object.
    public let bytes: UnsafeRawBufferPointer

    private enum Ownership {
        case none
        case mapped
        case allocated
    }
    private let ownership: Ownership

    /// Opens and maps `path` read-only; a directory is read as `PATH/data.mdb`.
    ///
    /// - Throws: `MappedFileError` when the path is missing, unreadable, not a
    ///   regular file, or cannot be mapped. Costs one `open`, `fstat` and `mmap`.
    public init(path: String) throws(MappedFileError) {
        var target = path
        var info = stat()
        if stat(path, &info) != 0 {
            throw MappedFileError(path: path, errno: errno)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            target = PathJoin.join(path, "data.mdb")
            if stat(target, &info) != 0 {
                throw MappedFileError(path: path, reason: .directoryWithoutData)
            }
        }
        let fd = open(target, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw MappedFileError(path: target, errno: errno)
        }
        defer { close(fd) }
        if fstat(fd, &info) != 0 {
            throw MappedFileError(path: target, errno: errno)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw MappedFileError(path: target, reason: .notRegularFile)
        }
        let size = Int(info.st_size)
        self.path = target
        if size <= 0 {
            self.bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            self.ownership = .none
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw MappedFileError(path: target, errno: errno)
        }
        self.bytes = UnsafeRawBufferPointer(start: address, count: size)
        self.ownership = .mapped
    }

    /// Holds a private copy of `contents`, for walking bytes that are not in a file (tests, fuzzing).
    ///
    /// Costs one allocation and copy of `contents.count` bytes.
    public init(copying contents: some Collection<UInt8>, name: String = "<memory>") {
        self.path = name
        let count = contents.count
        if count == 0 {
            self.bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            self.ownership = .none
            return
        }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        _ = storage.initializeMemory(as: UInt8.self, from: contents)
        self.bytes = UnsafeRawBufferPointer(storage)
        self.ownership = .allocated
    }

    /// Drops the page-table entries of a mapped file's pages, keeping the mapping: later
    /// reads fault the pages in again from the page cache. Lets an otherwise idle thread
    /// pay most of the unmapping cost while another works. No effect on copied bytes.
    func releasePages() {
        guard ownership == .mapped, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), bytes.count, MADV_DONTNEED)
    }

    deinit {
        switch ownership {
        case .none:
            break
        case .mapped:
            if let base = bytes.baseAddress {
                munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
            }
        case .allocated:
            UnsafeMutableRawBufferPointer(mutating: bytes).deallocate()
        }
    }
}

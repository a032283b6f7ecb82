#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the named databases' own records say of themselves in the newest committed
/// state: their entry counts (every duplicate counts), read with a few `pread`s from the
/// newest meta page through the main database's pages, never touching the data pages.
///
/// A monitor's totals: tasks recorded (`task_type`), completed (`completed`), edges
/// (`out_edges`); a Curator writer file's completed sources (`completed_sources`). The
/// read lasts microseconds, so beside a writer committing hundreds of transactions a
/// second it is practically always consistent (`ReadWindow`), where a whole-file read
/// is not (`Docs/Concurrency.md`). The counts are LMDB's own bookkeeping: on a sound file
/// they equal what a walk counts (`verify`'s `entry-count` check holds them to it).
public struct RecordTotals: Sendable, Equatable {
    /// The transaction whose state was read (the newer valid meta page).
    public let txnid: UInt64
    /// The data file's size in bytes when it was read.
    public let fileSize: Int
    /// The data file's modification time, seconds since the epoch.
    public let modified: Double
    /// Each named database the main database lists, by name (bytes as UTF-8, lossy).
    public let records: [String: DatabaseRecord]

    /// The entry count of the named database `name`; `nil` when the file has no such database.
    public func entries(_ name: String) -> Int? { records[name].map { Int(clamping: $0.entries) } }

    /// Why the records could not be read: the file is missing, not LMDB, or a page on the
    /// way is not what the meta page says. One clause, for "PATH: CLAUSE".
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The most main-database pages one read visits: the pipeline's main database holds
    /// four records (one for a Curator writer file), a single leaf page.
    static let pageLimit = 256

    /// Reads the records of the checkpoint at `path` (`path/data.mdb` for a directory)
    /// once, with no check of a writer: `readConsistently` is the one to call beside one.
    /// - Throws: `Problem` when the file cannot be read or a page is not as described.
    public static func read(path: String) throws(Problem) -> RecordTotals {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Problem(description: "cannot be read (\(String(cString: strerror(errno))))") }
        let target = (info.st_mode & S_IFMT) == S_IFDIR ? PathJoin.join(path, "data.mdb") : path
        let fd = open(target, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Problem(description: "cannot be opened (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw Problem(description: "is not a regular file") }
        let fileSize = Int(info.st_size)
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        let meta = try newestMeta(fd: fd)
        // A committed state's pages are all written before its meta page: fewer in the file is truncation.
        let pages = UInt64(fileSize / meta.pageSize)
        guard meta.lastPage < pages else {
            throw Problem(description: "looks truncated (its meta page says \(meta.lastPage &+ 1) pages, the file holds \(pages))")
        }
        var records: [String: DatabaseRecord] = [:]
        if !meta.main.isEmpty {
            try collect(fd: fd, root: meta.main.root, pageSize: meta.pageSize, fileSize: fileSize, into: &records)
        }
        return RecordTotals(txnid: meta.txnid, fileSize: fileSize, modified: modified, records: records)
    }

    /// The newer of the two valid meta pages.
    private static func newestMeta(fd: Int32) throws(Problem) -> MetaCheck.RawMeta {
        let length = Layout.metaOffset + Layout.metaSize
        var buffer = [UInt8](repeating: 0, count: length)
        func meta(at offset: Int, page: Int) -> MetaCheck.RawMeta? {
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
            guard got == length else { return nil }
            return buffer.withUnsafeBytes { raw -> MetaCheck.RawMeta? in
                guard let base = raw.baseAddress,
                    case .valid(let meta) = MetaCheck.readMeta(base: base, length: length, page: page, offset: 0)
                else { return nil }
                return meta
            }
        }
        let first = meta(at: 0, page: 0)
        let second = meta(at: first?.pageSize ?? 4096, page: 1)
        switch (first, second) {
        case (let a?, let b?): return a.txnid >= b.txnid ? a : b
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (nil, nil): throw Problem(description: "is not an LMDB file (no valid meta page)")
        }
    }

    /// Reads the main database's pages from `root` down, keeping each named database record.
    private static func collect(
        fd: Int32, root: UInt64, pageSize: Int, fileSize: Int, into records: inout [String: DatabaseRecord]
    ) throws(Problem) {
        let page = UnsafeMutableRawPointer.allocate(byteCount: pageSize, alignment: 16)
        defer { page.deallocate() }
        var pending: [(pgno: UInt64, level: Int)] = [(root, 1)]
        var visited = 0
        while let (pgno, level) = pending.popLast() {
            visited += 1
            guard visited <= pageLimit, level <= Layout.maxDepth else {
                throw Problem(description: "has a main database of more than \(pageLimit) pages or \(Layout.maxDepth) levels")
            }
            guard pgno >= Layout.metaPageCount, pgno < UInt64(fileSize / pageSize) else {
                throw Problem(description: "names main-database page \(pgno), outside the file's \(fileSize / pageSize) pages")
            }
            guard pread(fd, page, pageSize, off_t(Int(pgno) * pageSize)) == pageSize else {
                throw Problem(description: "could not be read at page \(pgno) (\(String(cString: strerror(errno))))")
            }
            let base = UnsafeRawPointer(page)
            let flags = base.u16(PageField.flags)
            let nodes = NodeReader(base, size: pageSize)
            guard flags & (PageFlag.branch | PageFlag.leaf) != 0, flags & PageFlag.leaf2 == 0, nodes.hasSoundBounds(fixedSize: false) else {
                throw Problem(description: "has main-database page \(pgno) that is not a sound branch or leaf page")
            }
            for index in 0..<nodes.count {
                guard let offset = nodes.nodeOffset(index), let key = nodes.key(at: offset) else {
                    throw Problem(description: "has node \(index) of main-database page \(pgno) outside its page")
                }
                if flags & PageFlag.branch != 0 {
                    let child =
                        UInt64(base.u16(offset + NodeField.low)) | UInt64(base.u16(offset + NodeField.high)) << 16
                        | UInt64(base.u16(offset + NodeField.flags)) << 32
                    pending.append((child, level + 1))
                    continue
                }
                let dataSize = Int(base.u16(offset + NodeField.low)) | Int(base.u16(offset + NodeField.high)) << 16
                let dataStart = offset + Layout.nodeHeaderSize + key.count
                guard base.u16(offset + NodeField.flags) & NodeFlag.subData != 0, dataSize == Layout.recordSize,
                    dataStart + dataSize <= pageSize
                else { continue }
                records[String(decoding: key.buffer, as: UTF8.self)] = DatabaseRecord(at: base, offset: dataStart)
            }
        }
    }
}

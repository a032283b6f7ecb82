#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The transaction ids of a file's two meta pages and the file's size at one moment,
/// read with `pread` rather than through a mapping, so that each look is fresh.
///
/// Taken before and after a read of a checkpoint that a writer may be changing, two
/// snapshots tell whether the read saw one consistent state (`ReadConsistency`).
public struct MetaSnapshot: Sendable, Equatable {
    /// The transaction id of meta page 0, or `nil` when that page is not a valid meta page.
    public let first: UInt64?
    /// The transaction id of meta page 1, or `nil` when that page is not a valid meta page.
    public let second: UInt64?
    /// The data file's size in bytes.
    public let fileSize: Int

    /// A snapshot made of known values (tests, callers that read the pages themselves).
    public init(first: UInt64?, second: UInt64?, fileSize: Int) {
        self.first = first
        self.second = second
        self.fileSize = fileSize
    }

    /// The newest committed transaction, as a reader that starts now would choose it
    /// (the larger of the two ids); `nil` when neither meta page is valid.
    public var txnid: UInt64? {
        switch (first, second) {
        case (let a?, let b?): max(a, b)
        case (let a?, nil): a
        case (nil, let b?): b
        case (nil, nil): nil
        }
    }

    /// Reads the meta pages of the checkpoint at `path` (`path/data.mdb` for a directory).
    ///
    /// Returns `nil` when the file cannot be opened or holds no valid meta page at all:
    /// there is no writer state to compare, and the read that follows says why.
    /// Costs one `open`, one `fstat` and two or three `pread`s of under 200 bytes.
    public static func read(path: String) -> MetaSnapshot? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let target =
            (info.st_mode & S_IFMT) == S_IFDIR ? PathJoin.join(path, "data.mdb") : path
        let fd = open(target, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        let page0 = readMeta(fd: fd, offset: 0)
        // Meta page 1 starts one page in; the page size is recorded in either meta page.
        var page1: Meta?
        for pageSize in [page0?.pageSize, Self.commonPageSize].compactMap({ $0 }) {
            page1 = readMeta(fd: fd, offset: pageSize)
            if page1 != nil { break }
        }
        if page0 == nil, page1 == nil { return nil }
        return MetaSnapshot(first: page0?.txnid, second: page1?.txnid, fileSize: size)
    }

    private static let commonPageSize = 4096

    /// The bytes `newestTxnid(dataFile:scratch:)` needs as scratch space.
    package static let scratchSize = Layout.metaOffset + Layout.metaSize

    /// The newest transaction id and the size of the data file `dataFile`, without
    /// allocating: only `open`, `fstat`, `pread` and `close`, which a signal handler may
    /// call. `nil` when the file or both its meta pages cannot be read.
    package static func newestTxnid(
        dataFile: UnsafePointer<CChar>, scratch: UnsafeMutableRawPointer
    ) -> (txnid: UInt64, fileSize: Int)? {
        let fd = open(dataFile, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var newest: UInt64?
        var pageSize = commonPageSize
        for index in 0..<2 {
            let offset = index * pageSize
            guard pread(fd, scratch, scratchSize, off_t(offset)) == scratchSize else { continue }
            if case .valid(let meta) = MetaCheck.readMeta(base: scratch, length: scratchSize, page: 0, offset: 0) {
                newest = max(newest ?? 0, meta.txnid)
                if index == 0 { pageSize = meta.pageSize }
            }
        }
        return newest.map { ($0, Int(info.st_size)) }
    }

    private struct Meta {
        let txnid: UInt64
        let pageSize: Int
    }

    /// The meta page at `offset`, bounds-checked as `MetaCheck.readMeta` checks it.
    private static func readMeta(fd: Int32, offset: Int) -> Meta? {
        let length = Layout.metaOffset + Layout.metaSize
        var buffer = [UInt8](repeating: 0, count: length)
        let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
        guard got == length else { return nil }
        return buffer.withUnsafeBytes { raw -> Meta? in
            guard let base = raw.baseAddress else { return nil }
            switch MetaCheck.readMeta(base: base, length: length, page: 0, offset: 0) {
            case .valid(let meta): return Meta(txnid: meta.txnid, pageSize: meta.pageSize)
            case .invalid: return nil
            }
        }
    }
}

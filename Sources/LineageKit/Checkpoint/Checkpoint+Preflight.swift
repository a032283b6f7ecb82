#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Checkpoint {
    /// A cheap look at the meta pages before liblmdb maps the file: a file shorter than
    /// its newest meta page says would make liblmdb fault on the missing pages.
    /// Returns what is wrong, or `nil` when the file may be handed to liblmdb.
    static func preflight(dataFile: String, displayPath: String) throws(CheckpointError) -> String? {
        let fd = open(dataFile, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: displayPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: displayPath, reason: String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        if size == 0 { return "the file is empty" }
        var head = [UInt8](repeating: 0, count: 2 * 65536)
        let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard got >= 0 else { throw .unreadable(path: displayPath, reason: String(cString: strerror(errno))) }
        // Temporary minimal check until the structure walker's meta check lands.
        return head.withUnsafeBytes { all in
        let bytes = UnsafeRawBufferPointer(rebasing: all[0..<got])
        func meta(_ page: Int, pageSize: Int) -> (txn: UInt64, lastPage: UInt64)? {
            let base = page * pageSize + 16
            guard base + 136 <= bytes.count,
                bytes.loadUnaligned(fromByteOffset: base, as: UInt32.self) == 0xBEEF_C0DE
            else { return nil }
            return (bytes.loadUnaligned(fromByteOffset: base + 128, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: base + 120, as: UInt64.self))
        }
        guard got >= 16 + 136, bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self) == 0xBEEF_C0DE else {
            return "no LMDB meta page at the start of the file"
        }
        let pageSize = Int(bytes.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
        guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 else { return "an impossible page size" }
        let metas = [meta(0, pageSize: pageSize), meta(1, pageSize: pageSize)].compactMap { $0 }
        guard let newest = metas.max(by: { $0.txn < $1.txn }) else { return "no valid meta page" }
        let needed = (newest.lastPage &+ 1).multipliedReportingOverflow(by: UInt64(pageSize))
        if needed.overflow || needed.partialValue > UInt64(size) {
            return "the file is \(size) bytes but its meta page says it has \(newest.lastPage &+ 1) pages: it looks truncated"
        }
        return nil
        }
    }
}

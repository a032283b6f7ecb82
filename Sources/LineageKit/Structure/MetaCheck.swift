/// The meta page LMDB would use, as read from the file.
public struct MetaInfo: Sendable, Equatable {
    /// Which meta page this is (0 or 1).
    public let metaPage: Int
    /// The transaction id that wrote it.
    public let txnid: UInt64
    /// The page size, from the free DB record's `md_pad`.
    public let pageSize: Int
    /// The highest page number in use.
    public let lastPage: UInt64
    /// The map size the writer used.
    public let mapSize: UInt64
    /// The free-list database record (`FREE_DBI`).
    public let freeDatabase: DatabaseRecord
    /// The main database record (`MAIN_DBI`), whose leaves name the sub-databases.
    public let mainDatabase: DatabaseRecord
    /// The file's length in bytes.
    public let fileSize: Int

    /// Whole pages the file holds.
    public var filePages: UInt64 { UInt64(fileSize / pageSize) }
}

/// The cheap pre-flight check of a checkpoint's two meta pages, run before liblmdb touches the file.
///
/// It reads at most the first two pages and never walks a tree. `findings` is empty
/// exactly when liblmdb can safely open the file as far as the meta pages tell;
/// `meta` is the meta page a walker can still use (the newest valid one), even when
/// there are findings (a truncated file still has a readable meta).
public struct MetaCheck: Sendable, Equatable {
    /// The newest valid meta page, or `nil` when neither meta page is valid.
    public let meta: MetaInfo?
    /// What is wrong, in file order; empty for a sound pair of meta pages.
    public let findings: [StructureFinding]

    /// Whether the meta pages are sound, so liblmdb may open the file.
    public var isSound: Bool { meta != nil && findings.isEmpty }

    /// Checks the meta pages of `file`. Reads at most two pages.
    public init(file: MappedFile) {
        self.init(bytes: file.bytes)
    }

    /// Checks the meta pages of `bytes`. Reads at most two pages.
    public init(bytes: UnsafeRawBufferPointer) {
        var findings: [StructureFinding] = []
        func fail(_ message: String, page: UInt64? = nil) {
            findings.append(StructureFinding(kind: .meta, message: message, page: page))
        }
        let length = bytes.count
        guard let base = bytes.baseAddress, length > 0 else {
            fail("the file is empty: it holds no LMDB meta pages")
            self.init(meta: nil, findings: findings)
            return
        }
        guard length >= Layout.metaOffset + Layout.metaSize else {
            fail("the file is \(length) bytes: too small to hold an LMDB meta page")
            self.init(meta: nil, findings: findings)
            return
        }

        let first = MetaCheck.readMeta(base: base, length: length, page: 0, offset: 0)
        var second: ParsedMeta
        if case .valid(let raw) = first {
            second = MetaCheck.readMeta(base: base, length: length, page: 1, offset: raw.pageSize)
        } else {
            // Meta 0 cannot say where meta 1 is: try each legal page size.
            second = .invalid("page 1: no valid meta page found at any legal page size")
            var size = Layout.minPageSize
            while size <= Layout.maxPageSize {
                let attempt = MetaCheck.readMeta(base: base, length: length, page: 1, offset: size)
                if case .valid(let raw) = attempt, raw.pageSize == size {
                    second = attempt
                    break
                }
                size <<= 1
            }
        }
        if case .invalid(let message) = first { fail(message, page: 0) }
        if case .invalid(let message) = second { fail(message, page: 1) }

        var chosen: RawMeta?
        switch (first, second) {
        case (.valid(let a), .valid(let b)):
            if a.pageSize != b.pageSize {
                fail("the meta pages disagree on the page size (\(a.pageSize) and \(b.pageSize))")
            }
            chosen = a.txnid < b.txnid ? b : a
            // LMDB writes the meta of transaction t to page t & 1, so the two pages hold
            // consecutive ids of matching parity. A damaged id could make readers pick
            // the older snapshot silently.
            for meta in [a, b] where meta.txnid != 0 && Int(meta.txnid & 1) != meta.page {
                fail(
                    "meta page \(meta.page) holds transaction \(meta.txnid), which LMDB would have written to page \(meta.txnid & 1): the id is damaged",
                    page: UInt64(meta.page))
            }
            let (newer, older) = a.txnid < b.txnid ? (b, a) : (a, b)
            if newer.txnid &- older.txnid != 1 {
                fail(
                    "the meta pages hold transactions \(a.txnid) and \(b.txnid), not consecutive ones: one of them is damaged and readers may see the wrong snapshot",
                    page: UInt64(newer.page))
            }
        case (.valid(let a), .invalid):
            chosen = a
        case (.invalid, .valid(let b)):
            chosen = b
        case (.invalid, .invalid):
            chosen = nil
        }
        guard let raw = chosen else {
            self.init(meta: nil, findings: findings)
            return
        }
        let meta = MetaInfo(
            metaPage: raw.page, txnid: raw.txnid, pageSize: raw.pageSize, lastPage: raw.lastPage,
            mapSize: raw.mapSize, freeDatabase: raw.free, mainDatabase: raw.main, fileSize: length)
        let filePages = meta.filePages
        if filePages < Layout.metaPageCount {
            fail("the file is \(length) bytes, less than two pages of \(meta.pageSize) bytes")
        }
        if raw.lastPage < Layout.metaPageCount - 1 {
            fail("meta page \(raw.page): last page \(raw.lastPage) is below the two meta pages", page: UInt64(raw.page))
        } else if raw.lastPage >= filePages {
            let pages = raw.lastPage &+ 1
            let (bytesNeeded, over) = pages.multipliedReportingOverflow(by: UInt64(meta.pageSize))
            let needed = over ? "more than \(UInt64.max)" : "\(bytesNeeded)"
            fail(
                "the file is \(length) bytes but the newest meta page says it has \(pages) pages "
                    + "(\(needed) bytes): it looks truncated",
                page: UInt64(raw.page))
        }
        for (name, record) in [("main", raw.main), ("free", raw.free)] {
            if record.isEmpty {
                if record.depth != 0 || record.entries != 0 {
                    fail(
                        "meta page \(raw.page): the empty \(name) DB claims depth \(record.depth) and \(record.entries) entries",
                        page: UInt64(raw.page))
                }
                continue
            }
            if record.root < Layout.metaPageCount || record.root > raw.lastPage {
                fail(
                    "meta page \(raw.page): the \(name) DB root page \(record.root) is outside pages 2...\(raw.lastPage)",
                    page: UInt64(raw.page))
            } else if record.root >= filePages {
                fail(
                    "meta page \(raw.page): the \(name) DB root page \(record.root) lies beyond the end of the file "
                        + "(\(filePages) pages)",
                    page: UInt64(raw.page))
            }
            if record.depth == 0 || Int(record.depth) > Layout.maxDepth {
                fail("meta page \(raw.page): the \(name) DB claims depth \(record.depth)", page: UInt64(raw.page))
            }
        }
        self.init(meta: meta, findings: findings)
    }

    private init(meta: MetaInfo?, findings: [StructureFinding]) {
        self.meta = meta
        self.findings = findings
    }

    struct RawMeta {
        let page: Int
        let pageSize: Int
        let txnid: UInt64
        let lastPage: UInt64
        let mapSize: UInt64
        let free: DatabaseRecord
        let main: DatabaseRecord
    }

    enum ParsedMeta {
        case valid(RawMeta)
        case invalid(String)
    }

    /// Parses the meta page at `offset`, saying in one sentence why it is unusable.
    static func readMeta(base: UnsafeRawPointer, length: Int, page: Int, offset: Int) -> ParsedMeta {
        guard offset >= 0, offset <= length - (Layout.metaOffset + Layout.metaSize) else {
            return .invalid("page \(page): the file ends before this meta page (\(length) bytes)")
        }
        let flags = base.u16(offset + 10)
        guard flags & PageFlag.meta != 0 else {
            return .invalid("page \(page): not a meta page (page flags 0x\(String(flags, radix: 16)))")
        }
        let m = offset + Layout.metaOffset
        let magic = base.u32(m)
        guard magic == Layout.magic else {
            return .invalid("page \(page): bad magic 0x\(String(magic, radix: 16)) (expected 0xbeefc0de)")
        }
        let version = base.u32(m + 4)
        guard version == Layout.version else {
            return .invalid("page \(page): unsupported LMDB data version \(version) (expected 1)")
        }
        let free = DatabaseRecord(at: base, offset: m + 24)
        let main = DatabaseRecord(at: base, offset: m + 24 + Layout.recordSize)
        let pageSize = Int(free.pad)
        guard pageSize >= Layout.minPageSize, pageSize <= Layout.maxPageSize, pageSize & (pageSize - 1) == 0 else {
            return .invalid("page \(page): page size \(pageSize) is not a power of two in 512...65536")
        }
        return .valid(
            RawMeta(
                page: page, pageSize: pageSize, txnid: base.u64(m + 128), lastPage: base.u64(m + 120),
                mapSize: base.u64(m + 16), free: free, main: main))
    }
}

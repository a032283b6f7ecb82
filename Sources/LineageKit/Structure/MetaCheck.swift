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

    /// Whether the file's other pages look like LMDB pages although no meta page is valid
    /// (see `pagesLookLMDB`): damage, not a foreign file.
    public let pagesLookLMDB: Bool

    /// Whether the meta pages are sound, so liblmdb may open the file.
    public var isSound: Bool { meta != nil && findings.isEmpty }

    /// Checks the meta pages of `file`. Reads at most two pages.
    public init(file: MappedFile) {
        self.init(bytes: file.bytes)
    }

    /// Checks the meta pages of `bytes`. Reads at most two pages.
    public init(bytes: UnsafeRawBufferPointer) {
        var findings: [StructureFinding] = []
        func fail(_ detail: StructureFinding.Detail, page: UInt64? = nil) {
            findings.append(StructureFinding(kind: .meta, page: page, detail: detail))
        }
        let length = bytes.count
        guard let base = bytes.baseAddress, length > 0 else {
            fail(.fileEmpty)
            self.init(meta: nil, findings: findings)
            return
        }
        guard length >= Layout.metaOffset + Layout.metaSize else {
            fail(.fileTooSmall(length: length))
            self.init(meta: nil, findings: findings)
            return
        }

        let first = MetaCheck.readMeta(base: base, length: length, page: 0, offset: 0)
        var second: ParsedMeta
        if case .valid(let raw) = first {
            second = MetaCheck.readMeta(base: base, length: length, page: 1, offset: raw.pageSize)
        } else {
            // Meta 0 cannot say where meta 1 is: try each legal page size.
            second = .invalid(.noMetaAtAnyPageSize)
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
        if case .invalid(let detail) = first { fail(detail, page: 0) }
        if case .invalid(let detail) = second { fail(detail, page: 1) }

        var chosen: RawMeta?
        switch (first, second) {
        case (.valid(let a), .valid(let b)):
            if a.pageSize != b.pageSize {
                fail(.pageSizesDisagree(a.pageSize, b.pageSize))
            }
            chosen = a.txnid < b.txnid ? b : a
            // LMDB writes the meta of transaction t to page t & 1, so the two pages hold
            // consecutive ids of matching parity. A damaged id could make readers pick
            // the older snapshot silently.
            for meta in [a, b] where meta.txnid != 0 && Int(meta.txnid & 1) != meta.page {
                fail(.transactionOnWrongMetaPage(txnid: meta.txnid), page: UInt64(meta.page))
            }
            let (newer, older) = a.txnid < b.txnid ? (b, a) : (a, b)
            if newer.txnid &- older.txnid != 1 {
                fail(.transactionsNotConsecutive(a.txnid, b.txnid), page: UInt64(newer.page))
            }
        case (.valid(let a), .invalid):
            chosen = a
        case (.invalid, .valid(let b)):
            chosen = b
        case (.invalid, .invalid):
            chosen = nil
        }
        guard let raw = chosen else {
            self.init(meta: nil, findings: findings, pagesLookLMDB: Self.pagesLookLMDB(bytes))
            return
        }
        let meta = MetaInfo(
            metaPage: raw.page, txnid: raw.txnid, pageSize: raw.pageSize, lastPage: raw.lastPage,
            mapSize: raw.mapSize, freeDatabase: raw.free, mainDatabase: raw.main, fileSize: length)
        let filePages = meta.filePages
        if filePages < Layout.metaPageCount {
            fail(.fileShorterThanTwoPages(length: length, pageSize: meta.pageSize))
        }
        if raw.lastPage < Layout.metaPageCount - 1 {
            fail(.lastPageBelowMeta(lastPage: raw.lastPage), page: UInt64(raw.page))
        } else if raw.lastPage >= filePages {
            fail(
                .fileTruncated(length: length, pages: raw.lastPage &+ 1, pageSize: meta.pageSize),
                page: UInt64(raw.page))
        }
        for (tree, record) in [(StructureFinding.MetaTree.main, raw.main), (.free, raw.free)] {
            if record.isEmpty {
                if record.depth != 0 || record.entries != 0 {
                    fail(
                        .emptyMetaTreeClaims(tree, depth: record.depth, entries: record.entries),
                        page: UInt64(raw.page))
                }
                continue
            }
            if record.root < Layout.metaPageCount || record.root > raw.lastPage {
                fail(
                    .metaRootOutOfRange(tree, root: record.root, lastPage: raw.lastPage), page: UInt64(raw.page))
            } else if record.root >= filePages {
                fail(
                    .metaRootPastFileEnd(tree, root: record.root, filePages: filePages), page: UInt64(raw.page))
            }
            if record.depth == 0 || Int(record.depth) > Layout.maxDepth {
                fail(.metaTreeDepth(tree, depth: record.depth), page: UInt64(raw.page))
            }
        }
        self.init(meta: meta, findings: findings)
    }

    private init(meta: MetaInfo?, findings: [StructureFinding], pagesLookLMDB: Bool = false) {
        self.meta = meta
        self.findings = findings
        self.pagesLookLMDB = pagesLookLMDB
    }

    /// Whether pages past the two meta pages carry LMDB page headers (a page number equal
    /// to the page's place and a tree page's flags), so that a file whose meta pages are
    /// both invalid is an LMDB file with damaged meta pages, not some other file. Looked at
    /// only when neither meta page is valid, at the usual page size: at most 64 pages.
    static func pagesLookLMDB(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let pageSize = 4096
        let pages = bytes.count / pageSize
        let first = Int(Layout.metaPageCount)
        guard pages > first else { return false }
        var matching = 0
        for page in first..<min(pages, 64) {
            let start = page * pageSize
            let number = bytes.loadUnaligned(fromByteOffset: start + PageField.pageNumber, as: UInt64.self)
            let flags = bytes.loadUnaligned(fromByteOffset: start + PageField.flags, as: UInt16.self) & PageFlag.typeMask
            let treePage = flags == PageFlag.branch || flags == PageFlag.leaf || flags == PageFlag.overflow || flags == PageFlag.leaf | PageFlag.leaf2
            if UInt64(littleEndian: number) == UInt64(page), treePage { matching += 1 }
        }
        return matching > 0
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
        case invalid(StructureFinding.Detail)
    }

    /// Parses the meta page at `offset`, or says why it is unusable.
    static func readMeta(base: UnsafeRawPointer, length: Int, page: Int, offset: Int) -> ParsedMeta {
        guard offset >= 0, offset <= length - (Layout.metaOffset + Layout.metaSize) else {
            return .invalid(.metaPagePastEnd(length: length))
        }
        let flags = base.u16(offset + PageField.flags)
        guard flags & PageFlag.meta != 0 else {
            return .invalid(.notMetaPage(flags: flags))
        }
        let m = offset + Layout.metaOffset
        let magic = base.u32(m + MetaField.magic)
        guard magic == Layout.magic else {
            return .invalid(.badMagic(magic))
        }
        let version = base.u32(m + MetaField.version)
        guard version == Layout.version else {
            return .invalid(.unsupportedVersion(version))
        }
        let free = DatabaseRecord(at: base, offset: m + MetaField.freeRecord)
        let main = DatabaseRecord(at: base, offset: m + MetaField.mainRecord)
        let pageSize = Int(free.pad)
        guard pageSize >= Layout.minPageSize, pageSize <= Layout.maxPageSize, pageSize & (pageSize - 1) == 0 else {
            return .invalid(.badPageSize(pageSize))
        }
        return .valid(
            RawMeta(
                page: page, pageSize: pageSize, txnid: base.u64(m + MetaField.txnid), lastPage: base.u64(m + MetaField.lastPage),
                mapSize: base.u64(m + MetaField.mapSize), free: free, main: main))
    }
}

/// The crash-proof walker over a checkpoint's LMDB structure: reads every tree
/// straight from the mapped bytes, never through liblmdb, and reports damage as findings.
///
/// What a walk checks, page by page: the page number is in `2...last_pg` and inside
/// the file, and not reached before; the page's own number and type match its place
/// (branch pages above the record's depth, leaves at it, overflow pages for big
/// values); `lower`/`upper` and every node lie inside the page; keys ascend strictly
/// within and across pages and stay inside the bounds their branch keys set;
/// duplicates ascend strictly per key (sub-pages and nested trees); overflow runs
/// lie inside the file and hold their value; the tree's depth and its entry and page
/// counts equal its `MDB_db` record. The free list's pages must be in range and not
/// reachable from any tree, and every page must be reachable or free.
///
/// Whatever the bytes say, a walk does not trap, enters each page at most once, and
/// descends at most 64 levels (per tree), so it ends in time proportional to the file.
///
/// `init` runs the meta check and walks the main DB (one page for a checkpoint).
/// Each `walk` call is independent and touches only its own state, so different
/// sub-databases can be walked from different threads or tasks at once; merge
/// the results with `report(combining:)`.
public struct StructureWalker: Sendable {
    /// The file being walked; kept alive by the walker.
    public let file: MappedFile
    /// The meta pre-flight check the walk starts from.
    public let metaCheck: MetaCheck
    /// The sub-databases named in the main DB, in key order.
    public let databases: [NamedDatabase]
    /// The main DB's walk.
    public let mainWalk: DatabaseWalkResult

    /// Prepares a walk of `file`: checks the meta pages and walks the main DB.
    public init(file: MappedFile) {
        self.file = file
        let check = MetaCheck(file: file)
        self.metaCheck = check
        guard let meta = check.meta, let base = file.bytes.baseAddress else {
            self.databases = []
            self.mainWalk = DatabaseWalkResult(name: StructureWalker.mainName, finding: nil)
            return
        }
        var walk = TreeWalk(base: base, meta: meta, database: StructureWalker.mainName)
        let tally = walk.walkTree(meta.mainDatabase, role: .main) { _, _ in }
        self.databases = walk.named
        self.mainWalk = DatabaseWalkResult(
            name: StructureWalker.mainName, record: meta.mainDatabase, walk: walk, tally: tally)
    }

    /// Maps the file at `path` read-only and prepares a walk of it.
    ///
    /// - Throws: `MappedFileError` when the file cannot be opened or mapped.
    public init(path: String) throws(MappedFileError) {
        self.init(file: try MappedFile(path: path))
    }

    /// The name used for the main DB in findings and results.
    public static let mainName = "(main)"
    /// The name used for the free-list DB in findings and results.
    public static let freeListName = "(free)"

    /// Walks the named sub-database, handing every entry to `visit` in key order.
    ///
    /// For `MDB_DUPSORT` databases every (key, duplicate) pair is delivered, duplicates
    /// in order. Values stored on overflow pages are delivered from there when the run
    /// is sound. The buffers point into the mapped file and are valid only during the call.
    /// Entries on damaged pages are skipped and reported. Costs one read of each
    /// page of the tree and no allocation per entry.
    public func walk(database name: String, visit: EntryVisitor) -> DatabaseWalkResult {
        guard let meta = metaCheck.meta, let base = file.bytes.baseAddress else {
            return DatabaseWalkResult(name: name, finding: nil)
        }
        guard let named = databases.first(where: { $0.name == name }) else {
            return DatabaseWalkResult(
                name: name,
                finding: StructureFinding(kind: .subdbRecord, database: name, detail: .noSuchSubDatabase))
        }
        var walk = TreeWalk(base: base, meta: meta, database: name)
        let role: TreeRole = named.record.isDupSort ? .dupSort : .plain
        let tally = walk.walkTree(named.record, role: role, visit: visit)
        return DatabaseWalkResult(name: name, record: named.record, walk: walk, tally: tally)
    }

    /// Walks the free-list DB, checking its pages and collecting the pages it lists as free.
    public func walkFreeList() -> DatabaseWalkResult {
        let name = StructureWalker.freeListName
        guard let meta = metaCheck.meta, let base = file.bytes.baseAddress else {
            return DatabaseWalkResult(name: name, finding: nil)
        }
        var walk = TreeWalk(base: base, meta: meta, database: name)
        walk.freeListed = PageBitmap(pageCount: walk.pages.pageCount)
        let tally = walk.walkTree(meta.freeDatabase, role: .free) { _, _ in }
        return DatabaseWalkResult(name: name, record: meta.freeDatabase, walk: walk, tally: tally)
    }

    /// Walks the free list and every named sub-database one after the other and reports on all of them.
    public func walkAll() -> StructureReport {
        var results = [walkFreeList()]
        for named in databases {
            results.append(walk(database: named.name) { _, _ in })
        }
        return report(combining: results)
    }

    /// Like `walkAll()`, walking the trees in concurrent child tasks.
    public func walkAllConcurrently() async -> StructureReport {
        let names = databases.map(\.name)
        let results = await withTaskGroup(of: (Int, DatabaseWalkResult).self) { group in
            group.addTask { (0, self.walkFreeList()) }
            for (index, name) in names.enumerated() {
                group.addTask { (index + 1, self.walk(database: name) { _, _ in }) }
            }
            var collected: [(Int, DatabaseWalkResult)] = []
            for await item in group { collected.append(item) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return report(combining: results)
    }

    /// Merges separate walks (the free list's and the sub-databases', in any order) into one report.
    ///
    /// Adds the checks only the whole file can answer: a page reached by two trees,
    /// a page both reachable and on the free list, and pages that are neither (these
    /// last two only when the free list and every named sub-database were walked).
    /// Costs one pass over each walk's page bitmap.
    public func report(combining results: [DatabaseWalkResult]) -> StructureReport {
        var log = FindingLog()
        for finding in metaCheck.findings {
            log.add(finding)
        }
        // The main DB's walk is always included; a copy passed in by the caller is ignored.
        let walks = [mainWalk] + results.filter { $0.name != StructureWalker.mainName }
        for result in walks {
            for finding in result.findings {
                log.add(finding)
            }
            // Findings past each walk's own cap are counted without their details.
            log.addUntold(result.findingCount - result.findings.count)
        }

        let meta = metaCheck.meta
        if let meta { recordFindings(meta, &log) }
        let pageCount = walks.map(\.pages.pageCount).max() ?? 0
        var reachable = [UInt64](repeating: 0, count: Int((pageCount + 63) / 64))
        var freeListed = [UInt64](repeating: 0, count: reachable.count)
        var freeWalked = false
        for result in walks {
            if result.name == StructureWalker.freeListName && result.record != nil {
                freeWalked = true
                for (i, word) in result.freeListed.words.enumerated() where i < freeListed.count {
                    freeListed[i] |= word
                }
            }
        }
        for result in walks {
            for (i, word) in result.pages.words.enumerated() where i < reachable.count {
                let shared = reachable[i] & word
                if shared != 0 {
                    let page = UInt64(i) * 64 + UInt64(shared.trailingZeroBitCount)
                    log.add(
                        .pageShared, page: page, database: result.name,
                        .reachedFromAnotherTree(pagesInGroup: shared.nonzeroBitCount))
                }
                reachable[i] |= word
            }
        }
        for i in 0..<reachable.count {
            let both = reachable[i] & freeListed[i]
            if both != 0 {
                let page = UInt64(i) * 64 + UInt64(both.trailingZeroBitCount)
                log.add(
                    .pageShared, page: page, database: StructureWalker.freeListName,
                    .freeButReachable(pagesInGroup: both.nonzeroBitCount))
            }
        }
        let reachableCount = reachable.reduce(UInt64(0)) { $0 + UInt64($1.nonzeroBitCount) }
        let freeCount = freeListed.reduce(UInt64(0)) { $0 + UInt64($1.nonzeroBitCount) }
        let walkedNames = Set(walks.map(\.name))
        let everyTreeWalked = freeWalked && databases.allSatisfy { walkedNames.contains($0.name) }
        if let meta, everyTreeWalked, pageCount > Layout.metaPageCount {
            var missing: UInt64 = 0
            var first: UInt64?
            for page in Layout.metaPageCount..<pageCount {
                let word = Int(page >> 6)
                let bit: UInt64 = 1 << (page & 63)
                if (reachable[word] | freeListed[word]) & bit == 0 {
                    missing += 1
                    if first == nil { first = page }
                }
            }
            if missing > 0 {
                log.add(
                    .unaccounted, page: first, database: nil,
                    .unaccountedPages(count: missing, total: meta.lastPage &+ 1))
            }
        }

        var summaries: [String: DatabaseSummary] = [:]
        var mainSummary: DatabaseSummary?
        var freeSummary: DatabaseSummary?
        for result in walks {
            let summary = DatabaseSummary(
                flags: result.record?.flags ?? 0, depth: result.record?.depth ?? 0,
                entriesWalked: result.entriesWalked, entriesDeclared: result.record?.entries ?? 0,
                pages: result.pagesWalked, record: result.record)
            switch result.name {
            case StructureWalker.mainName: mainSummary = summary
            case StructureWalker.freeListName: freeSummary = summary
            default: summaries[result.name] = summary
            }
        }
        return StructureReport(
            meta: meta, main: mainSummary, freeList: freeSummary, databases: summaries, findings: log.kept,
            findingCount: log.total, pagesReachable: reachableCount, pagesOnFreeList: freeCount,
            filePages: meta?.filePages ?? 0)
    }

    /// The database records LMDB refuses: the meta page's two (`mdb_txn_renew0`), a main DB
    /// whose flags hide the named databases (`mdb_dbi_open` finds none under `MDB_DUPSORT` or
    /// `MDB_INTEGERKEY`), and each named record (`mdb_dbi_open`, and the read transaction's
    /// re-read, which drops `MDB_VALID` and finds the flags changed).
    func recordFindings(_ meta: MetaInfo, _ log: inout FindingLog) {
        func refused(_ record: DatabaseRecord) -> String? {
            DatabaseFlag.needsDupSort(record.flags) ? "a flag that needs MDB_DUPSORT without it" : nil
        }
        for (name, record) in [(StructureWalker.freeListName, meta.freeDatabase), (StructureWalker.mainName, meta.mainDatabase)] {
            if let reason = refused(record) {
                log.add(.subdbRecord, page: UInt64(meta.metaPage), database: name, .recordRefused(flags: record.flags, reason: reason))
            }
        }
        if !databases.isEmpty, meta.mainDatabase.flags & (DatabaseFlag.dupSort | DatabaseFlag.integerKey) != 0 {
            log.add(
                .subdbRecord, page: UInt64(meta.metaPage), database: StructureWalker.mainName,
                .recordRefused(flags: meta.mainDatabase.flags, reason: "MDB_DUPSORT or MDB_INTEGERKEY on the main DB, which then names no database"))
        }
        for named in databases {
            let record = named.record
            let reason =
                refused(record)
                ?? (record.flags & DatabaseFlag.valid != 0 ? "the in-memory MDB_VALID bit (0x8000) is set" : nil)
                ?? (UInt64(record.pad) > UInt64(meta.pageSize - Layout.pageHeaderSize) ? "a fixed key size of \(record.pad), past a page" : nil)
                ?? (record.depth > 32 ? "\(record.depth) levels, more than a cursor holds (32)" : nil)
            if let reason { log.add(.subdbRecord, database: named.name, .recordRefused(flags: record.flags, reason: reason)) }
        }
    }
}

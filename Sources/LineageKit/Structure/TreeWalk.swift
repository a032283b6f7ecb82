/// What a walk hands to its visitor: a key and a value, valid only during the call.
public typealias EntryVisitor = (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> Void

/// The part a tree plays, which decides how its leaf nodes are read.
enum TreeRole {
    /// The main DB: leaves name sub-databases.
    case main
    /// The free-list DB: txnid keys, page-number-list values.
    case free
    /// A sub-database without duplicates.
    case plain
    /// A `MDB_DUPSORT` sub-database: nodes may carry sub-pages or nested trees.
    case dupSort
    /// The nested tree of one key's duplicates: keys are the duplicate values.
    case duplicates
}

/// Page and entry counts gathered from one tree.
struct TreeTally {
    var branchPages: UInt64 = 0
    var leafPages: UInt64 = 0
    var overflowPages: UInt64 = 0
    var entries: UInt64 = 0

    var pageCounts: StructureFinding.PageCounts {
        StructureFinding.PageCounts(branch: branchPages, leaf: leafPages, overflow: overflowPages)
    }
}

extension DatabaseRecord {
    var pageCounts: StructureFinding.PageCounts {
        StructureFinding.PageCounts(branch: branchPages, leaf: leafPages, overflow: overflowPages)
    }
}

/// The walk state of one tree (a database or one key's nested duplicate tree).
struct TreeState {
    let record: DatabaseRecord
    let role: TreeRole
    let keyOrder: KeyOrder
    let dupOrder: KeyOrder
    /// The declared depth when believable, else 0 (then page flags decide).
    var depth: Int
    let outerKey: ByteRun?
    var tally = TreeTally()
    var previousKey: ByteRun?
    var leafLevel = 0
}

/// One bounded, trap-free pass over the trees of one walk, sharing a page bitmap.
///
/// Every page is entered at most once (the bitmap), descent stops at
/// `Layout.maxDepth` levels and each node is bounds-checked against its page, so
/// the work is at most proportional to the file size whatever the bytes say.
struct TreeWalk {
    let base: UnsafeRawPointer
    let pageSize: Int
    let lastPage: UInt64
    let filePages: UInt64
    let database: String
    var pages: PageBitmap
    var log = FindingLog()
    /// Pages named by the free list; sized only for the free-list walk.
    var freeListed = PageBitmap(pageCount: 0)
    var named: [NamedDatabase] = []
    var nestedTrees = 0
    /// Pages of all nested duplicate trees walked so far.
    var nestedTally = TreeTally()

    init(base: UnsafeRawPointer, meta: MetaInfo, database: String) {
        self.base = base
        self.pageSize = meta.pageSize
        self.lastPage = meta.lastPage
        self.filePages = meta.filePages
        self.database = database
        // Pages past either the last page or the file's end are never entered, so never recorded.
        let usable = meta.lastPage < meta.filePages ? meta.lastPage + 1 : meta.filePages
        self.pages = PageBitmap(pageCount: usable)
    }

    // MARK: Trees

    /// Walks the tree `record` describes and compares what it finds with the record.
    /// `keyOrder` overrides the record's own order: a nested duplicate tree sorts by its outer database's duplicate order.
    mutating func walkTree(
        _ record: DatabaseRecord, role: TreeRole, outerKey: ByteRun? = nil, keyOrder: KeyOrder? = nil,
        visit: EntryVisitor
    ) -> TreeTally {
        var tree = TreeState(
            record: record, role: role,
            keyOrder: keyOrder ?? KeyOrder(flags: record.flags, forDuplicates: false),
            dupOrder: KeyOrder(flags: record.flags, forDuplicates: true),
            depth: Int(record.depth), outerKey: outerKey)
        let nested = role == .duplicates
        if record.isEmpty {
            if record.depth != 0 || record.entries != 0 || record.branchPages != 0 || record.leafPages != 0
                || record.overflowPages != 0
            {
                log.add(
                    .entryCount, database: database,
                    .emptyTreeClaims(
                        nested: nested, depth: record.depth, entries: record.entries,
                        pages: record.branchPages &+ record.leafPages &+ record.overflowPages))
            }
            return tree.tally
        }
        if record.depth == 0 || Int(record.depth) > Layout.maxDepth {
            log.add(
                .depth, page: record.root, database: database, .recordDepth(nested: nested, depth: record.depth))
            tree.depth = 0
        }
        descend(record.root, level: 1, lower: nil, upper: nil, &tree, visit)

        let walked = tree.tally
        if walked.entries != record.entries {
            log.add(
                .entryCount, page: record.root, database: database,
                .entriesDiffer(nested: nested, walked: walked.entries, declared: record.entries))
        }
        // Files written by py-lmdb (LMDB 0.9.35) count nested duplicate trees' pages in the
        // outer record; mdb.c's own debug audit adds them apart. Either convention is sound.
        let ownMatches =
            walked.branchPages == record.branchPages && walked.leafPages == record.leafPages
            && walked.overflowPages == record.overflowPages
        let inNested = role == .dupSort ? nestedTally : TreeTally()
        let withNestedMatches =
            walked.branchPages &+ inNested.branchPages == record.branchPages
            && walked.leafPages &+ inNested.leafPages == record.leafPages
            && walked.overflowPages &+ inNested.overflowPages == record.overflowPages
        if !ownMatches && !withNestedMatches {
            log.add(
                .pageCount, page: record.root, database: database,
                .pagesDiffer(
                    nested: nested, walked: walked.pageCounts, inNestedTrees: inNested.pageCounts,
                    declared: record.pageCounts))
        }
        return walked
    }

    /// Enters page `pgno` at `level` (the root is level 1); its keys must lie in `[lower, upper)`.
    mutating func descend(
        _ pgno: UInt64, level: Int, lower: ByteRun?, upper: ByteRun?, _ tree: inout TreeState,
        _ visit: EntryVisitor
    ) {
        guard let page = claim(pgno) else { return }
        let stored = page.u64(PageField.pageNumber)
        if stored != pgno {
            log.add(
                .pageNumber, page: pgno, database: database, .pageNumberMismatch(stored: stored))
            return
        }
        let flags = page.u16(PageField.flags) & PageFlag.typeMask
        let dupFixed = tree.role == .duplicates && tree.record.flags & DatabaseFlag.dupFixed != 0
        let isBranch = flags == PageFlag.branch
        let isLeaf = flags == PageFlag.leaf || (dupFixed && flags == PageFlag.leaf | PageFlag.leaf2)
        guard isBranch || isLeaf else {
            log.add(
                .pageType, page: pgno, database: database,
                .unexpectedPageFlags(flags: flags, level: level, leafExpected: level == tree.depth))
            return
        }
        if tree.depth > 0 {
            let bottom = level == tree.depth
            if isBranch == bottom {
                if level == 1 {
                    log.add(
                        .depth, page: pgno, database: database,
                        .rootContradictsDepth(isBranch: isBranch, depth: tree.depth))
                    tree.depth = 0
                } else {
                    log.add(
                        .pageType, page: pgno, database: database,
                        .wrongKindAtLevel(isBranch: isBranch, level: level, depth: tree.depth))
                    return
                }
            }
        }
        if tree.depth == 0 {
            if isBranch && level >= Layout.maxDepth {
                log.add(
                    .depth, page: pgno, database: database, .tooDeep(level: level))
                return
            }
            if isLeaf {
                if tree.leafLevel == 0 {
                    tree.leafLevel = level
                } else if tree.leafLevel != level {
                    log.add(
                        .depth, page: pgno, database: database,
                        .leafLevelDiffers(level: level, otherLevel: tree.leafLevel))
                }
            }
        }
        if isBranch {
            tree.tally.branchPages &+= 1
        } else {
            tree.tally.leafPages &+= 1
        }

        let fixedSize = flags & PageFlag.leaf2 != 0
        let nodes = NodeReader(page, size: pageSize)
        guard nodes.hasSoundBounds(fixedSize: fixedSize) else {
            log.add(
                .pageBounds, page: pgno, database: database,
                .headerBounds(lower: nodes.lower, upper: nodes.upper, pageSize: pageSize))
            return
        }
        if isBranch {
            walkBranch(nodes, pgno: pgno, level: level, lower: lower, upper: upper, &tree, visit)
        } else if fixedSize {
            walkFixedLeaf(nodes, pgno: pgno, lower: lower, upper: upper, &tree, visit)
        } else {
            walkLeaf(nodes, pgno: pgno, lower: lower, upper: upper, &tree, visit)
        }
    }

    /// Checks that `pgno` is a data page inside the file not reached before, and marks it reached.
    mutating func claim(_ pgno: UInt64) -> UnsafeRawPointer? {
        guard pgno >= Layout.metaPageCount, pgno <= lastPage else {
            log.add(
                .pageRange, page: pgno, database: database,
                pgno < Layout.metaPageCount ? .pointsAtMetaPage : .pastLastPage(lastPage: lastPage))
            return nil
        }
        guard pgno < filePages else {
            log.add(
                .pageRange, page: pgno, database: database, .pastFileEnd(filePages: filePages))
            return nil
        }
        guard pgno < pages.pageCount, pages.insert(pgno) else {
            log.add(
                .pageShared, page: pgno, database: database, .reachedTwice)
            return nil
        }
        return base + Int(truncatingIfNeeded: pgno) &* pageSize
    }
}

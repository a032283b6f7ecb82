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
        let what = role == .duplicates ? "\(database) (nested duplicates)" : database
        if record.isEmpty {
            if record.depth != 0 || record.entries != 0 || record.branchPages != 0 || record.leafPages != 0
                || record.overflowPages != 0
            {
                log.add(
                    .entryCount, database: database,
                    "\(what): the record has no root page but claims depth \(record.depth), \(record.entries) entries and \(record.branchPages + record.leafPages + record.overflowPages) pages"
                )
            }
            return tree.tally
        }
        if record.depth == 0 || Int(record.depth) > Layout.maxDepth {
            log.add(
                .depth, page: record.root, database: database,
                "\(what): the record claims depth \(record.depth) for a tree rooted at page \(record.root)")
            tree.depth = 0
        }
        descend(record.root, level: 1, lower: nil, upper: nil, &tree, visit)

        let walked = tree.tally
        if walked.entries != record.entries {
            log.add(
                .entryCount, page: record.root, database: database,
                "\(what): walked \(walked.entries) entries but the record says \(record.entries)")
        }
        // Files written by py-lmdb (LMDB 0.9.35) count nested duplicate trees' pages in the
        // outer record; mdb.c's own debug audit adds them apart. Either convention is sound.
        let ownMatches =
            walked.branchPages == record.branchPages && walked.leafPages == record.leafPages
            && walked.overflowPages == record.overflowPages
        let nested = role == .dupSort ? nestedTally : TreeTally()
        let withNestedMatches =
            walked.branchPages &+ nested.branchPages == record.branchPages
            && walked.leafPages &+ nested.leafPages == record.leafPages
            && walked.overflowPages &+ nested.overflowPages == record.overflowPages
        if !ownMatches && !withNestedMatches {
            log.add(
                .pageCount, page: record.root, database: database,
                "\(what): walked \(walked.branchPages) branch, \(walked.leafPages) leaf and \(walked.overflowPages) overflow pages (\(nested.branchPages), \(nested.leafPages) and \(nested.overflowPages) more in nested trees) but the record says \(record.branchPages), \(record.leafPages) and \(record.overflowPages)"
            )
        }
        return walked
    }

    /// Enters page `pgno` at `level` (the root is level 1); its keys must lie in `[lower, upper)`.
    mutating func descend(
        _ pgno: UInt64, level: Int, lower: ByteRun?, upper: ByteRun?, _ tree: inout TreeState,
        _ visit: EntryVisitor
    ) {
        guard let page = claim(pgno) else { return }
        let stored = page.u64(0)
        if stored != pgno {
            log.add(
                .pageNumber, page: pgno, database: database,
                "\(database): page \(pgno) says it is page \(stored)")
            return
        }
        let flags = page.u16(10) & PageFlag.typeMask
        let dupFixed = tree.role == .duplicates && tree.record.flags & DatabaseFlag.dupFixed != 0
        let isBranch = flags == PageFlag.branch
        let isLeaf = flags == PageFlag.leaf || (dupFixed && flags == PageFlag.leaf | PageFlag.leaf2)
        guard isBranch || isLeaf else {
            log.add(
                .pageType, page: pgno, database: database,
                "\(database): page \(pgno) at level \(level) has page flags 0x\(String(flags, radix: 16)): not a \(level == tree.depth ? "leaf" : "branch or leaf") page"
            )
            return
        }
        if tree.depth > 0 {
            let bottom = level == tree.depth
            if isBranch == bottom {
                if level == 1 {
                    log.add(
                        .depth, page: pgno, database: database,
                        "\(database): the root page \(pgno) is a \(isBranch ? "branch" : "leaf") page but the record says the tree has depth \(tree.depth)"
                    )
                    tree.depth = 0
                } else {
                    log.add(
                        .pageType, page: pgno, database: database,
                        "\(database): page \(pgno) is a \(isBranch ? "branch" : "leaf") page at level \(level) of a tree of depth \(tree.depth): a \(bottom ? "leaf" : "branch") page was expected"
                    )
                    return
                }
            }
        }
        if tree.depth == 0 {
            if isBranch && level >= Layout.maxDepth {
                log.add(
                    .depth, page: pgno, database: database,
                    "\(database): page \(pgno) is a branch page \(level) levels down: the tree is too deep to be sound")
                return
            }
            if isLeaf {
                if tree.leafLevel == 0 {
                    tree.leafLevel = level
                } else if tree.leafLevel != level {
                    log.add(
                        .depth, page: pgno, database: database,
                        "\(database): leaf page \(pgno) is at level \(level) but other leaves are at level \(tree.leafLevel)")
                }
            }
        }
        if isBranch {
            tree.tally.branchPages &+= 1
        } else {
            tree.tally.leafPages &+= 1
        }

        let lowerBound = Int(page.u16(12))
        let upperBound = Int(page.u16(14))
        // Fixed-size (P_LEAF2) pages keep no node offsets: `lower` still counts 2 bytes per value
        // but `upper` moves by (size - 2), so both may pass the page end; the values themselves
        // are bounds-checked in `walkFixedLeaf`.
        let fixedSize = flags & PageFlag.leaf2 != 0
        guard lowerBound >= Layout.pageHeaderSize, lowerBound & 1 == 0,
            fixedSize || (lowerBound <= upperBound && upperBound <= pageSize)
        else {
            log.add(
                .pageBounds, page: pgno, database: database,
                "\(database): page \(pgno) has lower \(lowerBound) and upper \(upperBound), outside \(Layout.pageHeaderSize)...\(pageSize) or crossed"
            )
            return
        }
        let count = (lowerBound - Layout.pageHeaderSize) >> 1
        if isBranch {
            walkBranch(page, pgno: pgno, count: count, upper: upperBound, level: level, lower: lower, upperKey: upper, &tree, visit)
        } else if fixedSize {
            walkFixedLeaf(page, pgno: pgno, count: count, lower: lower, upper: upper, &tree, visit)
        } else {
            walkLeaf(page, pgno: pgno, count: count, upper: upperBound, lower: lower, upperKey: upper, &tree, visit)
        }
    }

    /// Checks that `pgno` is a data page inside the file not reached before, and marks it reached.
    mutating func claim(_ pgno: UInt64) -> UnsafeRawPointer? {
        guard pgno >= Layout.metaPageCount, pgno <= lastPage else {
            log.add(
                .pageRange, page: pgno, database: database,
                pgno < Layout.metaPageCount
                    ? "\(database): a tree points at meta page \(pgno)"
                    : "\(database): page \(pgno) is past the last page \(lastPage)")
            return nil
        }
        guard pgno < filePages else {
            log.add(
                .pageRange, page: pgno, database: database,
                "\(database): page \(pgno) lies beyond the end of the file (\(filePages) pages)")
            return nil
        }
        guard pgno < pages.pageCount, pages.insert(pgno) else {
            log.add(
                .pageShared, page: pgno, database: database,
                "\(database): page \(pgno) is reached a second time")
            return nil
        }
        return base + Int(truncatingIfNeeded: pgno) &* pageSize
    }

    // MARK: Nodes

    /// The offset of node `index` of a page or sub-page of `size` bytes, if its header lies inside.
    @inline(__always) func nodeOffset(_ page: UnsafeRawPointer, _ index: Int, upper: Int, size: Int) -> Int? {
        let offset = Int(page.u16(Layout.pageHeaderSize + index &* 2))
        guard offset >= upper, offset & 1 == 0, offset &+ Layout.nodeHeaderSize <= size else { return nil }
        return offset
    }

    /// The key of branch node `index`, silently `nil` when it does not fit (the main pass reports it).
    func branchKey(_ page: UnsafeRawPointer, _ index: Int, upper: Int) -> ByteRun? {
        guard let offset = nodeOffset(page, index, upper: upper, size: pageSize) else { return nil }
        let keySize = Int(page.u16(offset + 6))
        guard offset + Layout.nodeHeaderSize + keySize <= pageSize else { return nil }
        return ByteRun(start: page + offset + Layout.nodeHeaderSize, count: keySize)
    }

    mutating func walkBranch(
        _ page: UnsafeRawPointer, pgno: UInt64, count: Int, upper: Int, level: Int, lower: ByteRun?,
        upperKey: ByteRun?, _ tree: inout TreeState, _ visit: EntryVisitor
    ) {
        guard count > 0 else {
            log.add(.pageBounds, page: pgno, database: database, "\(database): branch page \(pgno) has no children")
            return
        }
        var previous: ByteRun?
        var nextKey: ByteRun? = count > 1 ? branchKey(page, 1, upper: upper) : nil
        for index in 0..<count {
            guard let offset = nodeOffset(page, index, upper: upper, size: pageSize) else {
                log.add(
                    .pageBounds, page: pgno, database: database,
                    "\(database): node \(index) of branch page \(pgno) lies outside the page")
                previous = nil
                nextKey = index + 2 < count ? branchKey(page, index + 2, upper: upper) : nil
                continue
            }
            let keySize = Int(page.u16(offset + 6))
            guard offset + Layout.nodeHeaderSize + keySize <= pageSize else {
                log.add(
                    .pageBounds, page: pgno, database: database,
                    "\(database): the key of node \(index) of branch page \(pgno) runs past the page")
                previous = nil
                nextKey = index + 2 < count ? branchKey(page, index + 2, upper: upper) : nil
                continue
            }
            let child =
                UInt64(page.u16(offset)) | UInt64(page.u16(offset + 2)) << 16 | UInt64(page.u16(offset + 4)) << 32
            var childLower = lower
            if index > 0 {
                // LMDB never compares the first key of a branch page; the others bound their children.
                let key = ByteRun(start: page + offset + Layout.nodeHeaderSize, count: keySize)
                if let previous, tree.keyOrder.compare(previous, key) >= 0 {
                    log.add(
                        tree.role == .duplicates ? .dupOrder : .keyOrder, page: pgno, database: database,
                        "\(database): keys of branch page \(pgno) are out of order at node \(index)")
                } else if let lower, tree.keyOrder.compare(key, lower) < 0 {
                    log.add(
                        tree.role == .duplicates ? .dupOrder : .keyOrder, page: pgno, database: database,
                        "\(database): key \(index) of branch page \(pgno) is below the bound its parent sets")
                } else if let upperKey, tree.keyOrder.compare(key, upperKey) >= 0 {
                    log.add(
                        tree.role == .duplicates ? .dupOrder : .keyOrder, page: pgno, database: database,
                        "\(database): key \(index) of branch page \(pgno) is not below the bound its parent sets")
                }
                previous = key
                childLower = key
            }
            let childUpper = index + 1 < count ? nextKey : upperKey
            nextKey = index + 2 < count ? branchKey(page, index + 2, upper: upper) : nil
            descend(child, level: level + 1, lower: childLower, upper: childUpper, &tree, visit)
        }
    }

    /// Checks `key` against the previous key of the tree and the page's bounds.
    @inline(__always) mutating func order(
        _ key: ByteRun, pgno: UInt64, index: Int, lower: ByteRun?, upper: ByteRun?, _ tree: inout TreeState
    ) {
        let kind: StructureFinding.Kind = tree.role == .duplicates ? .dupOrder : .keyOrder
        if let previous = tree.previousKey {
            if tree.keyOrder.compare(previous, key) >= 0 {
                log.add(
                    kind, page: pgno, database: database,
                    "\(database): key \(index) of leaf page \(pgno) is not above the key before it")
            }
        } else if let lower, tree.keyOrder.compare(key, lower) < 0 {
            log.add(
                kind, page: pgno, database: database,
                "\(database): key \(index) of leaf page \(pgno) is below the bound its parent sets")
        }
        if let upper, tree.keyOrder.compare(key, upper) >= 0 {
            log.add(
                kind, page: pgno, database: database,
                "\(database): key \(index) of leaf page \(pgno) is not below the bound its parent sets")
        }
        tree.previousKey = key
    }

    mutating func walkLeaf(
        _ page: UnsafeRawPointer, pgno: UInt64, count: Int, upper: Int, lower: ByteRun?, upperKey: ByteRun?,
        _ tree: inout TreeState, _ visit: EntryVisitor
    ) {
        if count == 0 && tree.role != .main {
            log.add(.pageBounds, page: pgno, database: database, "\(database): leaf page \(pgno) holds no entries")
        }
        for index in 0..<count {
            guard let offset = nodeOffset(page, index, upper: upper, size: pageSize) else {
                log.add(
                    .pageBounds, page: pgno, database: database,
                    "\(database): node \(index) of leaf page \(pgno) lies outside the page")
                continue
            }
            let dataSize = Int(page.u16(offset)) | Int(page.u16(offset + 2)) << 16
            let flags = page.u16(offset + 4)
            let keySize = Int(page.u16(offset + 6))
            let keyStart = offset + Layout.nodeHeaderSize
            let dataStart = keyStart + keySize
            let inPage = flags & NodeFlag.bigData != 0 ? 8 : dataSize
            guard dataStart + inPage <= pageSize else {
                log.add(
                    .pageBounds, page: pgno, database: database,
                    "\(database): node \(index) of leaf page \(pgno) (key \(keySize) bytes, data \(dataSize) bytes) runs past the page"
                )
                continue
            }
            let key = ByteRun(start: page + keyStart, count: keySize)
            order(key, pgno: pgno, index: index, lower: lower, upper: upperKey, &tree)

            var value = ByteRun(start: page + dataStart, count: dataSize)
            if flags & NodeFlag.bigData != 0 {
                if flags & (NodeFlag.subData | NodeFlag.dupData) != 0 || tree.role == .duplicates {
                    log.add(
                        .nodeFlags, page: pgno, database: database,
                        "\(database): node \(index) of leaf page \(pgno) has flags 0x\(String(flags, radix: 16)), which cannot go together"
                    )
                    continue
                }
                guard let big = overflowValue(page.u64(dataStart), size: dataSize, from: pgno, &tree) else { continue }
                value = big
            }

            switch tree.role {
            case .main:
                if flags & NodeFlag.subData != 0 {
                    guard dataSize == Layout.recordSize, flags & NodeFlag.dupData == 0 else {
                        log.add(
                            .subdbRecord, page: pgno, database: database,
                            "(main): the record of sub-database \"\(String(decoding: key.buffer, as: UTF8.self))\" is \(dataSize) bytes, not 48"
                        )
                        continue
                    }
                    named.append(
                        NamedDatabase(
                            name: String(decoding: key.buffer, as: UTF8.self),
                            record: DatabaseRecord(at: value.start, offset: 0)))
                } else {
                    visit(key.buffer, value.buffer)
                }
                tree.tally.entries &+= 1
            case .free:
                readFreeList(value, pgno: pgno)
                tree.tally.entries &+= 1
            case .plain, .duplicates:
                if flags & (NodeFlag.subData | NodeFlag.dupData) != 0 {
                    log.add(
                        .nodeFlags, page: pgno, database: database,
                        "\(database): node \(index) of leaf page \(pgno) has duplicate flags 0x\(String(flags, radix: 16)) in a database without duplicates"
                    )
                    continue
                }
                if tree.role == .duplicates, let outer = tree.outerKey {
                    visit(outer.buffer, key.buffer)
                } else {
                    visit(key.buffer, value.buffer)
                }
                tree.tally.entries &+= 1
            case .dupSort:
                if flags & NodeFlag.dupData == 0 {
                    if flags & NodeFlag.subData != 0 {
                        log.add(
                            .nodeFlags, page: pgno, database: database,
                            "\(database): node \(index) of leaf page \(pgno) has a nested tree but no duplicates flag")
                        continue
                    }
                    visit(key.buffer, value.buffer)
                    tree.tally.entries &+= 1
                } else if flags & NodeFlag.subData != 0 {
                    guard dataSize == Layout.recordSize else {
                        log.add(
                            .subdbRecord, page: pgno, database: database,
                            "\(database): the nested duplicate record of node \(index) of leaf page \(pgno) is \(dataSize) bytes, not 48"
                        )
                        continue
                    }
                    let nested = DatabaseRecord(at: value.start, offset: 0)
                    let tally = walkTree(
                        nested, role: .duplicates, outerKey: key, keyOrder: tree.dupOrder, visit: visit)
                    nestedTrees += 1
                    nestedTally.branchPages &+= tally.branchPages
                    nestedTally.leafPages &+= tally.leafPages
                    nestedTally.overflowPages &+= tally.overflowPages
                    tree.tally.entries &+= tally.entries
                } else {
                    tree.tally.entries &+= walkSubpage(value, key: key, pgno: pgno, index: index, &tree, visit)
                }
            }
        }
    }

    /// Walks a `P_LEAF2` page of fixed-size duplicates (nested trees of `MDB_DUPFIXED` databases).
    mutating func walkFixedLeaf(
        _ page: UnsafeRawPointer, pgno: UInt64, count: Int, lower: ByteRun?, upper: ByteRun?,
        _ tree: inout TreeState, _ visit: EntryVisitor
    ) {
        let size = Int(tree.record.pad)
        guard size > 0, Layout.pageHeaderSize + count * size <= pageSize else {
            log.add(
                .pageBounds, page: pgno, database: database,
                "\(database): fixed-size leaf page \(pgno) cannot hold \(count) values of \(size) bytes")
            return
        }
        for index in 0..<count {
            let key = ByteRun(start: page + Layout.pageHeaderSize + index * size, count: size)
            order(key, pgno: pgno, index: index, lower: lower, upper: upper, &tree)
            if let outer = tree.outerKey { visit(outer.buffer, key.buffer) }
            tree.tally.entries &+= 1
        }
    }

    /// Walks the inline sub-page of duplicates stored in a node's data; returns the duplicates seen.
    mutating func walkSubpage(
        _ data: ByteRun, key: ByteRun, pgno: UInt64, index: Int, _ tree: inout TreeState, _ visit: EntryVisitor
    ) -> UInt64 {
        let size = data.count
        let sub = data.start
        guard size >= Layout.pageHeaderSize else {
            log.add(
                .pageBounds, page: pgno, database: database,
                "\(database): the duplicates of node \(index) of leaf page \(pgno) take \(size) bytes, too few for a sub-page")
            return 0
        }
        let flags = sub.u16(10) & PageFlag.typeMask
        let fixed = flags == PageFlag.leaf | PageFlag.subpage | PageFlag.leaf2
        guard flags == PageFlag.leaf | PageFlag.subpage || fixed else {
            log.add(
                .pageType, page: pgno, database: database,
                "\(database): the duplicates sub-page of node \(index) of leaf page \(pgno) has flags 0x\(String(flags, radix: 16))")
            return 0
        }
        let lower = Int(sub.u16(12))
        let upper = Int(sub.u16(14))
        guard lower >= Layout.pageHeaderSize, lower & 1 == 0, fixed || (lower <= upper && upper <= size) else {
            log.add(
                .pageBounds, page: pgno, database: database,
                "\(database): the duplicates sub-page of node \(index) of leaf page \(pgno) has lower \(lower) and upper \(upper) in \(size) bytes"
            )
            return 0
        }
        let count = (lower - Layout.pageHeaderSize) >> 1
        let fixedSize = Int(sub.u16(8))
        if fixed {
            guard fixedSize > 0, Layout.pageHeaderSize + count * fixedSize <= size else {
                log.add(
                    .pageBounds, page: pgno, database: database,
                    "\(database): the fixed-size duplicates of node \(index) of leaf page \(pgno) do not fit their sub-page")
                return 0
            }
        }
        var previous: ByteRun?
        var seen: UInt64 = 0
        for dup in 0..<count {
            let value: ByteRun
            if fixed {
                value = ByteRun(start: sub + Layout.pageHeaderSize + dup * fixedSize, count: fixedSize)
            } else {
                guard let offset = nodeOffset(sub, dup, upper: upper, size: size) else {
                    log.add(
                        .pageBounds, page: pgno, database: database,
                        "\(database): duplicate \(dup) of node \(index) of leaf page \(pgno) lies outside its sub-page")
                    continue
                }
                let valueSize = Int(sub.u16(offset + 6))
                guard offset + Layout.nodeHeaderSize + valueSize <= size else {
                    log.add(
                        .pageBounds, page: pgno, database: database,
                        "\(database): duplicate \(dup) of node \(index) of leaf page \(pgno) runs past its sub-page")
                    continue
                }
                value = ByteRun(start: sub + offset + Layout.nodeHeaderSize, count: valueSize)
            }
            if let previous, tree.dupOrder.compare(previous, value) >= 0 {
                log.add(
                    .dupOrder, page: pgno, database: database,
                    "\(database): duplicate \(dup) of node \(index) of leaf page \(pgno) is not above the one before it")
            }
            previous = value
            visit(key.buffer, value.buffer)
            seen &+= 1
        }
        return seen
    }

    // MARK: Overflow and free list

    /// The value stored on the overflow run at `pgno`, after checking and marking the run.
    mutating func overflowValue(_ pgno: UInt64, size: Int, from leaf: UInt64, _ tree: inout TreeState) -> ByteRun? {
        guard pgno >= Layout.metaPageCount, pgno <= lastPage, pgno < filePages else {
            log.add(
                .overflowRange, page: leaf, database: database,
                "\(database): leaf page \(leaf) points at overflow page \(pgno), outside pages 2...\(min(lastPage, filePages &- 1))"
            )
            return nil
        }
        let page = base + Int(truncatingIfNeeded: pgno) &* pageSize
        let flags = page.u16(10) & PageFlag.typeMask
        guard flags == PageFlag.overflow, page.u64(0) == pgno else {
            log.add(
                .overflowRange, page: pgno, database: database,
                "\(database): page \(pgno), referenced as an overflow run from leaf page \(leaf), is not an overflow page")
            return nil
        }
        let run = UInt64(page.u32(12))
        let end = pgno &+ run &- 1
        guard run >= 1, end <= lastPage, end < filePages else {
            log.add(
                .overflowRange, page: pgno, database: database,
                "\(database): the overflow run at page \(pgno) claims \(run) pages, past the end")
            return nil
        }
        guard UInt64(Layout.pageHeaderSize) + UInt64(size) <= run * UInt64(pageSize) else {
            log.add(
                .overflowRange, page: pgno, database: database,
                "\(database): the overflow run at page \(pgno) has \(run) pages, too few for a \(size)-byte value")
            return nil
        }
        var p = pgno
        while p <= end {
            if p >= pages.pageCount || !pages.insert(p) {
                log.add(
                    .pageShared, page: p, database: database,
                    "\(database): overflow page \(p) is reached a second time")
                return nil
            }
            p &+= 1
        }
        tree.tally.overflowPages &+= run
        return ByteRun(start: page + Layout.pageHeaderSize, count: size)
    }

    /// Reads one free-list value: a count, then that many page numbers.
    mutating func readFreeList(_ value: ByteRun, pgno: UInt64) {
        guard value.count >= 8 else {
            log.add(.freeList, page: pgno, database: database, "(free): an entry of leaf page \(pgno) is \(value.count) bytes")
            return
        }
        let count = value.start.u64(0)
        guard count <= UInt64((value.count - 8) / 8) else {
            log.add(
                .freeList, page: pgno, database: database,
                "(free): an entry of leaf page \(pgno) claims \(count) pages in \(value.count) bytes")
            return
        }
        for i in 0..<Int(count) {
            let free = value.start.u64(8 + i * 8)
            if free < Layout.metaPageCount || free >= freeListed.pageCount {
                log.add(
                    .freeList, page: pgno, database: database,
                    "(free): the free list names page \(free), outside pages 2...\(freeListed.pageCount &- 1)")
            } else if !freeListed.insert(free) {
                log.add(.freeList, page: free, database: database, "(free): page \(free) is on the free list twice")
            }
        }
    }
}

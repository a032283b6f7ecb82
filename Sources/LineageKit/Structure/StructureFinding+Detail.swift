extension StructureFinding {
    /// One of the two trees a meta page records.
    public enum MetaTree: String, Sendable, Equatable {
        /// The main DB, whose leaves name the sub-databases.
        case main
        /// The free-list DB.
        case free
    }

    /// Branch, leaf and overflow page counts, as walked or as a record declares them.
    public struct PageCounts: Sendable, Equatable {
        /// Branch pages.
        public let branch: UInt64
        /// Leaf pages.
        public let leaf: UInt64
        /// Overflow pages.
        public let overflow: UInt64

        /// Makes a set of counts.
        public init(branch: UInt64, leaf: UInt64, overflow: UInt64) {
            self.branch = branch
            self.leaf = leaf
            self.overflow = overflow
        }
    }

    /// Which situation a finding is, with the numbers that describe it.
    ///
    /// The finding's own `database` and `page` are not repeated here; pages other
    /// than the finding's own (a child, an overflow run, a listed free page) are.
    /// `nested` says the tree is one key's nested duplicate tree, not the database's own.
    public enum Detail: Sendable, Equatable {
        // MARK: Meta pages (page 0 or 1, when one is to blame)

        /// The file has no bytes.
        case fileEmpty
        /// The file is shorter than one meta page.
        case fileTooSmall(length: Int)
        /// The file ends before this meta page.
        case metaPagePastEnd(length: Int)
        /// No valid second meta page at any legal page size (meta 0 being unusable too).
        case noMetaAtAnyPageSize
        /// This page's flags do not mark a meta page.
        case notMetaPage(flags: UInt16)
        /// The meta page's magic number is wrong.
        case badMagic(UInt32)
        /// The meta page's data version is not LMDB 0.9's.
        case unsupportedVersion(UInt32)
        /// The page size in the free DB record is not a power of two in 512...65536.
        case badPageSize(Int)
        /// The two meta pages give different page sizes.
        case pageSizesDisagree(Int, Int)
        /// The meta page holds a transaction id LMDB would have written to the other meta page.
        case transactionOnWrongMetaPage(txnid: UInt64)
        /// The two meta pages do not hold consecutive transactions.
        case transactionsNotConsecutive(UInt64, UInt64)
        /// The file is shorter than two pages.
        case fileShorterThanTwoPages(length: Int, pageSize: Int)
        /// The meta page's last page number lies below the two meta pages.
        case lastPageBelowMeta(lastPage: UInt64)
        /// The file is shorter than the newest meta page says.
        case fileTruncated(length: Int, pages: UInt64, pageSize: Int)
        /// An empty tree's record still claims a depth or entries.
        case emptyMetaTreeClaims(MetaTree, depth: UInt16, entries: UInt64)
        /// A tree's root page lies outside `2...lastPage`.
        case metaRootOutOfRange(MetaTree, root: UInt64, lastPage: UInt64)
        /// A tree's root page lies past the end of the file.
        case metaRootPastFileEnd(MetaTree, root: UInt64, filePages: UInt64)
        /// A tree's record claims an impossible depth.
        case metaTreeDepth(MetaTree, depth: UInt16)

        // MARK: Trees against their records (the page is the root)

        /// The record has no root page but claims a depth, entries or pages.
        case emptyTreeClaims(nested: Bool, depth: UInt16, entries: UInt64, pages: UInt64)
        /// The record claims a depth of 0 or more than 64 for a tree with a root.
        case recordDepth(nested: Bool, depth: UInt16)
        /// The walk delivered a different number of entries than the record declares.
        case entriesDiffer(nested: Bool, walked: UInt64, declared: UInt64)
        /// The walk reached different page counts than the record declares, with or without nested trees.
        case pagesDiffer(nested: Bool, walked: PageCounts, inNestedTrees: PageCounts, declared: PageCounts)

        // MARK: Pages

        /// A tree points at a meta page.
        case pointsAtMetaPage
        /// The page lies past the meta page's last page.
        case pastLastPage(lastPage: UInt64)
        /// The page lies past the end of the file.
        case pastFileEnd(filePages: UInt64)
        /// The page was already reached in this walk.
        case reachedTwice
        /// The page was reached by another tree's walk as well (`pagesInGroup` of this group of 64 pages).
        case reachedFromAnotherTree(pagesInGroup: Int)
        /// The page is on the free list and reachable from a tree (`pagesInGroup` of this group of 64 pages).
        case freeButReachable(pagesInGroup: Int)
        /// `count` of the `total` pages are neither reachable nor free; this page is the first.
        case unaccountedPages(count: UInt64, total: UInt64)
        /// The page's stored number differs from where it sits.
        case pageNumberMismatch(stored: UInt64)
        /// The page flags fit neither a branch nor a leaf (or not a leaf where one is due).
        case unexpectedPageFlags(flags: UInt16, level: Int, leafExpected: Bool)
        /// The root's type contradicts the record's depth.
        case rootContradictsDepth(isBranch: Bool, depth: Int)
        /// A branch where a leaf is due or the other way round.
        case wrongKindAtLevel(isBranch: Bool, level: Int, depth: Int)
        /// A branch page so far down that the tree cannot be sound.
        case tooDeep(level: Int)
        /// A leaf at another level than the tree's other leaves.
        case leafLevelDiffers(level: Int, otherLevel: Int)
        /// The header's `lower` and `upper` lie outside the page or cross.
        case headerBounds(lower: Int, upper: Int, pageSize: Int)

        // MARK: Nodes and keys

        /// A branch page without a single child.
        case branchWithoutChildren
        /// The branch page has one child: LMDB asserts two or more on every search (and
        /// py-lmdb's build aborts there).
        case branchWithOneChild
        /// A leaf page (other than the main DB's) without entries.
        case leafWithoutEntries
        /// The header of node `node` lies outside the page.
        case nodeOutsidePage(node: Int, onBranch: Bool)
        /// The key of branch node `node` runs past the page.
        case branchKeyPastPage(node: Int)
        /// Leaf node `node` runs past the page.
        case leafNodePastPage(node: Int, keySize: Int, dataSize: Int)
        /// The keys of a branch page are out of order at node `node`.
        case branchKeysOutOfOrder(node: Int)
        /// Key `key` of a leaf page is not above the key before it.
        case keyNotAbovePrevious(key: Int)
        /// Key `key` is below the bound its parent sets.
        case keyBelowParentBound(key: Int, onBranch: Bool)
        /// Key `key` is not below the bound its parent sets.
        case keyNotBelowParentBound(key: Int, onBranch: Bool)
        /// A fixed-size leaf page cannot hold its values.
        case fixedLeafOverfull(count: Int, valueSize: Int)
        /// Leaf node `node` has big-data flags that cannot go with its other flags or tree.
        case conflictingNodeFlags(node: Int, flags: UInt16)
        /// Duplicate `duplicate` in the sub-page of leaf node `node` has node flags; a
        /// duplicate is a bare key.
        case duplicateNodeFlags(duplicate: Int, node: Int, flags: UInt16)
        /// Leaf node `node` has duplicate flags in a database without duplicates.
        case duplicateFlagsWithoutDupSort(node: Int, flags: UInt16)
        /// Leaf node `node` has a nested tree but no duplicates flag.
        case nestedTreeWithoutDuplicatesFlag(node: Int)

        // MARK: Database records

        /// The main DB names no sub-database of the finding's database name.
        case noSuchSubDatabase
        /// A database record's flags, fixed key size or depth are ones LMDB refuses (a flag
        /// that needs `MDB_DUPSORT` without it, the in-memory `MDB_VALID` bit, a key size past
        /// a page, more than 32 levels), or the main DB's flags hide the named databases.
        case recordRefused(flags: UInt16, reason: String)
        /// A sub-database's record in the main DB is not 48 bytes; `name` is the raw key.
        case subDatabaseRecordSize(name: [UInt8], size: Int)
        /// The nested duplicate record of leaf node `node` is not 48 bytes.
        case nestedRecordSize(node: Int, size: Int)

        // MARK: Duplicates in sub-pages (all on the leaf page holding node `node`)

        /// The node's duplicates take too few bytes for a sub-page.
        case subpageTooSmall(node: Int, size: Int)
        /// The node's sub-page has flags other than a (fixed-size) leaf sub-page's.
        case subpageFlags(node: Int, flags: UInt16)
        /// The sub-page's `lower` and `upper` lie outside its bytes or cross.
        case subpageBounds(node: Int, lower: Int, upper: Int, size: Int)
        /// The fixed-size duplicates do not fit their sub-page.
        case subpageFixedOverfull(node: Int)
        /// Duplicate `duplicate` lies outside its sub-page.
        case duplicateOutsideSubpage(duplicate: Int, node: Int)
        /// Duplicate `duplicate` runs past its sub-page.
        case duplicatePastSubpage(duplicate: Int, node: Int)
        /// Duplicate `duplicate` is not above the one before it.
        case duplicateNotAbovePrevious(duplicate: Int, node: Int)

        // MARK: Overflow runs

        /// The leaf page points at an overflow page outside `2...lastUsable`.
        case overflowOutOfRange(overflowPage: UInt64, lastUsable: UInt64)
        /// The page, referenced as an overflow run from leaf page `leaf`, is not an overflow page.
        case notOverflowPage(leaf: UInt64)
        /// The overflow run starting here claims `run` pages, past the end.
        case overflowRunPastEnd(run: UInt64)
        /// The overflow run starting here is too short for its value.
        case overflowRunTooShort(run: UInt64, valueSize: Int)
        /// This overflow page was already reached.
        case overflowPageReachedTwice

        // MARK: Free list (entries of the leaf page, or the listed page)

        /// A free-list entry is shorter than its count.
        case freeEntryTooShort(size: Int)
        /// A free-list entry claims more pages than its bytes hold.
        case freeEntryOverfull(count: UInt64, size: Int)
        /// The free list names a page outside `2...lastPage`.
        case freePageOutOfRange(freePage: UInt64, lastPage: UInt64)
        /// This page is on the free list twice.
        case freePageListedTwice
    }
}

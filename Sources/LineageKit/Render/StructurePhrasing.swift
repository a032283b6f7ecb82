/// Words structure findings for people: one sentence per `StructureFinding.Detail`.
///
/// The sentence leaves out the finding's location (its database and its own page),
/// which every renderer shows once beside it; other pages a finding involves (a child,
/// an overflow run, a listed free page) stay in the sentence. Raw key bytes are escaped
/// for one line of text.
public enum StructurePhrasing {
    /// The sentence for `finding`, without its database or its own page.
    public static func describe(_ finding: StructureFinding) -> String {
        describe(finding.detail)
    }

    /// `finding` with its location in front, for one line that stands alone:
    /// `in_edges, page 13: keys of the branch page are out of order at node 2`.
    public static func located(_ finding: StructureFinding) -> String {
        var location: [String] = []
        if let database = finding.database { location.append(Escaping.text(database)) }
        if let page = finding.page { location.append("page \(page)") }
        let phrase = describe(finding)
        return location.isEmpty ? phrase : location.joined(separator: ", ") + ": " + phrase
    }

    static func describe(_ detail: StructureFinding.Detail) -> String {
        switch detail {
        case .fileEmpty:
            return "the file is empty: it holds no LMDB meta pages"
        case .fileTooSmall(let length):
            return "the file is \(length) bytes: too small to hold an LMDB meta page"
        case .metaPagePastEnd(let length):
            return "the file ends before this meta page (\(length) bytes)"
        case .noMetaAtAnyPageSize:
            return "no valid meta page found at any legal page size"
        case .notMetaPage(let flags):
            return "not a meta page (page flags \(hex(flags)))"
        case .badMagic(let magic):
            return "bad magic \(hex(magic)) (expected 0xbeefc0de)"
        case .unsupportedVersion(let version):
            return "unsupported LMDB data version \(version) (expected 1)"
        case .badPageSize(let size):
            return "page size \(size) is not a power of two in 512...65536"
        case .pageSizesDisagree(let a, let b):
            return "the meta pages disagree on the page size (\(a) and \(b))"
        case .transactionOnWrongMetaPage(let txnid):
            return "the meta page holds transaction \(txnid), which LMDB would have written to page \(txnid & 1): the id is damaged"
        case .transactionsNotConsecutive(let a, let b):
            return
                "the meta pages hold transactions \(a) and \(b), not consecutive ones: one of them is damaged and readers may see the wrong snapshot"
        case .fileShorterThanTwoPages(let length, let pageSize):
            return "the file is \(length) bytes, less than two pages of \(pageSize) bytes"
        case .lastPageBelowMeta(let lastPage):
            return "last page \(lastPage) is below the two meta pages"
        case .fileTruncated(let length, let pages, let pageSize):
            let (bytes, overflow) = pages.multipliedReportingOverflow(by: UInt64(pageSize))
            let needed = overflow ? "more than \(UInt64.max)" : "\(bytes)"
            return "the file is \(length) bytes but the newest meta page says it has \(pages) pages (\(needed) bytes): it looks truncated"
        case .emptyMetaTreeClaims(let tree, let depth, let entries):
            return "the empty \(tree.rawValue) DB claims depth \(depth) and \(entries) entries"
        case .metaRootOutOfRange(let tree, let root, let lastPage):
            return "the \(tree.rawValue) DB root page \(root) is outside pages 2...\(lastPage)"
        case .metaRootPastFileEnd(let tree, let root, let filePages):
            return "the \(tree.rawValue) DB root page \(root) lies beyond the end of the file (\(filePages) pages)"
        case .metaTreeDepth(let tree, let depth):
            return "the \(tree.rawValue) DB claims depth \(depth)"

        case .emptyTreeClaims(let nested, let depth, let entries, let pages):
            return "\(nestedPrefix(nested))the record has no root page but claims depth \(depth), \(entries) entries and \(pages) pages"
        case .recordDepth(let nested, let depth):
            return "\(nestedPrefix(nested))the record claims depth \(depth) for the tree rooted at this page"
        case .entriesDiffer(let nested, let walked, let declared):
            return "\(nestedPrefix(nested))walked \(walked) entries but the record says \(declared)"
        case .pagesDiffer(let nested, let walked, let inNested, let declared):
            let own = "walked \(walked.branch) branch, \(walked.leaf) leaf and \(walked.overflow) overflow pages"
            let more = "(\(inNested.branch), \(inNested.leaf) and \(inNested.overflow) more in nested trees)"
            let record = "the record says \(declared.branch), \(declared.leaf) and \(declared.overflow)"
            return "\(nestedPrefix(nested))\(own) \(more) but \(record)"

        case .pointsAtMetaPage:
            return "a tree points at this meta page"
        case .pastLastPage(let lastPage):
            return "the page is past the last page \(lastPage)"
        case .pastFileEnd(let filePages):
            return "the page lies beyond the end of the file (\(filePages) pages)"
        case .reachedTwice:
            return "the page is reached a second time"
        case .reachedFromAnotherTree(let count):
            return "the page is also reached from another tree (\(count) such pages in this group of 64)"
        case .freeButReachable(let count):
            return "the page is on the free list but reachable from a tree (\(count) such pages in this group of 64)"
        case .unaccountedPages(let count, let total):
            return "\(count) of the \(total) pages are neither reachable from a tree nor on the free list (this page is the first)"
        case .pageNumberMismatch(let stored):
            return "the page says it is page \(stored)"
        case .unexpectedPageFlags(let flags, let level, let leafExpected):
            return "the page at level \(level) has page flags \(hex(flags)): not a \(leafExpected ? "leaf" : "branch or leaf") page"
        case .rootContradictsDepth(let isBranch, let depth):
            return "the root page is a \(kind(isBranch)) page but the record says the tree has depth \(depth)"
        case .wrongKindAtLevel(let isBranch, let level, let depth):
            return "the page is a \(kind(isBranch)) page at level \(level) of a tree of depth \(depth): a \(kind(!isBranch)) page was expected"
        case .tooDeep(let level):
            return "the page is a branch page \(level) levels down: the tree is too deep to be sound"
        case .leafLevelDiffers(let level, let otherLevel):
            return "the leaf page is at level \(level) but other leaves are at level \(otherLevel)"
        case .headerBounds(let lower, let upper, let pageSize):
            return "the page has lower \(lower) and upper \(upper), outside \(Layout.pageHeaderSize)...\(pageSize) or crossed"

        case .branchWithoutChildren:
            return "the branch page has no children"
        case .branchWithOneChild:
            return "the branch page has one child (LMDB asserts two or more on every search)"
        case .leafWithoutEntries:
            return "the leaf page holds no entries"
        case .nodeOutsidePage(let node, let onBranch):
            return "node \(node) of the \(kind(onBranch)) page lies outside the page"
        case .branchKeyPastPage(let node):
            return "the key of node \(node) of the branch page runs past the page"
        case .leafNodePastPage(let node, let keySize, let dataSize):
            return "node \(node) of the leaf page (key \(keySize) bytes, data \(dataSize) bytes) runs past the page"
        case .branchKeysOutOfOrder(let node):
            return "keys of the branch page are out of order at node \(node)"
        case .keyNotAbovePrevious(let key):
            return "key \(key) of the leaf page is not above the key before it"
        case .keyBelowParentBound(let key, let onBranch):
            return "key \(key) of the \(kind(onBranch)) page is below the bound its parent sets"
        case .keyNotBelowParentBound(let key, let onBranch):
            return "key \(key) of the \(kind(onBranch)) page is not below the bound its parent sets"
        case .fixedLeafOverfull(let count, let valueSize):
            return "the fixed-size leaf page cannot hold \(count) values of \(valueSize) bytes"
        case .conflictingNodeFlags(let node, let flags):
            return "node \(node) of the leaf page has flags \(hex(flags)), which cannot go together"
        case .duplicateNodeFlags(let duplicate, let node, let flags):
            return "duplicate \(duplicate) in the sub-page of node \(node) has node flags \(hex(flags)); a duplicate has none"
        case .duplicateFlagsWithoutDupSort(let node, let flags):
            return "node \(node) of the leaf page has duplicate flags \(hex(flags)) in a database without duplicates"
        case .nestedTreeWithoutDuplicatesFlag(let node):
            return "node \(node) of the leaf page has a nested tree but no duplicates flag"

        case .noSuchSubDatabase:
            return "the main DB names no such sub-database"
        case .recordRefused(let flags, let reason):
            return "the database record (flags 0x\(String(flags, radix: 16))) is one LMDB refuses: \(reason)"
        case .subDatabaseRecordSize(let name, let size):
            return "the record of sub-database \"\(Escaping.text(name))\" is \(size) bytes, not 48"
        case .nestedRecordSize(let node, let size):
            return "the nested duplicate record of node \(node) of the leaf page is \(size) bytes, not 48"

        case .subpageTooSmall(let node, let size):
            return "the duplicates of node \(node) of the leaf page take \(size) bytes, too few for a sub-page"
        case .subpageFlags(let node, let flags):
            return "the duplicates sub-page of node \(node) of the leaf page has flags \(hex(flags))"
        case .subpageBounds(let node, let lower, let upper, let size):
            return "the duplicates sub-page of node \(node) of the leaf page has lower \(lower) and upper \(upper) in \(size) bytes"
        case .subpageFixedOverfull(let node):
            return "the fixed-size duplicates of node \(node) of the leaf page do not fit their sub-page"
        case .duplicateOutsideSubpage(let duplicate, let node):
            return "duplicate \(duplicate) of node \(node) of the leaf page lies outside its sub-page"
        case .duplicatePastSubpage(let duplicate, let node):
            return "duplicate \(duplicate) of node \(node) of the leaf page runs past its sub-page"
        case .duplicateNotAbovePrevious(let duplicate, let node):
            return "duplicate \(duplicate) of node \(node) of the leaf page is not above the one before it"

        case .overflowOutOfRange(let overflowPage, let lastUsable):
            return "the leaf page points at overflow page \(overflowPage), outside pages 2...\(lastUsable)"
        case .notOverflowPage(let leaf):
            return "the page, referenced as an overflow run from leaf page \(leaf), is not an overflow page"
        case .overflowRunPastEnd(let run):
            return "the overflow run starting at this page claims \(run) pages, past the end"
        case .overflowRunTooShort(let run, let valueSize):
            return "the overflow run starting at this page has \(run) pages, too few for a \(valueSize)-byte value"
        case .overflowPageReachedTwice:
            return "the overflow page is reached a second time"

        case .freeEntryTooShort(let size):
            return "an entry of the leaf page is \(size) bytes"
        case .freeEntryOverfull(let count, let size):
            return "an entry of the leaf page claims \(count) pages in \(size) bytes"
        case .freePageOutOfRange(let freePage, let lastPage):
            return "the free list names page \(freePage), outside pages 2...\(lastPage)"
        case .freePageListedTwice:
            return "the page is on the free list twice"
        }
    }

    private static func nestedPrefix(_ nested: Bool) -> String { nested ? "in a nested duplicate tree, " : "" }

    private static func kind(_ isBranch: Bool) -> String { isBranch ? "branch" : "leaf" }

    private static func hex(_ value: some BinaryInteger) -> String { "0x" + String(value, radix: 16) }
}

extension StructureFinding: CustomStringConvertible {
    /// The code in brackets, then the located sentence: `[key-order] in_edges, page 13: ...`.
    public var description: String { "[\(code)] \(StructurePhrasing.located(self))" }
}

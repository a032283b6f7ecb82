/// What one walk of one tree found: counts, findings, and the pages it reached.
public struct DatabaseWalkResult: Sendable {
    /// The sub-database's name, or `"(main)"` / `"(free)"`.
    public let name: String
    /// The record the walk started from, `nil` when the database does not exist or no meta is usable.
    public let record: DatabaseRecord?
    /// Entries delivered to the visitor (every duplicate counts), to compare with `record.entries`.
    public let entriesWalked: UInt64
    /// Branch pages of the database's own tree.
    public let branchPages: UInt64
    /// Leaf pages of the database's own tree.
    public let leafPages: UInt64
    /// Overflow pages of the database's own tree.
    public let overflowPages: UInt64
    /// Nested duplicate trees (keys whose duplicates outgrew a sub-page).
    public let nestedTrees: Int
    /// Pages of all nested duplicate trees together.
    public let nestedPages: UInt64
    /// The first findings of this walk (at most 100).
    public let findings: [StructureFinding]
    /// How many findings this walk made in all.
    public let findingCount: Int

    /// Every page this walk reached, nested trees and overflow runs included.
    public var pagesWalked: UInt64 { pages.count }

    /// Whether the walk found nothing wrong.
    public var isClean: Bool { findingCount == 0 }

    let pages: PageBitmap
    let freeListed: PageBitmap

    init(name: String, record: DatabaseRecord?, walk: TreeWalk, tally: TreeTally) {
        self.name = name
        self.record = record
        self.entriesWalked = tally.entries
        self.branchPages = tally.branchPages
        self.leafPages = tally.leafPages
        self.overflowPages = tally.overflowPages
        self.nestedTrees = walk.nestedTrees
        self.nestedPages = walk.nestedTally.branchPages &+ walk.nestedTally.leafPages &+ walk.nestedTally.overflowPages
        self.findings = walk.log.kept
        self.findingCount = walk.log.total
        self.pages = walk.pages
        self.freeListed = walk.freeListed
    }

    init(name: String, finding: StructureFinding?) {
        self.name = name
        self.record = nil
        self.entriesWalked = 0
        self.branchPages = 0
        self.leafPages = 0
        self.overflowPages = 0
        self.nestedTrees = 0
        self.nestedPages = 0
        self.findings = finding.map { [$0] } ?? []
        self.findingCount = finding == nil ? 0 : 1
        self.pages = PageBitmap(pageCount: 0)
        self.freeListed = PageBitmap(pageCount: 0)
    }
}

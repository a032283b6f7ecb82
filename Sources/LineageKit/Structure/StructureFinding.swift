/// One thing wrong with a checkpoint file's LMDB structure, as data: what kind,
/// where (database and page), and the numbers that say how.
///
/// A finding holds no prose; `StructurePhrasing` words it, so each format shows the
/// location once and escapes the raw bytes its own way.
public struct StructureFinding: Sendable, Equatable {
    /// A stable, short name for the kind of damage, for scripts and tests.
    public enum Kind: String, Sendable, CaseIterable {
        /// A meta page is missing, malformed, or contradicts the file.
        case meta
        /// A page number lies past the last page or past the end of the file.
        case pageRange = "page-range"
        /// A page's type is not what its place in the tree requires.
        case pageType = "page-type"
        /// A page's stored page number differs from where it sits.
        case pageNumber = "page-number"
        /// A page's header or a node lies outside the page.
        case pageBounds = "page-bounds"
        /// A node's flags contradict its database.
        case nodeFlags = "node-flags"
        /// Keys are not strictly ascending or escape their branch bounds.
        case keyOrder = "key-order"
        /// Duplicate values of one key are not strictly ascending.
        case dupOrder = "dup-order"
        /// An overflow run is out of range, mistyped or too short for its value.
        case overflowRange = "overflow-range"
        /// Entry counts differ from the database record.
        case entryCount = "entry-count"
        /// Page counts differ from the database record.
        case pageCount = "page-count"
        /// A page is reachable twice, or both reachable and on the free list.
        case pageShared = "page-shared"
        /// A tree is deeper or shallower than its record says, or too deep to walk.
        case depth
        /// A database record (`MDB_db`) is malformed or missing.
        case subdbRecord = "subdb-record"
        /// A free-list entry is malformed or lists a page out of range.
        case freeList = "free-list"
        /// Pages that are neither reachable nor on the free list.
        case unaccounted
    }

    /// What kind of damage this is.
    public let kind: Kind
    /// The (sub-)database involved: a name, `"(main)"` or `"(free)"`, when there is one.
    public let database: String?
    /// The page involved, when there is one.
    public let page: UInt64?
    /// Which situation this is, with its numbers.
    public let detail: Detail

    /// Makes a finding.
    public init(kind: Kind, database: String? = nil, page: UInt64? = nil, detail: Detail) {
        self.kind = kind
        self.database = database
        self.page = page
        self.detail = detail
    }

    /// The stable short code of `kind`, e.g. `"key-order"`.
    public var code: String { kind.rawValue }
}

/// A capped list of findings with an exact total.
struct FindingLog: Sendable {
    static let defaultCap = 100

    private(set) var kept: [StructureFinding] = []
    private(set) var total = 0
    let cap: Int

    init(cap: Int = FindingLog.defaultCap) {
        self.cap = cap
    }

    /// Records a finding; the detail is only built while under the cap.
    mutating func add(
        _ kind: StructureFinding.Kind, page: UInt64? = nil, database: String?,
        _ detail: @autoclosure () -> StructureFinding.Detail
    ) {
        total += 1
        if kept.count < cap {
            kept.append(StructureFinding(kind: kind, database: database, page: page, detail: detail()))
        }
    }

    /// Records a finding made elsewhere (a walk's or the meta check's).
    mutating func add(_ finding: StructureFinding) {
        total += 1
        if kept.count < cap { kept.append(finding) }
    }

    /// Counts findings whose details were dropped under another log's cap.
    mutating func addUntold(_ count: Int) {
        total += max(0, count)
    }
}

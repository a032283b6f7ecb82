/// What a database's walk found, next to what its record declares.
public struct DatabaseSummary: Sendable, Equatable {
    /// The record's persistent flags (`0x04` for `MDB_DUPSORT`).
    public let flags: UInt16
    /// The record's declared depth.
    public let depth: UInt16
    /// Entries the walk delivered (every duplicate counts).
    public let entriesWalked: UInt64
    /// Entries the record declares.
    public let entriesDeclared: UInt64
    /// Pages the walk reached: own tree, nested duplicate trees and overflow runs.
    public let pages: UInt64
    /// The full record.
    public let record: DatabaseRecord?
}

/// The outcome of walking every tree of a checkpoint file.
public struct StructureReport: Sendable {
    /// The meta page the walk used, `nil` when neither meta page is usable.
    public let meta: MetaInfo?
    /// The main DB's walk.
    public let main: DatabaseSummary?
    /// The free-list DB's walk.
    public let freeList: DatabaseSummary?
    /// Each named sub-database's walk, by name.
    public let databases: [String: DatabaseSummary]
    /// The first findings (at most 100): meta, main, free list, sub-databases, then cross-tree checks.
    public let findings: [StructureFinding]
    /// How many findings there were in all.
    public let findingCount: Int
    /// Pages reached from any tree (meta pages not included).
    public let pagesReachable: UInt64
    /// Pages named by the free list.
    public let pagesOnFreeList: UInt64
    /// Whole pages in the file.
    public let filePages: UInt64

    /// Whether nothing at all is wrong.
    public var isClean: Bool { findingCount == 0 }
}

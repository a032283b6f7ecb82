/// An LMDB database record (`MDB_db`, 48 bytes): what a tree claims about itself.
public struct DatabaseRecord: Sendable, Equatable {
    /// `md_pad`: the page size in the free DB's record, the fixed value size for `MDB_DUPFIXED` sub-trees.
    public let pad: UInt32
    /// Persistent database flags (`MDB_DUPSORT` is `0x04`).
    public let flags: UInt16
    /// Levels of the tree, 0 when empty, 1 for a lone leaf.
    public let depth: UInt16
    /// Branch pages the tree claims.
    public let branchPages: UInt64
    /// Leaf pages the tree claims.
    public let leafPages: UInt64
    /// Overflow pages the tree claims.
    public let overflowPages: UInt64
    /// Entries the tree claims (every duplicate counts).
    public let entries: UInt64
    /// Root page number, `UInt64.max` when empty.
    public let root: UInt64

    /// Whether the record says the tree has no pages at all.
    public var isEmpty: Bool { root == Layout.invalidPage }

    /// Whether keys hold sorted duplicate values (`MDB_DUPSORT`).
    public var isDupSort: Bool { flags & DatabaseFlag.dupSort != 0 }

    /// Reads a record at `offset`; the caller guarantees 48 readable bytes there.
    init(at base: UnsafeRawPointer, offset: Int) {
        pad = base.u32(offset + RecordField.pad)
        flags = base.u16(offset + RecordField.flags)
        depth = base.u16(offset + RecordField.depth)
        branchPages = base.u64(offset + RecordField.branchPages)
        leafPages = base.u64(offset + RecordField.leafPages)
        overflowPages = base.u64(offset + RecordField.overflowPages)
        entries = base.u64(offset + RecordField.entries)
        root = base.u64(offset + RecordField.root)
    }
}

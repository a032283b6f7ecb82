#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Offsets and constants of the LMDB 0.9 on-disk format (64-bit build).
enum Layout {
    static let pageHeaderSize = 16
    static let nodeHeaderSize = 8
    static let metaOffset = 16
    static let metaSize = 136
    static let recordSize = 48
    static let magic: UInt32 = 0xBEEF_C0DE
    static let version: UInt32 = 1
    static let invalidPage: UInt64 = ~0
    static let metaPageCount: UInt64 = 2
    static let maxDepth = 64
    static let minPageSize = 512
    static let maxPageSize = 65536
}

/// Field offsets of a page header (`MDB_page`): `mp_pgno` (8 bytes), `mp_pad`, then
/// `mp_flags`, and `mp_lower` and `mp_upper` (or, on overflow pages, `mp_pages`).
enum PageField {
    static let pageNumber = 0
    static let flags = 10
    static let lower = 12
    static let upper = 14
    /// `mp_pages`, in place of `mp_lower` and `mp_upper` on the first page of an overflow run.
    static let overflowPages = 12
    /// `mp_pad`: on a fixed-size (`P_LEAF2`) page, the size of each value.
    static let fixedValueSize = 8
}

/// Field offsets of the meta (`MDB_meta`), from its start `Layout.metaOffset` into page 0 or 1.
enum MetaField {
    static let magic = 0
    static let version = 4
    static let mapSize = 16
    /// The free list's `MDB_db`, then the main database's.
    static let freeRecord = 24
    static let mainRecord = 24 + Layout.recordSize
    static let lastPage = 120
    static let txnid = 128
}

/// Field offsets of a database record (`MDB_db`, `Layout.recordSize` bytes).
enum RecordField {
    static let pad = 0
    static let flags = 4
    static let depth = 6
    static let branchPages = 8
    static let leafPages = 16
    static let overflowPages = 24
    static let entries = 32
    static let root = 40
}

/// Field offsets of a node header (`MDB_node`): the data size (or child page number) in
/// two 16-bit halves and, on branch nodes, a third; the flags; the key size.
enum NodeField {
    static let low = 0
    static let high = 2
    static let flags = 4
    static let keySize = 6
}

/// `mp_flags` bits.
enum PageFlag {
    static let branch: UInt16 = 0x01
    static let leaf: UInt16 = 0x02
    static let overflow: UInt16 = 0x04
    static let meta: UInt16 = 0x08
    static let leaf2: UInt16 = 0x20
    static let subpage: UInt16 = 0x40
    /// In memory only: a page found with it on disk is refused (py-lmdb's CVE-2019-16225 patch).
    static let dirty: UInt16 = 0x10
    /// The bits that say what a page is; others (dirty, loose, keep) are in-memory state.
    static let typeMask: UInt16 = branch | leaf | overflow | meta | leaf2 | subpage
}

/// `mn_flags` bits of leaf nodes.
enum NodeFlag {
    static let bigData: UInt16 = 0x01
    static let subData: UInt16 = 0x02
    static let dupData: UInt16 = 0x04
}

/// `md_flags` bits (persistent database flags).
enum DatabaseFlag {
    static let reverseKey: UInt16 = 0x02
    static let dupSort: UInt16 = 0x04
    static let integerKey: UInt16 = 0x08
    static let dupFixed: UInt16 = 0x10
    static let integerDup: UInt16 = 0x20
    static let reverseDup: UInt16 = 0x40
    /// `MDB_VALID`: set in memory only; `PERSISTENT_FLAGS` leaves it out.
    static let valid: UInt16 = 0x8000

    /// `BAD_DB_FLAGS`: a flag that is only valid with `MDB_DUPSORT`, without it.
    static func needsDupSort(_ flags: UInt16) -> Bool {
        flags & (dupFixed | integerDup | reverseDup) != 0 && flags & dupSort == 0
    }
}

extension UnsafeRawPointer {
    @inline(__always) func u16(_ offset: Int) -> UInt16 {
        UInt16(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }
    @inline(__always) func u32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
    @inline(__always) func u64(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}

/// A key or value inside the mapped file, compared without copying.
struct ByteRun {
    let start: UnsafeRawPointer
    let count: Int

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: count) }
}

/// How a database orders its keys (or its duplicates).
enum KeyOrder {
    /// Byte-wise, shorter first on a common prefix (LMDB's default `memcmp` order).
    case bytes
    /// Native unsigned integers of 4 or 8 bytes (`MDB_INTEGERKEY`).
    case integer
    /// An order this walker does not check (`MDB_REVERSEKEY` and the like).
    case unchecked

    init(flags: UInt16, forDuplicates: Bool) {
        let reverse = forDuplicates ? DatabaseFlag.reverseDup : DatabaseFlag.reverseKey
        let integer = forDuplicates ? DatabaseFlag.integerDup : DatabaseFlag.integerKey
        if flags & reverse != 0 {
            self = .unchecked
        } else if flags & integer != 0 {
            self = .integer
        } else {
            self = .bytes
        }
    }

    /// The sign of `a` compared with `b` under this order.
    @inline(__always) func compare(_ a: ByteRun, _ b: ByteRun) -> Int {
        switch self {
        case .bytes:
            let common = min(a.count, b.count)
            // Keys here are mostly udids, which differ in their first bytes: compare those
            // as one big-endian word and call memcmp only when they are equal.
            if common >= 8 {
                let x = UInt64(bigEndian: a.start.loadUnaligned(as: UInt64.self))
                let y = UInt64(bigEndian: b.start.loadUnaligned(as: UInt64.self))
                if x != y { return x < y ? -1 : 1 }
            }
            if common > 0 {
                let c = memcmp(a.start, b.start, common)
                if c != 0 { return Int(c) }
            }
            return a.count - b.count
        case .integer:
            if a.count == 8 && b.count == 8 {
                let x = a.start.u64(0)
                let y = b.start.u64(0)
                return x == y ? 0 : (x < y ? -1 : 1)
            }
            if a.count == 4 && b.count == 4 {
                let x = a.start.u32(0)
                let y = b.start.u32(0)
                return x == y ? 0 : (x < y ? -1 : 1)
            }
            return KeyOrder.bytes.compare(a, b)
        case .unchecked:
            return -1
        }
    }
}

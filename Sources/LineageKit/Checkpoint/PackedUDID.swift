/// A udid held as its 128-bit value: 16 bytes instead of a 32-character string, and
/// ordered exactly as the hex text is (big-endian halves).
struct PackedUDID: Hashable, Comparable {
    var high: UInt64
    var low: UInt64

    /// Parses 32 lowercase hex digits; `nil` for anything else.
    ///
    /// Eight digits at a time in one 64-bit word (SWAR): decode every byte to its
    /// nibble, encode the nibbles back and compare with the input (which validates
    /// all eight at once), then gather the nibbles into 32 bits.
    @inline(__always)
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == UDID.length, let base = bytes.baseAddress,
            let a = PackedUDID.parse8(base), let b = PackedUDID.parse8(base + 8),
            let c = PackedUDID.parse8(base + 16), let d = PackedUDID.parse8(base + 24)
        else { return nil }
        high = a << 32 | b
        low = c << 32 | d
    }

    @inline(__always)
    private static func parse8(_ pointer: UnsafeRawPointer) -> UInt64? {
        let word = UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
        let ones: UInt64 = 0x0101_0101_0101_0101
        // '0'...'9' = 0x30...0x39 -> low nibble; 'a'...'f' = 0x61...0x66 -> low nibble + 9.
        let nibbles = (word & (ones &* 0x0f)) &+ ((word >> 6) & ones) &* 9
        // Re-encode: nibble + '0', plus 0x27 more for 10...15 ('a' - '0' - 10).
        let isLetter = ((nibbles &+ ones &* 0x76) >> 7) & ones
        // 'g'...'o' decode past 15 and would re-encode to themselves: reject those too.
        guard nibbles & (ones &* 0xf0) == 0, nibbles &+ ones &* 0x30 &+ isLetter &* 0x27 == word else { return nil }
        // Gather: byte i holds digit i (first digit lowest); fold pairs, then quads.
        let pairs = ((nibbles << 4) | (nibbles >> 8)) & 0x00ff_00ff_00ff_00ff
        let quads = ((pairs << 8) | (pairs >> 16)) & 0x0000_ffff_0000_ffff
        return ((quads << 16) | (quads >> 32)) & 0xffff_ffff
    }

    /// The 32-character hex text.
    var string: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<16 {
            out[i] = digits[Int(high >> UInt64(60 - 4 * i) & 0xf)]
            out[16 + i] = digits[Int(low >> UInt64(60 - 4 * i) & 0xf)]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The public form, for findings (built only for the few examples kept).
    var udid: UDID {
        guard let udid = UDID(string) else { preconditionFailure("32 hex digits always form a udid") }
        return udid
    }

    @inline(__always)
    static func < (a: PackedUDID, b: PackedUDID) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
}

/// Maps udids to dense `Int32` ids: the sorted `task_type` keys are ids `0..<count`;
/// udids seen only in edges or `completed` get ids after them.
///
/// Lookups go through a radix directory on the top bits of the udid: udids are hashes,
/// so each bucket holds about one udid and a lookup touches two cache lines.
/// Memory: 16 bytes per task plus 4 to 8 for the directory.
struct TaskIndex {
    /// Sorted, distinct udids of `task_type`.
    private(set) var known: [PackedUDID]
    /// `directory[b]..<directory[b + 1]` are the known udids whose top `bits` bits are `b`.
    private let directory: [Int32]
    private let shift: UInt64
    private var extra: [PackedUDID: Int32] = [:]
    private(set) var extraList: [PackedUDID] = []

    init(sortedKnown: [PackedUDID]) {
        known = sortedKnown
        var bits: UInt64 = 1
        while (1 << bits) < sortedKnown.count && bits < 30 { bits += 1 }
        shift = 64 - bits
        var directory = [Int32](largeRepeating: 0, count: (1 << Int(bits)) + 1)
        for udid in sortedKnown { directory[Int(udid.high >> shift) + 1] += 1 }
        for b in 1..<directory.count { directory[b] += directory[b - 1] }
        self.directory = directory
    }

    var knownCount: Int { known.count }
    var count: Int { known.count + extraList.count }

    /// The udid of an id.
    func udid(_ id: Int32) -> PackedUDID {
        Int(id) < known.count ? known[Int(id)] : extraList[Int(id) - known.count]
    }

    /// The id of a `task_type` udid, or `nil`.
    @inline(__always)
    func knownID(_ udid: PackedUDID) -> Int32? {
        let bucket = Int(udid.high >> shift)
        return known.withUnsafeBufferPointer { known in
            directory.withUnsafeBufferPointer { directory in
                var i = Int(directory[bucket])
                let end = Int(directory[bucket + 1])
                while i < end {
                    if known[i] == udid { return Int32(i) }
                    i += 1
                }
                return nil
            }
        }
    }

    /// The id of a `task_type` udid, or `nil`, for udids looked up in ascending order (the
    /// keys of a sub-database): `cursor` remembers where the last one was found, so keys in
    /// order read the index front to back with a comparison or two each. Any order gives
    /// the right ids; a udid out of order or not in `task_type` costs one hashed lookup.
    @inline(__always)
    func knownID(_ udid: PackedUDID, from cursor: inout Int) -> Int32? {
        let next = known.withUnsafeBufferPointer { known -> Int32? in
            // A few steps cover the tasks that have no such key.
            var i = cursor
            let end = min(known.count, i + 4)
            while i < end {
                let candidate = known[i]
                if candidate == udid { return Int32(i) }
                if udid < candidate { return nil }
                i += 1
            }
            return nil
        }
        guard let id = next ?? knownID(udid) else { return nil }
        cursor = Int(id) + 1
        return id
    }

    /// Resolves `udids` to task ids, `-1` for udids not in `task_type`, and returns how
    /// many were not. Touches only the index and the output, so parts of one array can be
    /// resolved on two threads at once. With `inOrder` (udids ascending, as keys are) the
    /// index is read front to back; otherwise the lookups are independent and the CPU
    /// overlaps their cache misses.
    @discardableResult
    func resolve(_ udids: UnsafeBufferPointer<PackedUDID>, into ids: UnsafeMutableBufferPointer<Int32>, inOrder: Bool = false) -> Int {
        var missing = 0
        var cursor = 0
        for i in udids.indices {
            let id = inOrder ? knownID(udids[i], from: &cursor) : knownID(udids[i])
            ids[i] = id ?? -1
            if id == nil { missing += 1 }
        }
        return missing
    }

    /// The id of `udid`, giving a new id after the known ones to a udid not in `task_type`.
    @inline(__always)
    mutating func id(_ udid: PackedUDID) -> (id: Int32, known: Bool) {
        if let id = knownID(udid) { return (id, true) }
        if let id = extra[udid] { return (id, false) }
        let id = Int32(known.count + extraList.count)
        extra[udid] = id
        extraList.append(udid)
        return (id, false)
    }
}

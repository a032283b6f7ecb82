/// A udid held as its 128-bit value: 16 bytes instead of a 32-character string, and
/// ordered exactly as the hex text is (big-endian halves).
struct PackedUDID: Hashable, Comparable {
    var high: UInt64
    var low: UInt64

    /// Parses 32 lowercase hex digits; `nil` for anything else.
    @inline(__always)
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == UDID.length else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for i in 0..<16 {
            guard let nibble = PackedUDID.nibble(bytes[i]) else { return nil }
            high = high << 4 | nibble
        }
        for i in 16..<32 {
            guard let nibble = PackedUDID.nibble(bytes[i]) else { return nil }
            low = low << 4 | nibble
        }
        self.high = high
        self.low = low
    }

    @inline(__always)
    private static func nibble(_ byte: UInt8) -> UInt64? {
        if byte &- 0x30 < 10 { return UInt64(byte &- 0x30) }
        if byte &- 0x61 < 6 { return UInt64(byte &- 0x57) }
        return nil
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

    @inline(__always)
    static func < (a: PackedUDID, b: PackedUDID) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
}

/// Maps udids to dense `Int32` ids: the sorted `task_type` keys are ids `0..<count`;
/// udids seen only in edges or `completed` get ids after them.
struct TaskIndex {
    /// Sorted, distinct udids of `task_type`.
    private(set) var known: [PackedUDID]
    private var extra: [PackedUDID: Int32] = [:]
    private(set) var extraList: [PackedUDID] = []

    init(sortedKnown: [PackedUDID]) { known = sortedKnown }

    var knownCount: Int { known.count }
    var count: Int { known.count + extraList.count }

    /// The udid of an id.
    func udid(_ id: Int32) -> PackedUDID {
        Int(id) < known.count ? known[Int(id)] : extraList[Int(id) - known.count]
    }

    /// The id of a `task_type` udid, or `nil`. Udids are hashes, so uniformly spread:
    /// an interpolation guess lands within a few slots and a short binary search ends it.
    @inline(__always)
    func knownID(_ udid: PackedUDID) -> Int32? {
        let n = known.count
        guard n > 0 else { return nil }
        let guess = Int((UInt128(udid.high) &* UInt128(n)) >> 64)
        var lo = max(0, guess - 64)
        var hi = min(n, guess + 64)
        if lo < hi, known[lo] > udid { lo = 0 }
        if hi < n, hi > 0, known[hi - 1] < udid { hi = n }
        while lo < hi {
            let mid = (lo + hi) / 2
            let value = known[mid]
            if value == udid { return Int32(mid) }
            if value < udid { lo = mid + 1 } else { hi = mid }
        }
        return nil
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

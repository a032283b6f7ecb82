#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A writer file's completed source ids, in key order, kept packed: each id as the two
/// big-endian words `packKey` gives (its first 15 bytes and its length), so that the merge
/// and the tally compare words and never make a `String`; ids longer than 15 bytes are also
/// kept whole. A `String` is made only when an element is read. Memory: 16 bytes per id
/// (plus the whole id when longer than 15 bytes).
public struct CuratorSourceList: RandomAccessCollection, Sendable, Equatable {
    /// The packed words, two per id: the first 8 bytes big-endian, then bytes 8 to 14 and
    /// the id's length (16 for longer ids).
    private var storage: Storage
    /// Ids in the list (kept here, not in the shared storage, so reading it is a plain load).
    private var stored = 0
    /// Ids longer than 15 bytes, by position.
    private(set) var long: [Int: String] = [:]

    /// An empty list.
    public init() { storage = Storage(capacity: 0) }

    /// The list of `sources`, which must be in byte order (tests, callers building writers).
    public init(_ sources: some Sequence<String>) {
        storage = Storage(capacity: sources.underestimatedCount)
        for var source in sources {
            source.withUTF8 { _ = append(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Room for `count` ids in all; call before appending.
    mutating func reserve(_ count: Int) {
        if count > storage.capacity { storage = storage.copy(capacity: count, keeping: stored) }
    }

    /// Appends `key` when it is valid UTF-8; returns whether it was appended.
    @inline(__always)
    mutating func append(_ key: UnsafeRawBufferPointer) -> Bool {
        let words = packKey(bytes: key)
        if PackedKey.isLong(words.low) {
            guard let text = String(validating: key, as: UTF8.self) else { return false }
            long[stored] = text
        } else if (words.high | words.low & ~PackedKey.lengthMask) & 0x8080_8080_8080_8080 != 0,
            String(validating: key, as: UTF8.self) == nil
        {
            return false
        }
        if !isKnownUniquelyReferenced(&storage) || stored == storage.capacity {
            storage = storage.copy(capacity: Swift.max(16, stored * 2), keeping: stored)
        }
        storage.words[2 * stored] = words.high
        storage.words[2 * stored + 1] = words.low
        stored += 1
        return true
    }

    /// The packed words, two per id, valid while this list lives: for a holder that keeps
    /// the list (the merge keeps its lists for as long as it reads them).
    var packed: UnsafePointer<UInt64> { UnsafePointer(storage.words) }

    /// Lends `body` the packed words of every list of `lists`, valid during the call only.
    static func withPacked<Result>(_ lists: [CuratorSourceList], _ body: ([UnsafePointer<UInt64>]) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(lists) { try body(lists.map(\.packed)) }
    }

    /// Whether both lists hold the same ids in the same order.
    public static func == (a: CuratorSourceList, b: CuratorSourceList) -> Bool {
        a.count == b.count && a.long == b.long
            && (a.count == 0 || memcmp(a.storage.words, b.storage.words, 16 * a.count) == 0)
    }

    /// The first position, 0.
    public var startIndex: Int { 0 }
    /// One past the last position: the number of ids.
    public var endIndex: Int { stored }

    /// The id at `position`, made into a `String`.
    public subscript(position: Int) -> String {
        let (high, low) = words(position)
        if PackedKey.isLong(low) { return long[position] ?? "" }
        return Self.string(high: high, low: low)
    }

    /// The packed words of the id at `position`.
    @inline(__always)
    func words(_ position: Int) -> (high: UInt64, low: UInt64) {
        precondition(position >= 0 && position < stored, "a position in the list")
        return (storage.words[2 * position], storage.words[2 * position + 1])
    }

    /// The id of at most 15 bytes packed as `(high, low)`.
    static func string(high: UInt64, low: UInt64) -> String {
        let count = Int(low & 0xFF)
        return withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { bytes in
            String(unsafeUninitializedCapacity: count) { target in
                for index in 0..<count { target[index] = bytes[index] }
                return count
            }
        }
    }

    /// The same ids in byte order, each once. A damaged file's pages can hand keys out of
    /// order or twice; the merge needs them sorted. Cost: one pass when they already are.
    func sortedUnique() -> CuratorSourceList {
        // The packed words in one pass; whole ids only where two long ones tie.
        let words = storage.words
        var ordered = true
        var at = 1
        while ordered, at < stored {
            let (high, low, previousHigh, previousLow) = (words[2 * at], words[2 * at + 1], words[2 * at - 2], words[2 * at - 1])
            ordered =
                previousHigh != high
                ? previousHigh < high
                : previousLow != low ? previousLow < low : PackedKey.isLong(low) && isBefore(at - 1, at)
            at += 1
        }
        if ordered { return self }
        return CuratorSourceList(Set(self).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// Whether the id at `first` comes strictly before the id at `second` in byte order.
    func isBefore(_ first: Int, _ second: Int) -> Bool {
        let (a, b) = (words(first), words(second))
        if a.high != b.high { return a.high < b.high }
        if a.low != b.low { return a.low < b.low }
        return PackedKey.isLong(a.low) && self[first].utf8.lexicographicallyPrecedes(self[second].utf8)
    }

    /// Whether the id at `position` comes before `key` (given with its words) in byte order.
    @inline(__always)
    func precedes(_ position: Int, _ bound: (high: UInt64, low: UInt64), _ key: String) -> Bool {
        let (high, low) = words(position)
        if high != bound.high { return high < bound.high }
        if low != bound.low { return low < bound.low }
        return PackedKey.isLong(low) && self[position].utf8.lexicographicallyPrecedes(key.utf8)
    }
}

/// The layout of a packed source id (`packKey`): the low word's last byte holds the id's
/// length, `longLength` for ids of 16 bytes or more (then also kept whole).
enum PackedKey {
    /// The length byte of the low word.
    static let lengthMask: UInt64 = 0xFF
    /// The length byte of an id longer than the 15 bytes the two words hold.
    static let longLength: UInt64 = 16

    /// The length the low word records: the id's length, or `longLength`.
    @inline(__always)
    static func length(_ low: UInt64) -> UInt64 { low & lengthMask }

    /// Whether the id is longer than 15 bytes (its words are only its start).
    @inline(__always)
    static func isLong(_ low: UInt64) -> Bool { low & lengthMask == longLength }
}

/// `key`'s first 15 bytes and its length (16 for longer keys) packed into two big-endian
/// words, so comparing the words compares the keys by bytes; keys longer than 15 bytes
/// that agree on the words are compared whole.
@inline(__always)
func packKey(bytes: UnsafeRawBufferPointer) -> (high: UInt64, low: UInt64) {
    let count = bytes.count
    var high: UInt64 = 0
    if count >= 8 {
        high = UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
    } else {
        for index in 0..<count { high |= UInt64(bytes[index]) << (56 - 8 * UInt64(index)) }
    }
    if count >= 16 {
        return (high, UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & ~PackedKey.lengthMask | PackedKey.longLength)
    }
    if count > 8 {
        // The 8 bytes ending at the key's end, shifted so that byte 8 comes first.
        let tail = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        return (high, tail << (8 * UInt64(16 - count)) | UInt64(count))
    }
    return (high, UInt64(count))
}

/// `packKey(bytes:)` of a `String`'s UTF-8.
@inline(__always)
func packKey(_ key: String) -> (high: UInt64, low: UInt64) {
    var key = key  // a small string is copied to the stack, not allocated
    return key.withUTF8 { packKey(bytes: UnsafeRawBufferPointer($0)) }
}

extension CuratorSourceList {
    /// The words of one list, allocated to the size asked (no growth past it while reading
    /// a file whose entry count is known); immutable once shared.
    final class Storage: @unchecked Sendable {
        let words: UnsafeMutablePointer<UInt64>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            words = .allocate(capacity: 2 * Swift.max(capacity, 1))
        }

        /// A copy of the first `count` ids with room for `capacity`.
        func copy(capacity: Int, keeping count: Int) -> Storage {
            let copy = Storage(capacity: capacity)
            copy.words.initialize(from: words, count: 2 * count)
            return copy
        }

        deinit { words.deallocate() }
    }
}

/// A task's identity: the first 32 lowercase hex digits of SHA-256 of its lineage path.
///
/// Stored as its 32 ASCII bytes, exactly as the checkpoint stores it, so comparing two
/// udids compares them in LMDB's key order.
public struct UDID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Number of hex characters in a udid.
    public static let length = 32

    /// The udid as the checkpoint stores it: 32 ASCII bytes of `[0-9a-f]`.
    public let string: String

    /// Wraps `text` if it is a well-formed udid (32 lowercase hex digits), else `nil`.
    public init?(_ text: String) {
        guard UDID.isWellFormed(Array(text.utf8)) else { return nil }
        string = text
    }

    /// Wraps raw key bytes if they form a well-formed udid, else `nil`.
    public init?(bytes: some Collection<UInt8>) {
        let array = Array(bytes)
        guard UDID.isWellFormed(array) else { return nil }
        string = String(decoding: array, as: UTF8.self)
    }

    /// The udid of a lineage path: `udid("0") == 5feceb66ffc86f38d952786c6d696c79`.
    public init(lineagePath: String) {
        let digest = SHA256.digest(Array(lineagePath.utf8))
        var hex = [UInt8]()
        hex.reserveCapacity(UDID.length)
        for byte in digest.prefix(UDID.length / 2) {
            hex.append(Hex.digit(byte >> 4))
            hex.append(Hex.digit(byte & 0x0f))
        }
        string = String(decoding: hex, as: UTF8.self)
    }

    /// The first eight digits, for labels meant for people.
    public var short: String { String(string.prefix(8)) }

    public var description: String { string }

    public static func < (lhs: UDID, rhs: UDID) -> Bool { lhs.string.utf8.lexicographicallyPrecedes(rhs.string.utf8) }

    /// True when `bytes` is exactly 32 characters of `[0-9a-f]`.
    public static func isWellFormed(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count == length && bytes.allSatisfy(isLowerHex)
    }

    /// True when `text` is all lowercase hex digits (a udid or a prefix of one).
    public static func isHexPrefix(_ text: String) -> Bool {
        text.utf8.count <= length && text.utf8.allSatisfy(isLowerHex)
    }

    @inline(__always)
    static func isLowerHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}

/// A udid as a person types it: 4 to 32 hex digits, any case. Names a task when no
/// other task's udid starts with the same digits (see `TaskLookup.match`); the 8-digit
/// labels of `DOTRenderer` are such prefixes.
public struct UDIDPrefix: Hashable, Sendable, CustomStringConvertible {
    /// The fewest digits accepted: shorter prefixes match too many tasks to be useful.
    public static let minimumLength = 4

    /// The digits, lowercased as the checkpoint stores them.
    public let digits: String

    /// Accepts 4 to 32 hex digits in any case, else `nil`.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        guard (Self.minimumLength...UDID.length).contains(lowered.utf8.count), UDID.isHexPrefix(lowered) else { return nil }
        digits = lowered
    }

    /// The udid, when all 32 digits were given.
    public var udid: UDID? { UDID(digits) }

    public var description: String { digits }
}

/// Lineage paths: how the pipeline names a task by the indexes that led to it.
public enum LineagePath {
    /// The path of the `index`-th child emitted from parents with paths `parentPaths`.
    ///
    /// Parents with an empty path (untracked roots) are dropped, as the writer drops them.
    public static func child(of parentPaths: [String], index: Int) -> String {
        (parentPaths.filter { !$0.isEmpty } + [String(index)]).joined(separator: "_")
    }

    /// True when `text` is a lineage path the writer can produce: decimal indexes
    /// without leading zeros (`0`, `7`, `12`, never `00` or `07`, which would name other
    /// udids than the writer's) joined by `_`, or the empty path of a root that was
    /// never given one.
    public static func isValid(_ text: String) -> Bool {
        text.isEmpty
            || text.split(separator: "_", omittingEmptySubsequences: false).allSatisfy { part in
                !part.isEmpty && part.utf8.allSatisfy { (0x30...0x39).contains($0) } && (part == "0" || part.first != "0")
            }
    }
}

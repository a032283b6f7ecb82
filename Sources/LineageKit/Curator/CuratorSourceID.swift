/// The source id NeMo Curator gives a file group: the first 12 hex digits of SHA-256 over
/// the group's paths, sorted, each followed by `|`, as UTF-8. The paths are hashed exactly
/// as given (absolute, relative, `s3://...`): the same file spelled differently is another id.
public struct CuratorSourceID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 48 bits the 12 hex digits spell.
    public let value: UInt64

    /// The number of hex digits in an id.
    public static let digits = 12

    /// The id of the file group `paths` (any order; duplicates are hashed as often as given).
    /// Cost: one SHA-256 over the joined paths; see `Hasher` to hash many groups.
    public init(paths: some Sequence<String>) {
        var hasher = Hasher()
        self = hasher.id(of: Array(paths))
    }

    /// Parses exactly 12 lowercase hex digits, the form the pipeline writes; `nil` for
    /// anything else (such an id can never equal a file group's id).
    public init?(_ text: some StringProtocol) {
        var value: UInt64 = 0
        var count = 0
        for byte in text.utf8 {
            count += 1
            guard count <= Self.digits else { return nil }
            switch byte {
            case 0x30...0x39: value = value << 4 | UInt64(byte - 0x30)
            case 0x61...0x66: value = value << 4 | UInt64(byte - 0x61 + 10)
            default: return nil
            }
        }
        guard count == Self.digits else { return nil }
        self.value = value
    }

    init(value: UInt64) { self.value = value }

    /// The value of the id whose packed words (`packKey`) are `high` and `low`, if it is 12
    /// lowercase hex digits; `nil` otherwise. One table load per digit, no branch on it.
    @inline(__always)
    static func value(high: UInt64, low: UInt64) -> UInt64? {
        guard low & 0xFF == UInt64(digits) else { return nil }
        var value: UInt64 = 0
        var bad: UInt8 = 0
        Self.nibbles.withUnsafeBufferPointer { table in
            for shift in stride(from: UInt64(56), through: 0, by: -8) {
                let nibble = table[Int(high >> shift & 0xFF)]
                bad |= nibble
                value = value << 4 | UInt64(nibble & 0xF)
            }
            for shift in stride(from: UInt64(56), through: 32, by: -8) {
                let nibble = table[Int(low >> shift & 0xFF)]
                bad |= nibble
                value = value << 4 | UInt64(nibble & 0xF)
            }
        }
        return bad & 0x80 == 0 ? value : nil
    }

    /// Each byte's hex digit value (`0`-`9`, `a`-`f`), or 0x80 for any other byte.
    static let nibbles: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x61...0x66: UInt8(byte - 0x61 + 10)
        default: 0x80
        }
    }

    /// The 12 lowercase hex digits.
    public var description: String {
        var out: [UInt8] = []
        appendHex(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the 12 lowercase hex digits to `out` (for streaming renderers).
    @inline(__always)
    public func appendHex(to out: inout [UInt8]) {
        for shift in stride(from: 44, through: 0, by: -4) {
            out.append(Hex.digit(UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xf))
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    /// Hashes many file groups in a row, reusing one buffer: no allocation per group
    /// beyond sorting the paths of a group that has more than one.
    public struct Hasher: Sendable {
        private var buffer: [UInt8] = []

        /// A hasher with an empty buffer.
        public init() { buffer.reserveCapacity(4096) }

        /// The id of the file group `paths`. Paths are sorted by their UTF-8 bytes, which is
        /// the code-point order the pipeline's `sorted()` uses (never Unicode-equivalence
        /// order: two spellings of "é" are different paths there, and here).
        public mutating func id(of paths: [String]) -> CuratorSourceID {
            buffer.removeAll(keepingCapacity: true)
            if paths.count == 1 {
                append(paths[0])
            } else {
                for path in paths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { append(path) }
            }
            let words = buffer.withUnsafeBytes { SHA256.words(of: $0) }
            return CuratorSourceID(value: UInt64(words[0]) << 16 | UInt64(words[1] >> 16))
        }

        @inline(__always)
        private mutating func append(_ path: String) {
            buffer.append(contentsOf: path.utf8)
            buffer.append(UInt8(ascii: "|"))
        }
    }
}

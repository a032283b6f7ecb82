/// Lowercase hexadecimal digits, as udids, source ids and escapes spell bytes.
enum Hex {
    /// The ASCII digit of a nibble (0-15): `0`-`9`, `a`-`f`.
    @inline(__always)
    static func digit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }
}

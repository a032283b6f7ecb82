/// A parser for the one JSON value of a `--groups` line: an array of at least one string.
struct JSONLineParser {
    struct Failure: Error { let reason: String }

    let bytes: [UInt8]
    var at = 0

    mutating func pathArray() throws(Failure) -> [String] {
        skipSpace()
        guard peek == UInt8(ascii: "[") else { throw Failure(reason: "expected a JSON array of path strings, such as [\"/data/part-0.jsonl\"]") }
        at += 1
        var paths: [String] = []
        skipSpace()
        if peek == UInt8(ascii: "]") { throw Failure(reason: "an empty group: a group holds at least one path") }
        while true {
            skipSpace()
            paths.append(try string())
            skipSpace()
            if peek == UInt8(ascii: ",") {
                at += 1
            } else if peek == UInt8(ascii: "]") {
                at += 1
                break
            } else {
                throw expected("',' or ']'")
            }
        }
        skipSpace()
        guard at == bytes.count else { throw expected("the end of the line after the array") }
        return paths
    }

    /// `bytes` as a string when they are valid UTF-8 (decoding replaces nothing), else `nil`.
    static func utf8(_ bytes: some Collection<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    private var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0d || byte == 0x0a { at += 1 }
    }

    private func expected(_ what: String) -> Failure {
        Failure(reason: at < bytes.count ? "expected \(what) at byte \(at + 1)" : "expected \(what), the line ends")
    }

    /// A JSON string; its bytes must be valid UTF-8.
    private mutating func string() throws(Failure) -> String {
        guard peek == UInt8(ascii: "\"") else { throw expected("a JSON string (a path)") }
        at += 1
        var out: [UInt8] = []
        var ascii = true
        while true {
            guard let byte = peek else { throw expected("'\"' closing the string") }
            at += 1
            switch byte {
            case UInt8(ascii: "\""):
                // Bytes below 0x80 are valid UTF-8 as they are: only other paths are checked.
                guard let text = ascii ? String(decoding: out, as: UTF8.self) : Self.utf8(out) else {
                    throw Failure(reason: "a path is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"): try escape(into: &out)
            case 0x00..<0x20: throw Failure(reason: "a control character inside a string at byte \(at) (write it as \\u00XX)")
            default:
                if byte >= 0x80 { ascii = false }
                out.append(byte)
            }
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws(Failure) {
        guard let byte = peek else { throw expected("an escape after '\\'") }
        at += 1
        switch byte {
        case 0x22, 0x5c, 0x2f: return out.append(byte)
        case UInt8(ascii: "b"): return out.append(0x08)
        case UInt8(ascii: "f"): return out.append(0x0c)
        case UInt8(ascii: "n"): return out.append(0x0a)
        case UInt8(ascii: "r"): return out.append(0x0d)
        case UInt8(ascii: "t"): return out.append(0x09)
        default: break
        }
        guard byte == UInt8(ascii: "u") else { throw Failure(reason: "an invalid escape '\\\(Unicode.Scalar(byte))' at byte \(at - 1)") }
        var value = try hex4()
        if (0xD800..<0xDC00).contains(value) {
            guard peek == UInt8(ascii: "\\"), at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "u") else {
                throw Failure(reason: "a lone surrogate \\u\(String(value, radix: 16)) at byte \(at - 5)")
            }
            at += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw Failure(reason: "a lone surrogate \\u\(String(value, radix: 16))") }
            value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { throw Failure(reason: "a lone surrogate \\u\(String(value, radix: 16))") }
        UTF8.encode(scalar) { out.append($0) }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard at + 4 <= bytes.count else { throw expected("4 hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw expected("4 hex digits after \\u")
            }
            value = value << 4 | digit
            at += 1
        }
        return value
    }
}

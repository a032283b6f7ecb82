import FoundationEssentials

/// A JSON value as the pipeline's retry helper (Python's `json`) sees it: numbers keep
/// their text, so `1` is an integer and `1.0` or `1e0` are not, as Python reads them.
/// Used only for the Slurm manifests, which are a few bytes each.
enum CuratorJSON: Equatable {
    case object([String: CuratorJSON])
    case array([CuratorJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// The value when it is a JSON integer that fits in `Int` (Python's `int`, not `bool`).
    var integer: Int? {
        guard case .number(let text) = self, !text.contains(where: { ".eE".contains($0) }) else { return nil }
        return Int(text)
    }

    /// The JSON document in the file at `path`; `nil` when it cannot be read or is not JSON.
    static func read(path: String) -> CuratorJSON? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return nil }
        return parse([UInt8](data))
    }

    /// Parses `bytes` as one JSON document (surrounding white space allowed); `nil` when it is not JSON.
    static func parse(_ bytes: [UInt8]) -> CuratorJSON? {
        var parser = Parser(bytes: bytes)
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        return parser.index == bytes.count ? value : nil
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) -> CuratorJSON? {
            skipSpace()
            guard index < bytes.count, depth < 64 else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(CuratorJSON.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func object(depth: Int) -> CuratorJSON? {
            index += 1
            var fields: [String: CuratorJSON] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(fields)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let field = value(depth: depth + 1) else { return nil }
                fields[key] = field
                skipSpace()
                guard index < bytes.count else { return nil }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "}") { return .object(fields) }
                guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
            }
        }

        mutating func array(depth: Int) -> CuratorJSON? {
            index += 1
            var items: [CuratorJSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
                guard index < bytes.count else { return nil }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
                guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
            }
        }

        /// A string's text; escapes are decoded (a lone surrogate becomes U+FFFD).
        mutating func string() -> String? {
            index += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    flush()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    let simple: [UInt8: UInt8] = [
                        UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
                        UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
                    ]
                    if let plain = simple[escape] {
                        raw.append(plain)
                    } else if escape == UInt8(ascii: "u"), index + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    {
                        index += 4
                        flush()
                        scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    } else {
                        return nil
                    }
                case 0..<0x20: return nil
                default: raw.append(byte)
                }
            }
            return nil
        }

        mutating func number() -> CuratorJSON? {
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !text.isEmpty, Double(text) != nil, text.first != "+" else { return nil }
            return .number(text)
        }

        mutating func literal(_ word: String, _ result: CuratorJSON) -> CuratorJSON? {
            let end = index + word.utf8.count
            guard end <= bytes.count, bytes[index..<end].elementsEqual(word.utf8) else { return nil }
            index = end
            return result
        }
    }
}

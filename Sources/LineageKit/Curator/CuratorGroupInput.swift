/// File groups read line by line, as the user lists the inputs of a rerun: JSON Lines of
/// path arrays (`groups`, the pipeline reader's grouping) or one path per line (`files`,
/// each its own group). Blank lines are skipped; anything else that is not a group is an
/// error naming the line.
public struct CuratorGroupInput: Sendable {
    /// How lines spell groups.
    public enum Form: Sendable, Equatable {
        /// One JSON array of path strings per line.
        case groups
        /// One path per line, each its own group.
        case files
    }

    /// A line that is not a group.
    public struct LineError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The input's name as the user gave it (`-` for stdin).
        public let file: String
        /// The 1-based line number.
        public let line: Int
        /// What is wrong, e.g. "expected a JSON string at byte 7".
        public let reason: String

        /// The error for line `line` of `file`.
        public init(file: String, line: Int, reason: String) {
            self.file = file
            self.line = line
            self.reason = reason
        }

        public var description: String { "\(file) line \(line): \(reason)" }
    }

    /// How lines spell groups.
    public let form: Form
    /// The input's name for errors.
    public let file: String
    /// Lines read so far.
    public private(set) var lineNumber = 0

    /// Lines of `form` from the input called `file` in errors.
    public init(form: Form, file: String) {
        self.form = form
        self.file = file
    }

    /// The group the next line holds, or `nil` for a blank line (spaces and tabs only).
    /// The line comes without its line break. Paths are kept exactly as written (decoded
    /// from JSON escapes for `groups`; for `files` nothing is trimmed).
    /// - Throws: `LineError` for invalid UTF-8, malformed JSON, a non-string element or an empty array.
    public mutating func group(line: some Collection<UInt8>) throws(LineError) -> [String]? {
        lineNumber += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        switch form {
        case .files:
            guard let path = JSONLineParser.utf8(line) else { throw failure("the path is not valid UTF-8") }
            return [path]
        case .groups:
            var parser = JSONLineParser(bytes: Array(line))
            do {
                return try parser.pathArray()
            } catch {
                throw failure(error.reason)
            }
        }
    }

    private func failure(_ reason: String) -> LineError { LineError(file: file, line: lineNumber, reason: reason) }
}

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

/// Byte-exact escaping for output built from checkpoint bytes, which on a damaged file
/// may hold anything: quotes, backslashes, newlines, invalid UTF-8.
public enum Escaping {
    /// Appends `bytes` for a text line: printable ASCII as is, a backslash as `\\`,
    /// anything else as `\xNN`, so one key never spans or breaks a line.
    @inline(__always)
    public static func appendText(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            if byte >= 0x20, byte < 0x7f, byte != 0x5c {
                out.append(byte)
            } else if byte == 0x5c {
                out.append(0x5c)
                out.append(0x5c)
            } else {
                out.append(contentsOf: [0x5c, 0x78, Hex.digit(byte >> 4), Hex.digit(byte & 0xf)])
            }
        }
    }

    /// Appends `bytes` as the inside of a JSON string (no quotes): `"` and `\` escaped,
    /// control bytes as `\u00NN`, and every byte >= 0x80 as the code point U+0080...U+00FF
    /// it equals, so the output is valid JSON whatever the input and loses no byte.
    @inline(__always)
    public static func appendJSON(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5c, 0x22])
            case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
            case 0x0a: out.append(contentsOf: [0x5c, 0x6e])
            case 0x09: out.append(contentsOf: [0x5c, 0x74])
            case 0x20..<0x7f: out.append(byte)
            default: out.append(contentsOf: [0x5c, 0x75, 0x30, 0x30, Hex.digit(byte >> 4), Hex.digit(byte & 0xf)])
            }
        }
    }

    /// `bytes` as a quoted JSON string.
    public static func jsonString(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = [0x22]
        appendJSON(bytes, to: &out)
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` (already valid Unicode, e.g. a path the user gave) as a quoted JSON string:
    /// quotes, backslashes and control characters escaped, everything else kept.
    public static func jsonString(_ text: String) -> String {
        "\"" + escapingScalars(text, quotes: true) { $0 == 0x09 ? "\\t" : "\\u00" + String(format2: $0) } + "\""
    }

    /// `text` (valid Unicode) for one line of text: control characters as `\xNN`, the rest kept.
    public static func text(_ text: String) -> String {
        escapingScalars(text, quotes: false) { "\\x" + String(format2: $0) }
    }

    /// The one loop behind the text escapes of user strings: a newline becomes `\n`,
    /// other control characters go through `control`, and with `quotes` a double quote
    /// and a backslash are escaped with a backslash (JSON and DOT strings).
    static func escapingScalars(_ text: String, quotes: Bool, control: (UInt32) -> String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if quotes && (scalar == "\"" || scalar == "\\") {
                out += "\\"
                out.unicodeScalars.append(scalar)
            } else if scalar == "\n" && quotes {
                out += "\\n"
            } else if scalar.value < 0x20 || scalar.value == 0x7f {
                out += control(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `bytes` as one line of text (see `appendText`).
    public static func text(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        appendText(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` as a Prometheus label value (the text exposition format): backslash, double
    /// quote and newline escaped, everything else as it is.
    public static func prometheusLabel(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` escaped for XML attribute values and character data.
    public static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 forbids most control characters even as references.
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    out += "\\x" + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

}

extension String {
    /// Two lowercase hex digits of a value below 0x100.
    init(format2 value: UInt32) {
        self = String(decoding: [Hex.digit(UInt8(value >> 4 & 0xf)), Hex.digit(UInt8(value & 0xf))], as: UTF8.self)
    }
}

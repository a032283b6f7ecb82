import Foundation
import LineageKit
import Testing

/// What a damaged checkpoint may hold in a key or value.
let hostileBytes: [UInt8] = Array("a\"b\\c\nd\re\tf".utf8) + [0x00, 0x01, 0x1b, 0x1f, 0x7f, 0x80, 0xc3, 0x28, 0xff, 0xfe] + Array("é✓".utf8)

@Suite("Escaping and rows")
struct EscapingTests {
    @Test("a JSON string of any bytes parses back to those bytes, one code point per byte")
    func jsonRoundTrip() throws {
        for bytes in [hostileBytes, [], Array("plain".utf8), Array(0...255)] {
            let json = Escaping.jsonString(bytes)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String)
            #expect(parsed.unicodeScalars.map(\.value) == bytes.map(UInt32.init), "\(json)")
            #expect(!json.utf8.contains(0x0a))
        }
    }

    @Test("text escaping keeps one printable line and tells different bytes apart")
    func textOneLine() {
        let text = Escaping.text(hostileBytes)
        #expect(text.utf8.allSatisfy { (0x20..<0x7f).contains($0) }, "\(text)")
        #expect(text.hasPrefix("a\"b\\\\c\\x0ad"))
        // The literal four characters `\x0a` must not look like a newline byte.
        #expect(Escaping.text(Array("\\x0a".utf8)) != Escaping.text([0x0a]))
        #expect(Escaping.text(Array("5feceb66ffc86f38d952786c6d696c79".utf8)) == "5feceb66ffc86f38d952786c6d696c79")
    }

    @Test("edge and task rows of hostile bytes: one line each, valid JSON lines, exact tab-separated fields")
    func rows() throws {
        let other = Array("5feceb66ffc86f38d952786c6d696c79".utf8)
        var out: [UInt8] = []
        hostileBytes.withUnsafeBytes { hostile in
            other.withUnsafeBytes { udid in
                Rows.appendEdge(parent: hostile, child: udid, format: .jsonLines(kind: "dag"), to: &out)
                Rows.appendTask(udid: udid, typeName: hostile, completed: true, format: .jsonLines(kind: "dag"), to: &out)
            }
        }
        let lines = out.split(separator: 0x0a, omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last?.isEmpty == true)
        let edge = try #require(try JSONSerialization.jsonObject(with: Data(lines[0])) as? [String: Any])
        #expect((edge["parent"] as? String)?.unicodeScalars.map(\.value) == hostileBytes.map(UInt32.init))
        #expect(edge["child"] as? String == "5feceb66ffc86f38d952786c6d696c79")
        let task = try #require(try JSONSerialization.jsonObject(with: Data(lines[1])) as? [String: Any])
        #expect((task["task_type"] as? String)?.unicodeScalars.map(\.value) == hostileBytes.map(UInt32.init))
        #expect(task["completed"] as? Bool == true)

        var text: [UInt8] = []
        hostileBytes.withUnsafeBytes { hostile in
            other.withUnsafeBytes { udid in
                Rows.appendEdge(parent: hostile, child: udid, format: .text, to: &text)
                Rows.appendTask(udid: udid, typeName: hostile, completed: false, format: .text, to: &text)
            }
        }
        let textLines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(textLines.count == 3)
        #expect(textLines[0].split(separator: "\t").count == 2)
        #expect(textLines[1].split(separator: "\t").map(String.init).last == "pending")
        #expect(textLines[1].split(separator: "\t").count == 3)
    }

    @Test("a JSON array of rows parses, empty or not")
    func jsonArray() throws {
        let udid = Array("5feceb66ffc86f38d952786c6d696c79".utf8)
        for count in [0, 1, 3] {
            var out: [UInt8] = []
            Rows.openDocument(kind: "dag", checkpoint: "x.mdb", list: "edges", to: &out)
            udid.withUnsafeBytes { u in
                for i in 0..<count {
                    Rows.appendEdge(parent: u, child: u, format: .jsonArray(first: i == 0), to: &out)
                }
            }
            Rows.closeDocument(empty: count == 0, to: &out)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(out)) as? [String: Any])
            #expect(document["schema_version"] as? Int == 1 && document["kind"] as? String == "dag" && document["checkpoint"] as? String == "x.mdb")
            let parsed = try #require(document["edges"] as? [[String: String]])
            #expect(parsed.count == count)
        }
    }

    @Test("XML escaping leaves no markup and no forbidden control character")
    func xml() {
        let escaped = Escaping.xml("<a href=\"x\">&'\u{1b}\u{0}</a>\n")
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\""))
        #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(escaped.hasPrefix("&lt;a href=&quot;x&quot;&gt;&amp;&apos;"))
    }
}

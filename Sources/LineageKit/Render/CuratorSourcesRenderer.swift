/// `lineage sources`: the completed source ids of a Curator checkpoint and the writers
/// holding each, one row per id, appended to a byte buffer so a long list streams
/// (`Docs/curator-sources.schema.json`).
public enum CuratorSourcesRenderer {
    /// `SOURCE_ID<TAB>WRITER[,WRITER...]`, or `{"source_id": ..., "writers": [...]}`
    /// (a JSON Lines row, or an element of the array `Rows.closeArray` closes).
    public static func appendRow(source: String, writers: [String], format: Rows.Format, to out: inout [UInt8]) {
        switch format {
        case .text:
            appendText(source, to: &out)
            out.append(0x09)
            for (index, writer) in writers.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendText(writer, to: &out)
            }
            out.append(0x0a)
        case .jsonLines, .jsonArray:
            Rows.openRecord(format, to: &out)
            out.append(contentsOf: #""source_id": "#.utf8)
            appendJSONString(source, to: &out)
            out.append(contentsOf: #", "writers": "#.utf8)
            appendJSONStrings(writers, to: &out)
            out.append(UInt8(ascii: "}"))
            Rows.endRecord(format, to: &out)
        }
    }

    /// `show SOURCE_ID` on a Curator checkpoint as text: the id, the writers holding it,
    /// and, when a groups file was given (`groupsFile`), the groups mapping to it by line.
    public static func holding(
        source: String, writers: [String], groupsFile: String?, groups: [(line: Int, paths: [String])]
    ) -> String {
        var lines = ["source id  \(Escaping.text(source))", "writers    \(writers.map { Escaping.text($0) }.joined(separator: ", "))"]
        if let groupsFile {
            lines.append("groups     \(groups.count) in \(Escaping.text(groupsFile))")
            for group in groups {
                for (index, path) in group.paths.enumerated() {
                    lines.append("\((index == 0 ? "  line \(group.line)" : "").padding(11))\(Escaping.text(path))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The same as one JSON object: `{"schema_version", "kind", "source_id", "writers"[, "groups": [{"line", "paths"}]]}`.
    public static func holdingJSON(
        source: String, writers: [String], groupsFile: String?, groups: [(line: Int, paths: [String])],
        format: Rows.Format = .jsonLines(kind: "curator")
    ) -> String {
        var out: [UInt8] = []
        Rows.openRecord(format, to: &out)
        out.append(contentsOf: #""source_id": "#.utf8)
        out.append(contentsOf: Escaping.jsonString(source).utf8)
        out.append(contentsOf: #", "writers": "#.utf8)
        appendJSONStrings(writers, to: &out)
        if groupsFile != nil {
            out.append(contentsOf: #", "groups": ["#.utf8)
            for (index, group) in groups.enumerated() {
                out.append(contentsOf: #"\#(index == 0 ? "" : ", "){"line": \#(group.line), "paths": "#.utf8)
                appendJSONStrings(group.paths, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `values` as a JSON array of strings, `["a", "b"]`.
    static func appendJSONStrings(_ values: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(contentsOf: ", ".utf8) }
            appendJSONString(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// `text` as `Escaping.text` writes it, copied as is when nothing needs escaping
    /// (the common case, a million times per plan).
    @inline(__always)
    static func appendText(_ text: String, to out: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7f }) {
            out.append(contentsOf: text.utf8)
        } else {
            out.append(contentsOf: Escaping.text(text).utf8)
        }
    }

    /// `text` as `Escaping.jsonString` writes it, copied between quotes when nothing needs escaping.
    @inline(__always)
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7f && $0 != 0x22 && $0 != 0x5c }) {
            out.append(0x22)
            out.append(contentsOf: text.utf8)
            out.append(0x22)
        } else {
            out.append(contentsOf: Escaping.jsonString(text).utf8)
        }
    }
}

/// Streaming row formats for the commands that list records (`edges`, `types`,
/// `sources`, `ancestors`, `descendants`, `path`): each call appends one row to a byte
/// buffer, escaping whatever bytes the checkpoint holds.
///
/// The JSON contract of every command: `jsonl` is one object per line, each carrying
/// `schema_version` and `kind` (the checkpoint's kind, `dag` or `curator`); `json` is one
/// document (`openDocument` ... `closeDocument`) whose array holds the same objects
/// without those two fields, which the document carries once.
public enum Rows {
    /// The version of every record line's and record document's layout.
    public static let schemaVersion = 1

    /// The row layouts.
    public enum Format: Sendable {
        /// Tab-separated text.
        case text
        /// One JSON object per line, with `schema_version` and `kind`.
        case jsonLines(kind: String)
        /// Elements of one document's array, one per line; the caller writes
        /// `openDocument` before the first row and `closeDocument` after the last.
        case jsonArray(first: Bool)

        /// True for either JSON layout.
        public var isJSON: Bool { if case .text = self { false } else { true } }
    }

    /// `{"schema_version": 1, "kind": KIND, "checkpoint": PATH, ` then `fields` (already
    /// rendered JSON members), then `"LIST": [`: the head of a record document.
    public static func openDocument(kind: String, checkpoint: String, fields: [String] = [], list: String, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"schema_version\": \(schemaVersion), \"kind\": \"\(kind)\", \"checkpoint\": ".utf8)
        out.append(contentsOf: Escaping.jsonString(checkpoint).utf8)
        for field in fields { out.append(contentsOf: ", \(field)".utf8) }
        out.append(contentsOf: ", \"\(list)\": [".utf8)
    }

    /// Closes a record document opened with `openDocument`; `empty` when no row was written.
    public static func closeDocument(empty: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: empty ? "]}\n".utf8 : "\n]}\n".utf8)
    }

    /// `{"schema_version": 1, "kind": KIND, ` for a line, `{` for an array element (after
    /// its separator): the start of every record object, followed by its own fields.
    @inline(__always)
    public static func openRecord(_ format: Format, to out: inout [UInt8]) {
        switch format {
        case .text: return
        case .jsonLines(let kind):
            out.append(contentsOf: "{\"schema_version\": \(schemaVersion), \"kind\": \"".utf8)
            out.append(contentsOf: kind.utf8)
            out.append(contentsOf: "\", ".utf8)
        case .jsonArray(let first):
            out.append(contentsOf: first ? "\n  {".utf8 : ",\n  {".utf8)
        }
    }

    /// The end of a record: the newline of a line (text or JSON Lines), nothing in an array.
    @inline(__always)
    public static func endRecord(_ format: Format, to out: inout [UInt8]) {
        if case .jsonArray = format { return }
        out.append(0x0a)
    }

    /// `PARENT<TAB>CHILD`, or `{"parent": ..., "child": ...}`.
    @inline(__always)
    public static func appendEdge(parent: UnsafeRawBufferPointer, child: UnsafeRawBufferPointer, format: Format, to out: inout [UInt8]) {
        switch format {
        case .text:
            Escaping.appendText(parent, to: &out)
            out.append(0x09)
            Escaping.appendText(child, to: &out)
        case .jsonLines, .jsonArray:
            openRecord(format, to: &out)
            out.append(contentsOf: #""parent": ""#.utf8)
            Escaping.appendJSON(parent, to: &out)
            out.append(contentsOf: #"", "child": ""#.utf8)
            Escaping.appendJSON(child, to: &out)
            out.append(contentsOf: #""}"#.utf8)
        }
        endRecord(format, to: &out)
    }

    /// `UDID<TAB>TYPE<TAB>completed|pending`, or `{"udid", "task_type", "completed"}`.
    @inline(__always)
    public static func appendTask(
        udid: UnsafeRawBufferPointer, typeName: UnsafeRawBufferPointer, completed: Bool, format: Format, to out: inout [UInt8]
    ) {
        switch format {
        case .text:
            Escaping.appendText(udid, to: &out)
            out.append(0x09)
            Escaping.appendText(typeName, to: &out)
            out.append(contentsOf: completed ? "\tcompleted".utf8 : "\tpending".utf8)
        case .jsonLines, .jsonArray:
            openRecord(format, to: &out)
            out.append(contentsOf: #""udid": ""#.utf8)
            Escaping.appendJSON(udid, to: &out)
            out.append(contentsOf: #"", "task_type": ""#.utf8)
            Escaping.appendJSON(typeName, to: &out)
            out.append(contentsOf: completed ? #"", "completed": true}"#.utf8 : #"", "completed": false}"#.utf8)
        }
        endRecord(format, to: &out)
    }

}

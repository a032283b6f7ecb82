/// Streaming row formats for `edges` and `types`: each call appends one row to a byte
/// buffer, escaping whatever bytes the checkpoint holds.
public enum Rows {
    /// The row layouts.
    public enum Format: Sendable {
        /// Tab-separated text.
        case text
        /// One JSON object per line.
        case jsonLines
        /// Elements of one JSON array, one per line; the caller writes `[` before the
        /// first row and `Rows.closeArray` after the last.
        case jsonArray(first: Bool)
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
            openObject(format, &out)
            out.append(contentsOf: #"{"parent": ""#.utf8)
            Escaping.appendJSON(parent, to: &out)
            out.append(contentsOf: #"", "child": ""#.utf8)
            Escaping.appendJSON(child, to: &out)
            out.append(contentsOf: #""}"#.utf8)
        }
        endRow(format, &out)
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
            openObject(format, &out)
            out.append(contentsOf: #"{"udid": ""#.utf8)
            Escaping.appendJSON(udid, to: &out)
            out.append(contentsOf: #"", "task_type": ""#.utf8)
            Escaping.appendJSON(typeName, to: &out)
            out.append(contentsOf: completed ? #"", "completed": true}"#.utf8 : #"", "completed": false}"#.utf8)
        }
        endRow(format, &out)
    }

    @inline(__always)
    private static func openObject(_ format: Format, _ out: inout [UInt8]) {
        if case .jsonArray(let first) = format {
            out.append(contentsOf: first ? "\n  ".utf8 : ",\n  ".utf8)
        }
    }

    @inline(__always)
    private static func endRow(_ format: Format, _ out: inout [UInt8]) {
        if case .jsonArray = format { return }
        out.append(0x0a)
    }

    /// Closes a JSON array opened with `[`; `empty` when no row was written.
    public static func closeArray(empty: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: empty ? "]\n".utf8 : "\n]\n".utf8)
    }
}

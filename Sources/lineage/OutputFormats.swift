import ArgumentParser
import LineageKit

/// The formats of the commands that list records (`edges`, `types`, `sources`, the walks):
/// text rows, JSON Lines (one object per line, each with `schema_version` and `kind`), or
/// one JSON document holding them (`Rows`).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl, json

    /// The row layout for the next row of a checkpoint of `kind`; `first` tells a
    /// document's array whether a comma is due.
    func rows(first: Bool, kind: String = "dag") -> Rows.Format {
        switch self {
        case .text: return .text
        case .jsonl: return .jsonLines(kind: kind)
        case .json: return .jsonArray(first: first)
        }
    }

    /// Opens the output: the JSON document's head up to its `list` array; nothing otherwise.
    func open(kind: String = "dag", checkpoint: String, fields: [String] = [], list: String) {
        guard self == .json else { return }
        Console.withBuffer { Rows.openDocument(kind: kind, checkpoint: checkpoint, fields: fields, list: list, to: &$0) }
    }

    /// Closes the output: the JSON document's end; `empty` when no row was written.
    func close(empty: Bool) {
        guard self == .json else { return }
        Console.withBuffer { Rows.closeDocument(empty: empty, to: &$0) }
    }
}

/// The records of one command's output: hands out each record's layout, and writes the
/// JSON document's head with the first record (or at `finish` when there is none), so a
/// read that fails before its first record leaves stdout empty, never half a document.
struct RecordStream {
    let format: ListFormat
    let kind: String
    let checkpoint: String
    let fields: [String]
    let list: String
    /// Records handed out so far.
    private(set) var count = 0
    private var opened = false

    init(_ format: ListFormat, kind: String = "dag", checkpoint: String, fields: [String] = [], list: String) {
        self.format = format
        self.kind = kind
        self.checkpoint = checkpoint
        self.fields = fields
        self.list = list
    }

    /// The layout of the next record; the document's head goes out first.
    mutating func next() -> Rows.Format {
        openIfDue()
        defer { count += 1 }
        return format.rows(first: count == 0, kind: kind)
    }

    /// Ends the output after the last record: the document's head if no record came, then its end.
    mutating func finish() {
        openIfDue()
        format.close(empty: count == 0)
    }

    private mutating func openIfDue() {
        guard !opened else { return }
        opened = true
        format.open(kind: kind, checkpoint: checkpoint, fields: fields, list: list)
    }
}

/// The formats of the commands that print one report (`status`, `stats`, `diff`): text,
/// or one JSON object on one line, which is both the `json` document and the `jsonl` line.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}

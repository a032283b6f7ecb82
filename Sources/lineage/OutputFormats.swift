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

/// The formats of the commands that print one report (`status`, `stats`, `diff`): text,
/// or one JSON object on one line, which is both the `json` document and the `jsonl` line.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}

import LineageKit

/// The answers of `show` (one query, or `show -`'s many), in the format asked for: text
/// blocks separated by a blank line with failures on stderr; JSON Lines, one object per
/// answer with `schema_version` and `kind`; or one JSON document whose `answers` array
/// holds them, written as they come (so it streams) and closed by `close()`.
struct ShowAnswers {
    let format: Lineage.Show.Format
    /// The checkpoint's kind, `dag` or `curator`.
    let kind: String
    let checkpoint: String
    /// Answers (records and failures) written so far.
    private var written = 0
    /// Whether the JSON document's head is out: written with the first answer (or at
    /// `close`), so a read that fails first leaves stdout empty.
    private var opened = false

    init(format: Lineage.Show.Format, kind: String, checkpoint: String) {
        self.format = format
        self.kind = kind
        self.checkpoint = checkpoint
    }

    /// The layout of the next JSON answer; the document's head goes out first.
    private mutating func rows() -> Rows.Format {
        if format == .json && !opened {
            opened = true
            Console.withBuffer { Rows.openDocument(kind: kind, checkpoint: checkpoint, list: "answers", to: &$0) }
        }
        return format == .json ? .jsonArray(first: written == 0) : .jsonLines(kind: kind)
    }

    /// Writes one answer: `text` in text, `json` (given the layout) otherwise.
    mutating func answer(text: () -> String, json: (Rows.Format, inout [UInt8]) -> Void) {
        switch format {
        case .text:
            if written > 0 { Console.print("") }
            Console.print(text())
        case .json, .jsonl:
            let layout = rows()
            Console.withBuffer {
                json(layout, &$0)
                if format == .jsonl { $0.append(0x0a) }
            }
        }
        written += 1
    }

    /// Writes a query's failure: its sentence on stderr in text, an error object in JSON
    /// (the sentence's first line: the candidates are a field of their own).
    mutating func failure(query: String, code: String, message: String, candidates: [String]? = nil) {
        guard format != .text else { return Console.error(message) }
        let object = JSONRenderer.lookupFailure(query: query, error: code, message: message, candidates: candidates, format: rows())
        if format == .jsonl { Console.print(object) } else { Console.withBuffer { $0.append(contentsOf: object.utf8) } }
        written += 1
    }

    /// Ends the output: closes the JSON document (its head first if no answer came).
    mutating func close() {
        guard format == .json else { return }
        _ = rows()
        Console.withBuffer { Rows.closeDocument(empty: written == 0, to: &$0) }
    }
}

import ArgumentParser
import Glibc
import LineageKit

/// `lineage show -`: answers udids or prefixes read from stdin, one per line, in one
/// read transaction, so a script never needs a process per task.
///
/// Each non-blank line gets one answer in input order (`ShowAnswers`): with JSON Lines
/// one line, the task as `show --format jsonl` prints it or `{"query", "error",
/// "message"[, "candidates"]}`; with JSON the same objects in one document's `answers`;
/// with text the task's block (a blank line between two blocks) or the sentence on stderr. Answers are written out whenever stdin has no more input ready, so a
/// coprocess gets each answer without waiting for the end. Exit 1 at the end when a
/// query was malformed, unknown or ambiguous.
struct ShowBatch {
    let format: Lineage.Show.Format

    func run(_ location: CheckpointLocation) throws {
        var failed = false
        // Stdin is read once, so the batch cannot be read again: one attempt (BUSY if torn).
        var once = location
        once.wait = 0
        var answers = ShowAnswers(format: format, kind: "dag", checkpoint: location.path)
        try once.read { reader in
            let lookup = try reader.lookup()
            try LineReader(fileDescriptor: STDIN_FILENO).forEachLine { bytes in
                let query = Self.query(bytes)
                if query.isEmpty { return }
                guard let prefix = UDIDPrefix(query) else {
                    failed = true
                    let message = "'\(query)' is not a udid: give 4 to 32 hex digits."
                    return answers.failure(query: query, code: "not_a_udid", message: message)
                }
                // A full udid needs no search: its record says whether it is there.
                let found: PrefixMatch = try prefix.udid.map { .unique($0) } ?? lookup.match(prefix)
                switch found {
                case .unique(let udid):
                    guard let record = try lookup.record(udid) else {
                        failed = true
                        let error = TaskLookupError.notFound(path: reader.path, prefix: prefix)
                        return answers.failure(query: query, code: "not_found", message: ErrorPresentation.message(for: error))
                    }
                    answers.answer(text: { TextRenderer.record(record) }, json: { JSONRenderer.appendRecord(record, format: $0, to: &$1) })
                case .none:
                    failed = true
                    let error = TaskLookupError.notFound(path: reader.path, prefix: prefix)
                    answers.failure(query: query, code: "not_found", message: ErrorPresentation.message(for: error))
                case .several(let candidates, let more):
                    failed = true
                    let error = TaskLookupError.ambiguous(path: reader.path, prefix: prefix, candidates: candidates, more: more)
                    answers.failure(
                        query: query, code: "ambiguous", message: ErrorPresentation.message(for: error), candidates: candidates.map(\.string))
                }
            } whenIdle: {
                Console.flush()
            }
        }
        answers.close()
        if failed { throw ExitCode(ExitStatus.no) }
    }
}

extension ShowBatch {
    /// One line of a batch without the blanks around it.
    static func query(_ bytes: ArraySlice<UInt8>) -> String {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0d }
        let start = bytes.firstIndex { !isBlank($0) } ?? bytes.endIndex
        let end = bytes.lastIndex { !isBlank($0) }.map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

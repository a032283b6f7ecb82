import ArgumentParser
import Glibc
import LineageKit

/// `lineage show -` on a NeMo Curator checkpoint: answers source ids or prefixes read
/// from stdin, one per line, against one read of the writer files, the way `ShowBatch`
/// answers udids on a DAG file.
///
/// Each non-blank line gets one answer in input order (`ShowAnswers`), as `ShowBatch`
/// writes them.
struct CuratorShowBatch {
    let format: Lineage.Show.Format
    let path: String
    let lookup: CuratorSourceLookup
    /// The `--groups` file, whose groups mapping to each id are listed.
    let groups: String?

    /// Answers every line of stdin; false when a line was unknown or ambiguous.
    func run() throws -> Bool {
        var answered = true
        var answers = ShowAnswers(format: format, kind: "curator", checkpoint: path)
        // The groups are read once and hashed once, not once per query.
        let byID = try groups.map { try Self.groupsByID(in: $0) }
        let file = groups
        try LineReader(fileDescriptor: STDIN_FILENO).forEachLine { bytes in
            let query = ShowBatch.query(bytes)
            guard let id = CuratorSourceQuery(query) else { return }
            switch lookup.match(id) {
            case .unique(let source, let writers):
                let matching = byID?[source] ?? []
                answers.answer(
                    text: { CuratorSourcesRenderer.holding(source: source, writers: writers, groupsFile: file, groups: matching) },
                    json: { layout, out in
                        out.append(
                            contentsOf: CuratorSourcesRenderer.holdingJSON(
                                source: source, writers: writers, groupsFile: file, groups: matching, format: layout
                            ).utf8)
                    })
            case .none:
                answered = false
                let count = id.isWholeID ? byID.map { $0[id.id]?.count ?? 0 } : nil
                answers.failure(query: query, code: "not_found", message: ErrorPresentation.notHeldMessage(path: path, query: id, groups: count))
            case .several(let candidates, let more):
                answered = false
                let message = ErrorPresentation.curator(.ambiguous(path: path, query: id, candidates: candidates, more: more)).message
                answers.failure(query: query, code: "ambiguous", message: message, candidates: candidates)
            }
        } whenIdle: {
            Console.flush()
        }
        answers.close()
        return answered
    }

    /// The file groups (by line) in `path` mapping to `source`.
    static func groups(mapping source: String, in path: String?) throws -> [(line: Int, paths: [String])] {
        guard let path, let wanted = CuratorSourceID(source) else { return [] }
        var matching: [(line: Int, paths: [String])] = []
        var hasher = CuratorSourceID.Hasher()
        var line = 0
        try CuratorCommand.forEachGroup(in: path, form: .groups) { paths, _ in
            line += 1
            if hasher.id(of: paths) == wanted { matching.append((line, paths)) }
        }
        return matching
    }

    /// Every file group in `path`, by line, under the id it maps to.
    static func groupsByID(in path: String) throws -> [String: [(line: Int, paths: [String])]] {
        var byID: [String: [(line: Int, paths: [String])]] = [:]
        var hasher = CuratorSourceID.Hasher()
        var line = 0
        try CuratorCommand.forEachGroup(in: path, form: .groups) { paths, _ in
            line += 1
            byID[hasher.id(of: paths).description, default: []].append((line, paths))
        }
        return byID
    }
}

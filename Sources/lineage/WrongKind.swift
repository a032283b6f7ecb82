import LineageKit

/// A checkpoint of a kind the command has no meaning for, or was told not to read it as
/// (`--kind`): a usage error (64), worded with the command's name by `Lineage.main`.
struct WrongKind: Error, Equatable {
    /// The path as given.
    let path: String
    /// What the path is.
    let found: CheckpointFormat
    /// Why it was read as that (e.g. "a directory holding .nemo_curator_metadata/").
    let detected: String

    /// The commands that read each kind, in `lineage --help` order (a test runs every
    /// command on both kinds against this table).
    static let commands: [CheckpointFormat: [String]] = [
        .dag: [
            "status", "show", "edges", "types", "verify", "export", "export-dot", "ancestors", "descendants", "path", "stats", "diff", "doctor",
            "watch",
        ],
        .curator: ["status", "show", "verify", "export", "sources", "plan", "why", "doctor", "watch"],
    ]

    /// The kind's name in a sentence.
    static func name(of format: CheckpointFormat) -> String {
        switch format {
        case .dag: "a task-lineage DAG checkpoint"
        case .curator: "a NeMo Curator checkpoint"
        }
    }

    /// The sentence for `lineage command` on this path: what it is, what the command reads,
    /// and what to run instead.
    func message(command: String) -> String {
        let readers = Self.commands[found] ?? []
        let what = "\(path) is \(Self.name(of: found)) (\(detected))"
        if readers.contains(command) {
            let flag = found == .dag ? "curator" : "dag"
            return "\(what); drop --kind \(flag) and `lineage \(command)` reads it as one."
        }
        let other: CheckpointFormat = found == .dag ? .curator : .dag
        return "\(what), and `lineage \(command)` reads \(Self.name(of: other).dropFirst(2))s only; on this one use "
            + readers.dropLast().joined(separator: ", ") + " or " + (readers.last ?? "verify") + "."
    }
}

extension CheckpointLocation {
    /// `error` from reading the path as a DAG file, or `WrongKind` when the path it names
    /// is a NeMo Curator checkpoint (looked at only after the read failed: no cost on the
    /// way to an answer).
    static func dagReadError(_ error: CheckpointError) -> any Error {
        guard let curator = CuratorLocation.detect(path: error.path) else { return error }
        return WrongKind(path: error.path, found: .curator, detected: curator.reason.summary)
    }
}

import LineageKit

/// A failure of the Curator commands (`sources`, `plan`, `show` on a Curator checkpoint).
enum CuratorFailure: Error, Equatable {
    /// `path` is not a Curator checkpoint; `detected` says what it was read as.
    case notCurator(path: String, detected: String)
    /// A `--groups`/`--files` input that cannot be opened or read.
    case unreadableInput(path: String, reason: String)
    /// A `--groups`/`--files` line that is not a file group.
    case badLine(CuratorGroupInput.LineError, form: CuratorGroupInput.Form)
    /// `--writer NAME` names none of the checkpoint's writer files.
    case noSuchWriter(path: String, name: String, writers: [String])
    /// No readable writer holds the id or an id with this prefix; `groups` counts the given
    /// groups mapping to it (only for a whole id).
    case notHeld(path: String, query: CuratorSourceQuery, groups: Int?)
    /// Several completed ids start with the prefix: the first few, and how many more.
    case ambiguous(path: String, query: CuratorSourceQuery, candidates: [String], more: Int)
}

extension ErrorPresentation {
    /// The sentence and status for a Curator command's failure: 2 for a path that is no
    /// checkpoint, 64 for a `--groups`/`--files` input that cannot be used (the user's
    /// input, not the checkpoint), 1 for something not found.
    static func curator(_ failure: CuratorFailure) -> Presentation {
        switch failure {
        case .notCurator(let path, let detected):
            Presentation(
                message: "\(path) is not a NeMo Curator checkpoint (detected: \(detected)); pass the directory holding "
                    + "\(CuratorLocation.metadataFolder)/, that folder, or one writer file, or --kind curator to read it as one.",
                exitCode: ExitStatus.unreadable)
        case .unreadableInput(let path, let reason):
            Presentation(message: "\(path): cannot read the file groups (\(reason)); check the path and its permissions.", exitCode: ExitStatus.usage)
        case .badLine(let error, let form):
            Presentation(
                message: "\(error.description); "
                    + (form == .groups
                        ? "give one JSON array of path strings per line, e.g. [\"/data/part-0.jsonl\", \"/data/part-1.jsonl\"], "
                            + "or a Lance fragment set, {\"lance\": \"s3://b/ds.lance\", \"version\": 7, \"fragments\": [1, 2]}."
                        : "give one path per line."),
                exitCode: ExitStatus.usage)
        case .noSuchWriter(let path, let name, let writers):
            Presentation(
                message: writers.count > 1 && writers.allSatisfy({ $0.hasPrefix(name) })
                    ? "\(path): \(name) starts the names of several writer files (\(writers.joined(separator: ", "))); give more of the name."
                    : "\(path): no writer file named \(name); the writers are \(writers.isEmpty ? "none" : writers.joined(separator: ", ")).",
                exitCode: ExitStatus.no)
        case .notHeld(let path, let query, let groups):
            Presentation(message: notHeldMessage(path: path, query: query, groups: groups), exitCode: ExitStatus.no)
        case .ambiguous(let path, let query, let candidates, let more):
            Presentation(
                message:
                    "\(path): prefix \(query.id) \(matchCount(candidates.count, more: more > 0, of: "completed source ids")); give more digits:\n"
                    + candidates.map { "  \($0)" }.joined(separator: "\n"),
                exitCode: ExitStatus.no)
        }
    }
}

extension ErrorPresentation {
    /// The sentence for a writer file that is damaged or unreadable, that the pipeline
    /// skips, or that its start fails on: both facts, the file's and the pipeline's.
    static func troubledWriter(_ writer: CuratorWriter) -> String {
        let path = Escaping.text(writer.path)
        let damage: String? =
            switch writer.state {
            case .damaged(let finding): "the writer file is damaged (\(StructurePhrasing.located(finding)))"
            case .unreadable(let reason): "the writer file cannot be read (\(reason))"
            default: nil
            }
        let what = damage ?? "the writer file"
        switch writer.resume {
        case .read:
            return "\(path): \(what); \(PipelinePhrasing.consequence(writer.resume)) (keep a copy before the next run writes to it)."
        case .failsResume, .undecided:
            return "\(path): \(damage.map { "\($0); " } ?? "")\(PipelinePhrasing.consequence(writer.resume))."
        case .noDatabase, .skipped:
            return "\(path): \(what); \(PipelinePhrasing.consequence(writer.resume)) (they are left out here; restore a good copy to keep them)."
        }
    }
}

extension ErrorPresentation {
    /// The sentence for an id no readable writer holds. Only a complete id says what a
    /// rerun does: a prefix names no group.
    static func notHeldMessage(path: String, query: CuratorSourceQuery, groups: Int?) -> String {
        guard query.isWholeID else {
            return "\(path): no completed source id is or starts with \(query.id); list the completed ids with `lineage sources \(path)`."
        }
        return "\(path): no readable writer holds source id \(Escaping.text(query.id)), so a rerun runs it"
            + (groups.map { "; \($0) given \($0 == 1 ? "group maps" : "groups map") to it" } ?? "")
            + "; list the completed ids with `lineage sources \(path)`."
    }
}

import ArgumentParser
import LineageKit
import LineageRecorder

/// What the executable prints for an error and the status it exits with.
struct Presentation: Equatable {
    /// One sentence naming the file, printed on stderr after `lineage: `.
    let message: String
    /// The documented exit status: 1 not found or too large, 2 unreadable or damaged.
    let exitCode: Int32
}

/// A failure a command finds itself, outside the libraries.
enum CommandFailure: Error, Equatable {
    /// No task in the checkpoint at `path` matches `what` (e.g. "udid 5fec...").
    case noTask(path: String, what: String)
    /// A udid prefix matches several tasks: the first 20 `candidates`, and whether there are more.
    case ambiguousPrefix(path: String, prefix: String, candidates: [UDID], more: Bool)
}

/// The one place that turns errors into the words a person acts on and the exit status.
///
/// The libraries' errors state the fact and name the file; this adds what to do about it
/// with the command line (`-c PATH`, `lineage verify`, `--max-nodes`).
enum ErrorPresentation {
    /// The message and status for `error`, or `nil` for errors ArgumentParser reports
    /// itself (`ValidationError` exits 64, `ExitCode` exits silently).
    static func presentation(of error: any Error) -> Presentation? {
        switch error {
        case let error as CheckpointError: Presentation(message: message(for: error), exitCode: 2)
        case let error as SubgraphTooLarge: Presentation(message: message(for: error), exitCode: 1)
        case let error as CommandFailure: Presentation(message: message(for: error), exitCode: 1)
        default: nil
        }
    }

    /// The sentence for a checkpoint that cannot be opened or read (exit 2).
    static func message(for error: CheckpointError) -> String {
        let path = error.path
        let advice =
            switch error {
            case .missing: "pass the checkpoint with -c PATH or set LINEAGE_CHECKPOINT."
            case .unreadable: "check the path and its permissions."
            case .notCheckpoint: "run `lineage verify \(path)` for a full report."
            case .notAFile: "pass the checkpoint file itself (or a directory holding its data.mdb)."
            case .missingDatabase: "it was not written by the lineage checkpoint writer or is damaged (run `lineage verify \(path)`)."
            case .wrongFlags: "run `lineage verify \(path)` for details."
            case .readFailed: "the file may be damaged or still being written, run `lineage verify \(path)`."
            }
        return sentence(error.description, advice)
    }

    /// The sentence for an export refused as too large (exit 1).
    static func message(for error: SubgraphTooLarge) -> String {
        sentence(error.description, "narrow the export with --around UDID --depth N (a smaller depth), or raise --max-nodes.")
    }

    /// The sentence for a task that is not there or not unique (exit 1); an ambiguous
    /// prefix lists its candidates on the following lines.
    static func message(for failure: CommandFailure) -> String {
        switch failure {
        case .noTask(let path, let what):
            return "\(path): no task with \(what); list the tasks with `lineage types`."
        case .ambiguousPrefix(let path, let prefix, let candidates, let more):
            let listed = candidates.map { "  \($0)" }.joined(separator: "\n")
            let count = more ? "more than \(candidates.count) tasks (the first \(candidates.count) listed)" : "\(candidates.count) tasks"
            return "\(path): prefix \(prefix) matches \(count); give more digits:\n\(listed)"
        }
    }

    /// The sentence `CrashGuard` prints if reading `path` faults anyway (exit 2).
    static func readingFault(_ path: String) -> String {
        "\(path): reading stopped on damaged data; the checkpoint is damaged or was changed while being read, run `lineage verify \(path)`."
    }

    /// What `lineage fixture` prints when writing `path` failed (exit 2), or `nil` for
    /// an error that is not the recorder's.
    static func writing(_ error: any Error, to path: String) -> Presentation? {
        switch error {
        case RecorderError.fileExists:
            Presentation(message: "\(path) already exists; pass --force to replace it, or choose another path.", exitCode: 2)
        case let error as RecorderError: Presentation(message: error.description, exitCode: 2)
        case let error as LMDBError:
            Presentation(message: "\(path): writing failed (\(error)); check the directory is writable and has space.", exitCode: 2)
        default: nil
        }
    }

    /// Joins a library's fact (a sentence ending in `.`) and the advice into one sentence.
    private static func sentence(_ fact: String, _ advice: String) -> String {
        (fact.hasSuffix(".") ? String(fact.dropLast()) : fact) + "; " + advice
    }
}

import ArgumentParser
import LineageKit
import LineageRecorder

/// What the executable prints for an error and the status it exits with.
struct Presentation: Equatable {
    /// One sentence naming the file, printed on stderr after `lineage: `.
    let message: String
    /// The documented exit status: 1 not found or too large, 2 unreadable or damaged,
    /// 64 usage, 75 the pipeline was writing the checkpoint too fast for a consistent read.
    let exitCode: Int32
    /// Whether the command's usage line follows, as for ArgumentParser's own usage errors.
    var showsUsage = false
}

/// A failure a command finds itself, outside the libraries.
enum CommandFailure: Error, Equatable {
    /// No task in the checkpoint at `path` matches `what` (e.g. "lineage path 7 (udid ...)").
    case noTask(path: String, what: String)
    /// Neither task descends from the other (`path FROM TO`).
    case noPath(path: String, from: UDID, to: UDID)
}

/// A `CheckpointError` about a path taken from `LINEAGE_CHECKPOINT`, so the message can
/// say where the stale path came from.
struct CheckpointFromEnvironment: Error {
    let error: CheckpointError
}

/// A usage error found when the command runs, after ArgumentParser has matched every
/// argument; presented as ArgumentParser presents its own (with the usage line), exit 64.
struct UsageError: Error, Equatable, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

extension ErrorPresentation {
    /// A usage error as every error is worded (`lineage: ...`), with where to read more
    /// instead of the whole usage block.
    static func usage(_ message: String, command: String) -> String {
        "lineage: \(message)\nTry '\(command) --help' for the usage."
    }
}

/// The one place that turns errors into the words a person acts on and the exit status.
///
/// The libraries' errors state the fact and name the file; this adds what to do about it
/// with the command line (`-c PATH`, `lineage verify`, `--max-nodes`).
enum ErrorPresentation {
    /// The message and status for `error`, or `nil` for errors ArgumentParser reports
    /// itself (`ValidationError` exits 64, `ExitCode` exits silently). A `UsageError`
    /// (exit 64) is shown with the command's usage line by `Lineage.main`.
    static func presentation(of error: any Error) -> Presentation? {
        switch error {
        case let error as CheckpointError: Presentation(message: message(for: error), exitCode: ExitStatus.unreadable)
        case let error as CheckpointFromEnvironment:
            Presentation(message: message(for: error.error, fromEnvironment: true), exitCode: ExitStatus.unreadable)
        case let error as UsageError: Presentation(message: error.message, exitCode: ExitStatus.usage, showsUsage: true)
        case let busy as CheckpointBusy: Presentation(message: message(for: busy), exitCode: ExitStatus.busy)
        case let error as SubgraphTooLarge: Presentation(message: message(for: error), exitCode: ExitStatus.no)
        case let error as MermaidRefused: Presentation(message: message(for: error), exitCode: ExitStatus.no)
        case let error as CommandFailure: Presentation(message: message(for: error), exitCode: ExitStatus.no)
        case let error as WatchFailure: Presentation(message: error.description, exitCode: error.exitCode)
        case let error as TaskLookupError: Presentation(message: message(for: error), exitCode: ExitStatus.no)
        case let error as CuratorFailure: curator(error)
        default: nil
        }
    }

    /// The sentence for a checkpoint that cannot be opened or read (exit 2).
    /// `fromEnvironment` says the path came from `LINEAGE_CHECKPOINT`, so a stale
    /// variable is named as the source of the path.
    static func message(for error: CheckpointError, fromEnvironment: Bool = false) -> String {
        let path = error.path
        let advice =
            switch error {
            case .missing where fromEnvironment: "set LINEAGE_CHECKPOINT to an existing checkpoint, or pass -c PATH."
            case .missing: "check the path (it names nothing on this machine)."
            case .unreadable: "check the path and its permissions."
            case .notCheckpoint(_, .notLMDB): "check the path: lineage reads the LMDB checkpoint files the pipeline writes."
            case .notCheckpoint: "run `lineage verify \(path)` for a full report."
            case .notAFile(_, .directoryWithoutData):
                "pass the checkpoint file itself, a directory holding its data.mdb, or a NeMo Curator checkpoint (the directory holding .nemo_curator_metadata/)."
            case .notAFile: "pass the checkpoint file itself (or a directory holding its data.mdb)."
            case .missingDatabase: "it was not written by the lineage checkpoint writer or is damaged (run `lineage verify \(path)`)."
            case .wrongFlags: "run `lineage verify \(path)` for details."
            case .readFailed: "the file may be damaged or still being written, run `lineage verify \(path)`."
            }
        var fact = error.description
        if fromEnvironment, fact.hasPrefix(path) { fact = "\(path) (from LINEAGE_CHECKPOINT)" + fact.dropFirst(path.count) }
        return sentence(fact, advice)
    }

    /// The sentence for a checkpoint the pipeline kept changing during every read (exit 75).
    static func message(for busy: CheckpointBusy) -> String {
        sentence(busy.description, waitAdvice)
    }

    /// `message(for:)` of a busy read of `path`, cut around its two transaction ids.
    static func busyWords(path: String) -> (beforeFirst: String, between: String, afterLast: String) {
        let words = CheckpointBusy.words(path: path)
        return (words.beforeFirst, words.between, sentence(words.afterLast, waitAdvice))
    }

    /// What to do about a read the pipeline kept tearing.
    static let waitAdvice = "try again, or give --wait SECONDS to wait longer."

    /// The sentence for an export refused as too large (exit 1).
    static func message(for error: SubgraphTooLarge) -> String {
        sentence(
            error.description, "draw the stages with --by-stage (any size), narrow the export with --around UDID --depth N, or raise --max-nodes.")
    }

    /// The sentence for a Mermaid export too large for Mermaid to draw (exit 1).
    static func message(for refused: MermaidRefused) -> String {
        let advice =
            refused.byStage
            ? "draw it with --format dot or --format json."
            : "narrow it with --around UDID --depth N (a smaller depth), or draw the stages with --by-stage."
        return sentence("\(refused.path): \(refused.error.description)", advice)
    }

    /// The sentence for a task that is not there (exit 1).
    static func message(for failure: CommandFailure) -> String {
        switch failure {
        case .noTask(let path, let what): notFound(path, what)
        case .noPath(let path, let from, let to):
            "\(path): no path between \(from) and \(to): neither descends from the other; compare their ancestors with `lineage ancestors`."
        }
    }

    /// The sentence for a udid or prefix that names no task or several (exit 1); an
    /// ambiguous prefix lists its candidates on the following lines.
    static func message(for error: TaskLookupError) -> String {
        switch error {
        case .notFound(let path, let prefix):
            return notFound(path, prefix.udid == nil ? "a udid starting with \(prefix)" : "udid \(prefix)")
        case .ambiguous(let path, let prefix, let candidates, let more):
            let listed = candidates.map { "  \($0)" }.joined(separator: "\n")
            return "\(path): prefix \(prefix) \(matchCount(candidates.count, more: more)); give more digits:\n\(listed)"
        }
    }

    /// "matches 2 tasks", or "matches more than 20 tasks (the first 20 listed)".
    static func matchCount(_ count: Int, more: Bool, of things: String = "tasks") -> String {
        more ? "matches more than \(count) \(things) (the first \(count) listed)" : "matches \(count) \(things)"
    }

    private static func notFound(_ path: String, _ what: String) -> String {
        "\(path): no task with \(what); list the tasks with `lineage types`."
    }

    /// The sentence `CrashGuard` prints if reading `path` faults anyway (exit 2).
    static func readingFault(_ path: String) -> String {
        "\(path): reading stopped on damaged data; the checkpoint is damaged or was changed while being read, run `lineage verify \(path)`."
    }

    /// Joins a library's fact (a sentence ending in `.`) and the advice into one sentence.
    private static func sentence(_ fact: String, _ advice: String) -> String {
        (fact.hasSuffix(".") ? String(fact.dropLast()) : fact) + "; " + advice
    }
}

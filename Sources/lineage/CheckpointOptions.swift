import ArgumentParser
import FoundationEssentials
import LineageKit

/// Where a checkpoint path came from: messages about a stale `LINEAGE_CHECKPOINT` name it.
enum CheckpointOrigin: Equatable {
    case option, operand, environment
}

/// A checkpoint path and where it came from.
struct CheckpointLocation: Equatable {
    let path: String
    let origin: CheckpointOrigin
    /// How long a read of a checkpoint being written is retried (`--wait`).
    var wait = ConsistentRead.defaultWait

    /// Opens the checkpoint and runs `body` in one read transaction, of a consistent
    /// snapshot: a read the pipeline tore is retried from a fresh opening (`consistently`).
    /// - Throws: `CheckpointError` (`CheckpointFromEnvironment` when the path came from
    ///   `LINEAGE_CHECKPOINT`), `CheckpointBusy`, or what `body` throws.
    func read<T>(_ body: (CheckpointReader) throws -> T) throws -> T { try readAnswer(body).value }

    /// `read`, with the read's window (whether the pipeline committed during it).
    func readAnswer<T>(_ body: (CheckpointReader) throws -> T) throws -> ConsistentAnswer<T> {
        CrashGuard.arm(reading: path)
        do {
            return try consistently { try Checkpoint(path: path).read(body) }
        } catch let error as CheckpointError where origin == .environment {
            throw CheckpointFromEnvironment(error: error)
        }
    }

    /// The checkpoint given by `option`, else by `operands`, else by `LINEAGE_CHECKPOINT`
    /// (an empty value counts as unset).
    ///
    /// Resolved when the command runs, not in `validate()`: ArgumentParser validates
    /// before it reports unknown options, so a mistyped `--chekpoint` would otherwise
    /// read as "no checkpoint given" (see `UsageChecked`).
    /// - Throws: `UsageError` when none is given, or an option and an operand both are
    ///   (unless `allowBoth`, for commands that take every path).
    static func resolve(
        option: String?, operands: [String], allowBoth: Bool = false, wait: Double = ConsistentRead.defaultWait
    ) throws -> [CheckpointLocation] {
        if option != nil, !operands.isEmpty, !allowBoth {
            throw UsageError("Give the checkpoint either with -c or as an argument, not both.")
        }
        let given =
            (option.map { [CheckpointLocation(path: $0, origin: .option, wait: wait)] } ?? [])
            + operands.map { CheckpointLocation(path: $0, origin: .operand, wait: wait) }
        if !given.isEmpty { return given }
        if let fromEnvironment = ProcessInfo.processInfo.environment["LINEAGE_CHECKPOINT"], !fromEnvironment.isEmpty {
            return [CheckpointLocation(path: fromEnvironment, origin: .environment, wait: wait)]
        }
        throw UsageError("No checkpoint given: pass -c PATH or set LINEAGE_CHECKPOINT.")
    }
}

/// The checkpoint of a command that has other operands (`show`): `-c/--checkpoint PATH`,
/// else `$LINEAGE_CHECKPOINT`. `-cPATH` works too.
struct CheckpointOptions: ParsableArguments {
    @Option(
        name: [.customShort("c", allowingJoined: true), .long],
        help: ArgumentHelp(
            "The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.", valueName: "path"),
        completion: .file(extensions: ["mdb"]))
    var checkpoint: String?

    @OptionGroup var waiting: WaitOption

    /// The checkpoint to read. - Throws: `UsageError` when none is given.
    var location: CheckpointLocation {
        get throws { try CheckpointLocation.resolve(option: checkpoint, operands: [], wait: waiting.seconds)[0] }
    }

    /// Opens the checkpoint and runs `body` in one read transaction.
    func read<T>(_ body: (CheckpointReader) throws -> T) throws -> T { try location.read(body) }
}

/// The checkpoint of a command whose only operand it is (`types`, `edges`, `export-dot`,
/// and `status`, `stats`, `sources`, `plan` to come): `lineage types ckpt.mdb`, as
/// `mdb_stat ckpt.mdb`, or `-c PATH`, else `$LINEAGE_CHECKPOINT`; giving both is a
/// usage error.
struct CheckpointOperand: ParsableArguments {
    @OptionGroup var options: CheckpointOptions

    @Argument(
        help: ArgumentHelp("The checkpoint, as an alternative to -c.", valueName: "checkpoint"),
        completion: .file(extensions: ["mdb"]))
    var operand: String?

    /// The checkpoint to read. - Throws: `UsageError` when none is given, or both forms are.
    var location: CheckpointLocation {
        get throws {
            try CheckpointLocation.resolve(option: options.checkpoint, operands: operand.map { [$0] } ?? [], wait: options.waiting.seconds)[0]
        }
    }

    /// Opens the checkpoint and runs `body` in one read transaction.
    func read<T>(_ body: (CheckpointReader) throws -> T) throws -> T { try location.read(body) }
}

/// The checkpoints of `verify`: every path given, as arguments and with `-c`, else
/// `$LINEAGE_CHECKPOINT`.
struct CheckpointList: ParsableArguments {
    @Argument(
        help: ArgumentHelp("Checkpoints to audit (with -c PATH: that one too). Default: $LINEAGE_CHECKPOINT.", valueName: "path"),
        completion: .file(extensions: ["mdb"]))
    var paths: [String] = []

    @Option(
        name: [.customShort("c", allowingJoined: true), .long],
        help: ArgumentHelp("A checkpoint to audit, before the path arguments.", valueName: "path"),
        completion: .file(extensions: ["mdb"]))
    var checkpoint: String?

    @OptionGroup var waiting: WaitOption

    /// The checkpoints to read, `-c` first. - Throws: `UsageError` when none is given.
    var locations: [CheckpointLocation] {
        get throws { try CheckpointLocation.resolve(option: checkpoint, operands: paths, allowBoth: true, wait: waiting.seconds) }
    }
}

/// The formats of the commands that list rows (`edges`, `types`).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl, json

    /// The row layout for the next row; `first` tells a JSON array whether a comma is due.
    func rows(first: Bool) -> Rows.Format {
        switch self {
        case .text: return .text
        case .jsonl: return .jsonLines
        case .json: return .jsonArray(first: first)
        }
    }
}

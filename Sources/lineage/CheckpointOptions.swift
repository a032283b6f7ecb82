import ArgumentParser
import FoundationEssentials
import LineageKit

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

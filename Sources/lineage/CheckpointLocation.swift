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
        } catch let error as CheckpointError {
            let refined = Self.dagReadError(error)
            guard refined is CheckpointError, origin == .environment else { throw refined }
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

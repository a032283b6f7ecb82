import ArgumentParser
import FoundationEssentials
import LineageKit

/// The operands of a command that takes tasks (`show`, `ancestors`, `descendants`,
/// `path`): the checkpoint may come first, as every other command takes it
/// (`lineage path ckpt.mdb 5fec d5a1`), or with `-c`, or from `LINEAGE_CHECKPOINT`.
/// ArgumentParser fills the declared positionals in order, so the command declares one
/// more than it needs tasks, and this splits them: with one more given, the first is the
/// checkpoint.
enum TaskOperands {
    /// The checkpoint operand and the tasks, from `given` (the positionals in order, `nil`
    /// when absent) for a command taking `tasks` of them.
    static func split(_ given: [String?], tasks: Int) -> (checkpoint: String?, tasks: [String]) {
        let present = given.compactMap { $0 }
        guard present.count > tasks else { return (nil, present) }
        return (present[0], Array(present.dropFirst()))
    }

    /// The usage error for `text`, given where a udid goes but not one: when it names a
    /// file or directory, the user meant it as the checkpoint.
    static func notAUDID(_ text: String, command: String, what: String = "a udid", expected: String = "4 to 32 hex digits") -> UsageError {
        var isDirectory = false
        if FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) {
            return UsageError(
                "'\(text)' is a \(isDirectory ? "directory" : "file"), not \(what): give the checkpoint and then \(what) "
                    + "(lineage \(command) \(text) ...), or the checkpoint with -c (lineage \(command) -c \(text) ...).")
        }
        return UsageError("'\(text)' is not \(what): give \(expected).")
    }
}

/// The checkpoint as the leading argument of a command that takes tasks: declared before
/// the tasks' arguments, so ArgumentParser fills it first (`TaskOperands.split` says
/// whether it was the checkpoint or the first task).
struct LeadingCheckpoint: ParsableArguments {
    @Argument(
        help: ArgumentHelp("The checkpoint, before the udids or ids: an alternative to -c.", valueName: "checkpoint"),
        completion: .file(extensions: ["mdb"]))
    var value: String?
}

extension CheckpointOptions {
    /// The checkpoint: `-c`, else the leading operand, else `LINEAGE_CHECKPOINT`.
    /// - Throws: `UsageError` when none is given, or `-c` and the operand both are.
    func location(operand: String?) throws -> CheckpointLocation {
        try CheckpointLocation.resolve(option: checkpoint, operands: operand.map { [$0] } ?? [], wait: waiting.seconds)[0]
    }
}

import ArgumentParser
import Foundation
import LineageKit

/// The checkpoint every reading command takes: `-c/--checkpoint PATH`, else `$LINEAGE_CHECKPOINT`.
struct CheckpointOptions: ParsableArguments {
    @Option(
        name: [.customShort("c"), .long],
        help: ArgumentHelp("The checkpoint file (or a directory holding data.mdb). Default: $LINEAGE_CHECKPOINT.", valueName: "path"),
        completion: .file(extensions: ["mdb"]))
    var checkpoint: String?

    /// The path to read, from the option or the environment.
    var path: String {
        get throws {
            if let checkpoint { return checkpoint }
            if let fromEnvironment = ProcessInfo.processInfo.environment["LINEAGE_CHECKPOINT"], !fromEnvironment.isEmpty {
                return fromEnvironment
            }
            throw ValidationError("No checkpoint given: pass -c PATH or set LINEAGE_CHECKPOINT.")
        }
    }

    func validate() throws { _ = try path }

    /// Opens the checkpoint and runs `body` in one read transaction.
    /// - Throws: `CheckpointError` (presented by `ErrorPresentation`), or what `body` throws.
    func read<T>(_ body: (CheckpointReader) throws -> T) throws -> T {
        let path = try path
        CrashGuard.arm(reading: path)
        return try Checkpoint(path: path).read(body)
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

import ArgumentParser
import LineageKit

extension Lineage {
    struct Show: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one task: type, completion, parents and children.",
            discussion: """
                Exit 1 when no task matches, or a prefix matches several (they are listed). \
                With - it reads udids or prefixes from stdin, one per line, and answers each \
                in turn (JSON: one line per query); exit 1 at the end if any was not found. \
                On a NeMo Curator checkpoint it takes a source id (as written, or a unique prefix \
                of at least 4 hex digits in any case; - reads them from stdin) and names the \
                writers holding it (exit 1 when none does), and with --groups FILE the file \
                groups mapping to it.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

        @OptionGroup var options: CheckpointOptions

        @Argument(
            help: ArgumentHelp("The checkpoint, before the udid: an alternative to -c.", valueName: "checkpoint"),
            completion: .file(extensions: ["mdb"]))
        var first: String?

        @Argument(
            help: ArgumentHelp(
                "A udid, or a unique prefix of at least 4 hex digits (any case); - reads them from stdin.", valueName: "udid"))
        var second: String?

        /// The checkpoint given as the first operand, if it was.
        var checkpointOperand: String? { TaskOperands.split([first, second], tasks: lineagePath == nil ? 1 : 0).checkpoint }
        /// The udid (or source id, or -) given.
        var udid: String? { TaskOperands.split([first, second], tasks: lineagePath == nil ? 1 : 0).tasks.first }
        /// The checkpoint to read.
        var location: CheckpointLocation { get throws { try options.location(operand: checkpointOperand) } }

        @Option(name: .customLong("path"), help: ArgumentHelp("Look the task up by its lineage path instead, e.g. 0_0_1.", valueName: "lineage-path"))
        var lineagePath: String?

        @Option(help: "Output format (json and jsonl are the same: one line per task).")
        var format: Format = .text

        @Option(help: "Read the checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @Option(help: ArgumentHelp("On a Curator checkpoint: JSON Lines of file groups; list those mapping to the id.", valueName: "file"))
        var groups: String?

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            if curator != nil { return try checkCuratorUsage() }
            switch (udid, lineagePath) {
            case (nil, nil): throw UsageError("Give a udid (or a prefix of at least 4 hex digits), - for stdin, or --path LINEAGE_PATH.")
            case (.some, .some): throw UsageError("Give either a udid or --path, not both.")
            case (.some(let text), nil):
                guard text == "-" || UDIDPrefix(text) != nil else { throw TaskOperands.notAUDID(text, command: "show") }
            case (nil, .some(let path)):
                guard LineagePath.isValid(path) else { throw UsageError(LineagePath.usage(path)) }
            }
        }

        func run() throws {
            defer { Console.flush() }
            let location = try location
            if let curator = try CheckpointKind.curatorLocation(location, kind: kind) { return try runCurator(curator) }
            if groups != nil { throw UsageError("--groups applies to a NeMo Curator checkpoint.") }
            if udid == "-" { return try ShowBatch(json: format != .text).run(location) }
            let record: TaskRecord? = try location.read { reader in
                let lookup = try reader.lookup()
                if let lineagePath { return try lookup.record(UDID(lineagePath: lineagePath)) }
                // checkUsage() accepted the prefix.
                return try lookup.record(lookup.resolve(UDIDPrefix(udid ?? "")!))
            }
            guard let record else {
                let what = lineagePath.map { "lineage path \($0.isEmpty ? "\"\"" : $0) (udid \(UDID(lineagePath: $0)))" } ?? "udid \(udid ?? "")"
                throw CommandFailure.noTask(path: location.path, what: what)
            }
            switch format {
            case .text: Console.print(TextRenderer.record(record, lineagePath: lineagePath))
            case .json, .jsonl: Console.print(JSONRenderer.record(record, lineagePath: lineagePath))
            }
        }
    }
}

extension LineagePath {
    /// The usage message for a malformed lineage path.
    static func usage(_ text: String) -> String {
        "'\(text)' is not a lineage path: give decimal indexes without leading zeros joined by '_', e.g. 0_0_1."
    }
}

import ArgumentParser
import FoundationEssentials
import LineageKit

extension Lineage {
    struct Show: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one task: type, completion, parents and children.",
            discussion: """
                Exit 1 when no task matches, or a prefix matches several (they are listed). \
                With - it reads udids or prefixes from stdin, one per line, and answers each \
                in turn (jsonl: one line per query; json: one document); exit 1 at the end if \
                any was not found. \
                On a NeMo Curator checkpoint it takes a source id (as written, or a unique prefix \
                of at least 4 hex digits in any case; - reads them from stdin) and names the \
                writers holding it (exit 1 when none does), and with --groups FILE the file \
                groups mapping to it.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

        @OptionGroup var options: CheckpointOptions

        @OptionGroup var leading: LeadingCheckpoint

        @Argument(
            help: ArgumentHelp(
                "A udid, or a unique prefix of at least 4 hex digits (any case); - reads them from stdin.", valueName: "udid"))
        var second: String?

        /// The checkpoint given as the first operand, if it was.
        var checkpointOperand: String? { operands.checkpoint }
        /// The udid (or source id, or -) given.
        var udid: String? { operands.tasks.first }

        /// The positionals split: with `--path` a lone one is the checkpoint only when
        /// neither `-c` nor `LINEAGE_CHECKPOINT` gives one and it is no udid prefix (else it
        /// is the udid, and the usage check says to give one or the other).
        private var operands: (checkpoint: String?, tasks: [String]) {
            guard lineagePath != nil, second == nil, let lone = leading.value else { return TaskOperands.split([leading.value, second], tasks: 1) }
            let elsewhere = options.checkpoint != nil || !(ProcessInfo.processInfo.environment["LINEAGE_CHECKPOINT"] ?? "").isEmpty
            return elsewhere || UDIDPrefix(lone) != nil ? (nil, [lone]) : (lone, [])
        }
        /// The checkpoint to read.
        var location: CheckpointLocation { get throws { try options.location(operand: checkpointOperand) } }

        @Option(name: .customLong("path"), help: ArgumentHelp("Look the task up by its lineage path instead, e.g. 0_0_1.", valueName: "lineage-path"))
        var lineagePath: String?

        @Option(help: "Output format: json (one document; with -, its answers array) or jsonl (one object per answer and line).")
        var format: Format = .text

        @Option(help: "Read the checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @Option(help: ArgumentHelp("On a Curator checkpoint: JSON Lines of file groups; list those mapping to the id.", valueName: "file"))
        var groups: String?

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            if curator != nil { return try checkCuratorUsage() }
            do {
                try checkDAGUsage()
            } catch let error as UsageError {
                // A source id that is no udid: a writer file given alone takes it.
                guard curatorFile != nil else { throw error }
                try checkCuratorUsage()
            }
        }

        func checkDAGUsage() throws {
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
            if let curator { return try runCurator(curator) }
            if kind == .curator {
                throw CheckpointError.missing(path: location.path)
            }
            if groups != nil || (try? checkDAGUsage()) == nil, let writer = curatorFile { return try runCurator(writer) }
            if groups != nil { throw UsageError("--groups applies to a NeMo Curator checkpoint.") }
            do {
                try runDAG(location)
            } catch let wrong as WrongKind {
                // A writer file read as a DAG file: read it as what it is.
                guard let writer = curatorFile else { throw wrong }
                try runCurator(writer)
            }
        }

        func runDAG(_ location: CheckpointLocation) throws {
            if udid == "-" { return try ShowBatch(format: format).run(location) }
            let query = lineagePath ?? udid ?? ""
            do {
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
            } catch let error as TaskLookupError where format != .text {
                let candidates: [String]? = if case .ambiguous(_, _, let candidates, _) = error { candidates.map(\.string) } else { nil }
                Self.printFailure(query: query, code: candidates == nil ? "not_found" : "ambiguous", error: error, candidates: candidates, kind: "dag")
                throw error
            } catch let error as CommandFailure where format != .text {
                Self.printFailure(query: query, code: "not_found", error: error, kind: "dag")
                throw error
            }
        }

        /// A lookup that found nothing, with JSON asked for: the error object `show -`
        /// prints for such a line, on stdout (the sentence still goes to stderr).
        static func printFailure(query: String, code: String, error: any Error, candidates: [String]? = nil, kind: String) {
            let message = ErrorPresentation.presentation(of: error)?.message ?? "\(error)"
            Console.print(JSONRenderer.lookupFailure(query: query, error: code, message: message, candidates: candidates, format: .jsonLines(kind: kind)))
        }
    }
}

extension LineagePath {
    /// The usage message for a malformed lineage path.
    static func usage(_ text: String) -> String {
        "'\(text)' is not a lineage path: give decimal indexes without leading zeros joined by '_', e.g. 0_0_1."
    }
}

import ArgumentParser
import LineageKit

extension Lineage {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one task: type, completion, parents and children.",
            discussion: "Exit 1 when no task matches, or a prefix matches several (they are listed).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var options: CheckpointOptions

        @Argument(help: "A udid, or a unique prefix of at least 4 hex digits.")
        var udid: String?

        @Option(name: .customLong("path"), help: ArgumentHelp("Look the task up by its lineage path instead, e.g. 0_0_1.", valueName: "lineage-path"))
        var lineagePath: String?

        @Option(help: "Output format.")
        var format: Format = .text

        @OptionGroup var progress: ProgressOptions

        func validate() throws {
            switch (udid, lineagePath) {
            case (nil, nil): throw ValidationError("Give a udid (or a prefix of at least 4 hex digits) or --path LINEAGE_PATH.")
            case (.some, .some): throw ValidationError("Give either a udid or --path, not both.")
            case (.some(let text), nil):
                let lowered = text.lowercased()
                guard (4...UDID.length).contains(lowered.count), UDID.isHexPrefix(lowered) else {
                    throw ValidationError("'\(text)' is not a udid: give 4 to 32 hex digits.")
                }
            case (nil, .some(let path)):
                guard LineagePath.isValid(path) else {
                    throw ValidationError("'\(path)' is not a lineage path: give decimal indexes joined by '_', e.g. 0_0_1.")
                }
            }
        }

        func run() throws {
            defer { Console.flush() }
            let path = try options.path
            let record: TaskRecord? = try options.read { reader in
                let target: UDID
                if let lineagePath {
                    target = UDID(lineagePath: lineagePath)
                } else if let full = UDID(udid?.lowercased() ?? "") {
                    target = full
                } else {
                    let prefix = udid?.lowercased() ?? ""
                    // One more than is listed tells "exactly 20" from "more than 20".
                    let candidates = try reader.udids(withPrefix: prefix, limit: 21)
                    if candidates.count > 1 {
                        throw CommandFailure.ambiguousPrefix(
                            path: path, prefix: prefix, candidates: Array(candidates.prefix(20)), more: candidates.count > 20)
                    }
                    guard let only = candidates.first else { return nil }
                    target = only
                }
                return try reader.record(target)
            }
            guard let record else {
                let what = lineagePath.map { "lineage path \($0) (udid \(UDID(lineagePath: $0)))" } ?? "udid \(udid ?? "")"
                throw CommandFailure.noTask(path: path, what: what)
            }
            switch format {
            case .text: Console.print(TextRenderer.record(record, lineagePath: lineagePath))
            case .json: Console.print(JSONRenderer.record(record, lineagePath: lineagePath))
            }
        }
    }
}

import ArgumentParser
import LineageKit

extension Lineage {
    struct Edges: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "edges",
            abstract: "List every edge PARENT<TAB>CHILD in key order.",
            discussion: """
                Streams from out_edges; --child reads in_edges. Exit 0 even when no edge matches; \
                exit 1 when --parent or --child names no task, or several.
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(help: ArgumentHelp("Only the edges from this parent (a udid, or a unique prefix of 4+ hex digits).", valueName: "udid"))
        var parent: String?

        @Option(help: ArgumentHelp("Only the edges into this child (a udid, or a unique prefix of 4+ hex digits).", valueName: "udid"))
        var child: String?

        @Option(help: "Output format.")
        var format: ListFormat = .text

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            for (flag, value) in [("--parent", parent), ("--child", child)] {
                if let value, UDIDPrefix(value) == nil {
                    throw UsageError("\(flag) '\(value)' is not a udid: give 4 to 32 hex digits.")
                }
            }
        }

        func run() throws {
            defer { Console.flush() }
            try options.read { reader in
                // checkUsage() accepted both prefixes.
                let parentID = try parent.map { try reader.resolve(prefix: UDIDPrefix($0)!) }
                let childID = try child.map { try reader.resolve(prefix: UDIDPrefix($0)!) }
                var stream = RecordStream(format, checkpoint: reader.path, list: "edges")
                let report = progress.handler("lineage edges")
                let total = report == nil ? 0 : try reader.edgeCount()
                var rows = 0
                try reader.forEachEdge(parent: parentID, child: childID) { p, c in
                    let rowFormat = stream.next()
                    rows += 1
                    if WorkProgress.isDue(rows) { report?(WorkProgress(phase: "listing edges", done: rows, total: total, unit: "edges")) }
                    Console.withBuffer { Rows.appendEdge(parent: p, child: c, format: rowFormat, to: &$0) }
                }
                stream.finish()
            }
        }
    }
}

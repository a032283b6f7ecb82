import ArgumentParser
import LineageKit

extension Lineage {
    struct Edges: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edges",
            abstract: "List every edge PARENT<TAB>CHILD in key order.",
            discussion: "Streams from out_edges; --child reads in_edges. Exit 0 even when no edge matches.")

        @OptionGroup var options: CheckpointOptions

        @Option(help: ArgumentHelp("Only the edges from this parent (a full udid).", valueName: "udid"))
        var parent: String?

        @Option(help: ArgumentHelp("Only the edges into this child (a full udid).", valueName: "udid"))
        var child: String?

        @Option(help: "Output format.")
        var format: ListFormat = .text

        @OptionGroup var progress: ProgressOptions

        func validate() throws {
            for (flag, value) in [("--parent", parent), ("--child", child)] {
                if let value, UDID(value.lowercased()) == nil {
                    throw ValidationError("\(flag) '\(value)' is not a udid: give all 32 hex digits.")
                }
            }
        }

        func run() throws {
            defer { Console.flush() }
            let parentID = parent.flatMap { UDID($0.lowercased()) }
            let childID = child.flatMap { UDID($0.lowercased()) }
            try options.read { reader in
                var first = true
                let report = progress.handler("lineage edges")
                let total = report == nil ? 0 : try reader.edgeCount()
                var rows = 0
                if format == .json { Console.write(Array("[".utf8)) }
                try reader.forEachEdge(parent: parentID, child: childID) { p, c in
                    let rowFormat = format.rows(first: first)
                    first = false
                    rows += 1
                    if rows & 0xffff == 0 { report?(WorkProgress(phase: "listing edges", done: rows, total: total, unit: "edges")) }
                    Console.withBuffer { Rows.appendEdge(parent: p, child: c, format: rowFormat, to: &$0) }
                }
                if format == .json { Console.withBuffer { Rows.closeArray(empty: first, to: &$0) } }
            }
        }
    }
}

import ArgumentParser
import LineageKit

extension Lineage {
    struct ExportDot: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "export-dot",
            abstract: "Write the DAG (or the part around one task) as Graphviz DOT on stdout.",
            discussion: """
                Render it with: lineage export-dot > dag.dot && dot -Tsvg dag.dot > dag.svg
                Refuses (exit 1) when the export would exceed --max-nodes tasks.
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(
            help: ArgumentHelp(
                "Only the tasks within --depth edges of this task (both directions): a udid, or a unique prefix of 4+ hex digits such as a label of the picture.",
                valueName: "udid"))
        var around: String?

        // .unconditional takes `-1` as the value, so the range check below can word it.
        @Option(parsing: .unconditional, help: "With --around: how many edges away from the task to go, 0 or more (default 2).")
        var depth: Int?

        @Option(parsing: .unconditional, help: "Refuse to export more tasks than this (at least 1).")
        var maxNodes = 2000

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            if let around, UDIDPrefix(around) == nil { throw UsageError("--around '\(around)' is not a udid: give 4 to 32 hex digits.") }
            if depth != nil && around == nil { throw UsageError("--depth needs --around UDID: it counts edges away from that task.") }
            if let depth, depth < 0 { throw UsageError("--depth must be 0 or more (got \(depth)).") }
            guard maxNodes >= 1 else { throw UsageError("--max-nodes must be at least 1 (got \(maxNodes)).") }
        }

        func run() throws {
            defer { Console.flush() }
            let path = try options.location.path
            let depth = self.depth ?? 2
            let report = progress.handler("lineage export-dot")
            let (graph, center) = try options.read { reader -> (Subgraph, UDID?) in
                // checkUsage() accepted the prefix.
                guard let around = around.flatMap(UDIDPrefix.init) else {
                    return (try reader.wholeGraph(maxNodes: maxNodes, progress: report), nil)
                }
                let center = try reader.resolve(prefix: around)
                return (try reader.neighbourhood(of: center, depth: depth, maxNodes: maxNodes), center)
            }
            let title =
                center.map { "\(path): \(graph.tasks.count) tasks within \(depth) of \($0.short)" } ?? "\(path): \(graph.tasks.count) tasks"
            Console.writeDOT(graph, title: title, progress: report)
        }
    }
}

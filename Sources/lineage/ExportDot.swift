import ArgumentParser
import LineageKit

extension Lineage {
    struct ExportDot: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-dot",
            abstract: "Write the DAG (or the part around one task) as Graphviz DOT on stdout.",
            discussion: """
                Render it with: lineage export-dot > dag.dot && dot -Tsvg dag.dot > dag.svg
                Refuses (exit 1) when the export would exceed --max-nodes tasks.
                """)

        @OptionGroup var options: CheckpointOptions

        @Option(help: ArgumentHelp("Only the tasks within --depth edges of this udid (both directions).", valueName: "udid"))
        var around: String?

        @Option(help: "With --around: how many edges away from the task to go (default 2).")
        var depth: Int?

        @Option(help: "Refuse to export more tasks than this.")
        var maxNodes = 2000

        @OptionGroup var progress: ProgressOptions

        func validate() throws {
            if let around, UDID(around.lowercased()) == nil { throw ValidationError("--around '\(around)' is not a udid: give all 32 hex digits.") }
            if depth != nil && around == nil { throw ValidationError("--depth needs --around UDID: it counts edges away from that task.") }
            guard (depth ?? 0) >= 0 else { throw ValidationError("--depth must be 0 or more.") }
            guard maxNodes >= 1 else { throw ValidationError("--max-nodes must be at least 1.") }
        }

        func run() throws {
            defer { Console.flush() }
            let path = try options.path
            let center = around.flatMap { UDID($0.lowercased()) }
            let depth = self.depth ?? 2
            let report = progress.handler("lineage export-dot")
            let graph = try options.read { reader -> Subgraph? in
                guard let center else { return try reader.wholeGraph(maxNodes: maxNodes, progress: report) }
                guard try reader.record(center) != nil else { return nil }
                return try reader.neighbourhood(of: center, depth: depth, maxNodes: maxNodes)
            }
            guard let graph else {
                throw CommandFailure.noTask(path: path, what: "udid \(around ?? "")")
            }
            let title =
                center.map { "\(path): \(graph.tasks.count) tasks within \(depth) of \($0.short)" } ?? "\(path): \(graph.tasks.count) tasks"
            Console.writeDOT(graph, title: title, progress: report)
        }
    }
}

import ArgumentParser
import LineageKit

/// The formats of `lineage export`.
enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, mermaid, json
}

/// What part of the DAG an export draws, shared by `export` and `export-dot`: the whole
/// graph, the tasks around one (`--around`, with `--depth` or `--up`/`--down`), or the
/// stages (`--by-stage`).
struct ExportSelection: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only the tasks near this task (--depth both ways, or --up and --down): a udid, or a unique prefix of 4+ hex digits such as a label of the picture.",
            valueName: "udid"))
    var around: String?

    // .unconditional takes `-1` as the value, so the range check below can word it.
    @Option(parsing: .unconditional, help: "With --around: how many edges away from the task to go, 0 or more (default 2).")
    var depth: Int?

    @Option(parsing: .unconditional, help: "With --around, instead of --depth: ancestors up to this many edges above the task (default 0).")
    var up: Int?

    @Option(parsing: .unconditional, help: "With --around, instead of --depth: descendants up to this many edges below the task (default 0).")
    var down: Int?

    @Option(parsing: .unconditional, help: "Refuse to export more tasks than this (at least 1).")
    var maxNodes = 2000

    @Flag(
        help:
            "Draw the stages instead of the tasks: one node per (stage, task type) with its task and completed counts, one edge per connected pair with its number of task edges. Any size; reads the file as status does."
    )
    var byStage = false

    func checkUsage() throws {
        if let around, UDIDPrefix(around) == nil { throw UsageError("--around '\(around)' is not a udid: give 4 to 32 hex digits.") }
        for (name, value) in [("--depth", depth), ("--up", up), ("--down", down)] {
            guard let value else { continue }
            if around == nil { throw UsageError("\(name) needs --around UDID: it counts edges away from that task.") }
            if value < 0 { throw UsageError("\(name) must be 0 or more (got \(value)).") }
        }
        if depth != nil && (up != nil || down != nil) { throw UsageError("--depth goes both ways; give either --depth or --up/--down.") }
        guard maxNodes >= 1 else { throw UsageError("--max-nodes must be at least 1 (got \(maxNodes)).") }
        if byStage && around != nil { throw UsageError("--by-stage draws the whole checkpoint; it takes no --around.") }
    }
}

/// A Mermaid export refused as too large for Mermaid to draw (exit 1).
struct MermaidRefused: Error {
    let path: String
    let error: MermaidTooLarge
    /// Whether the refused diagram was already the stage picture.
    let byStage: Bool
}

extension Lineage {
    /// Reads the selection from the checkpoint and writes it on stdout in `format`; the
    /// body of `export` and `export-dot`. `command` names the progress line.
    static func export(_ options: CheckpointOperand, _ selection: ExportSelection, format: GraphFormat, progress: ProgressOptions, command: String)
        throws
    {
        defer { Console.flush() }
        let path = try options.location.path
        let report = progress.handler(command)
        if selection.byStage {
            let stages = try options.location.analyse { path throws(CheckpointError) in
                try CheckpointAnalysis.stageGraph(path: path, progress: report)
            }.value
            let title = "\(path): \(StatusRenderer.grouped(stages.taskCount)) tasks by stage"
            switch format {
            case .dot: Console.print(DOTRenderer.render(stages, title: title), terminator: "")
            case .json: Console.print(GraphJSONRenderer.render(stages, title: title), terminator: "")
            case .mermaid:
                do {
                    Console.print(try MermaidRenderer.render(stages, title: title), terminator: "")
                } catch {
                    throw MermaidRefused(path: path, error: error, byStage: true)
                }
            }
            return
        }
        let (graph, title) = try options.read { reader -> (Subgraph, String) in
            // checkUsage() accepted the prefix.
            guard let around = selection.around.flatMap(UDIDPrefix.init) else {
                let graph = try reader.wholeGraph(maxNodes: selection.maxNodes, progress: report)
                return (graph, "\(path): \(graph.tasks.count) tasks")
            }
            let center = try reader.resolve(prefix: around)
            if selection.up != nil || selection.down != nil {
                let (up, down) = (selection.up ?? 0, selection.down ?? 0)
                let graph = try reader.neighbourhood(of: center, up: up, down: down, maxNodes: selection.maxNodes)
                return (graph, "\(path): \(graph.tasks.count) tasks within \(up) above and \(down) below \(center.short)")
            }
            let depth = selection.depth ?? 2
            let graph = try reader.neighbourhood(of: center, depth: depth, maxNodes: selection.maxNodes)
            return (graph, "\(path): \(graph.tasks.count) tasks within \(depth) of \(center.short)")
        }
        switch format {
        case .dot: Console.writeDOT(graph, title: title, progress: report)
        case .json: Console.writeGraphJSON(graph, title: title, progress: report)
        case .mermaid:
            do {
                Console.print(try MermaidRenderer.render(graph, title: title), terminator: "")
            } catch {
                throw MermaidRefused(path: path, error: error, byStage: false)
            }
        }
    }
}

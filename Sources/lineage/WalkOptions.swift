import ArgumentParser
import LineageKit

/// The options `ancestors` and `descendants` share, and the walk they both run.
struct WalkOptions: ParsableArguments {
    /// The output formats of the walks.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @Argument(
        help: ArgumentHelp("The checkpoint, before the task: an alternative to -c.", valueName: "checkpoint"),
        completion: .file(extensions: ["mdb"]))
    var first: String?

    @Argument(help: ArgumentHelp("The task: a udid, or a unique prefix of at least 4 hex digits (any case).", valueName: "udid"))
    var second: String?

    private var operands: (checkpoint: String?, tasks: [String]) { TaskOperands.split([first, second], tasks: 1) }
    var udid: String { operands.tasks.first ?? "" }

    // .unconditional takes `-1` as the value, so the range check below can word it.
    @Option(parsing: .unconditional, help: "Only the tasks at most this many edges away, 0 or more (default: all).")
    var depth: Int?

    @Flag(help: "Print only how many tasks there are (after --depth and the filters).")
    var count = false

    @Flag(help: "Only completed tasks.")
    var completed = false

    @Flag(help: "Only tasks not completed.")
    var pending = false

    @Option(help: "Output format (jsonl: one object per line).")
    var format: Format = .text

    func checkUsage(command direction: String) throws {
        guard !operands.tasks.isEmpty else { throw UsageError("Give the task: a udid, or a prefix of at least 4 hex digits.") }
        guard UDIDPrefix(udid) != nil else { throw TaskOperands.notAUDID(udid, command: direction) }
        if let depth, depth < 0 { throw UsageError("--depth must be 0 or more (got \(depth)).") }
        if completed && pending { throw UsageError("--completed and --pending exclude each other; give one.") }
    }

    /// Walks from the task in `direction` and streams the rows (or the count) to stdout.
    func run(_ direction: WalkDirection, checkpoint: CheckpointOptions, progress: ProgressOptions) throws {
        defer { Console.flush() }
        let report = progress.handler("lineage \(direction.rawValue)")
        let json = format == .jsonl
        let total = try checkpoint.location(operand: operands.checkpoint).read { reader in
            // checkUsage() accepted the prefix.
            let start = try reader.resolve(prefix: UDIDPrefix(udid)!)
            var total = 0
            try reader.forEachReachable(from: start, direction: direction, maxDistance: depth, progress: report) { task in
                if completed && !task.completed || pending && task.completed { return }
                total += 1
                if !count { Console.withBuffer { Rows.appendReached(task, json: json, to: &$0) } }
            }
            return total
        }
        if count { Console.print(json ? #"{"count": \#(total)}"# : String(total)) }
    }
}

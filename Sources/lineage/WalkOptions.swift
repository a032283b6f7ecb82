import ArgumentParser
import LineageKit

/// The options `ancestors` and `descendants` share, and the walk they both run.
struct WalkOptions: ParsableArguments {

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

    @Option(help: "Output format: jsonl (one object per task and line) or json (one document).")
    var format: ListFormat = .text

    func checkUsage(command direction: String) throws {
        guard !operands.tasks.isEmpty else { throw UsageError("Give the task: a udid, or a prefix of at least 4 hex digits.") }
        guard UDIDPrefix(udid) != nil else { throw TaskOperands.notAUDID(udid, command: direction) }
        if let depth, depth < 0 { throw UsageError("--depth must be 0 or more (got \(depth)).") }
        if completed && pending { throw UsageError("--completed and --pending exclude each other; give one.") }
    }

    /// Walks from the task in `direction` and streams the rows (or the count) to stdout.
    func run(_ direction: WalkDirection, checkpoint: CheckpointOptions, progress: ProgressOptions) throws {
        // A document's head comes after the start is resolved: a udid that names no task prints nothing.
        defer { Console.flush() }
        let report = progress.handler("lineage \(direction.rawValue)")
        let location = try checkpoint.location(operand: operands.checkpoint)
        let (start, total) = try location.read { reader in
            // checkUsage() accepted the prefix.
            let start = try reader.resolve(prefix: UDIDPrefix(udid)!)
            let fields = ["\"udid\": \"\(start.string)\"", "\"direction\": \"\(direction.rawValue)\""]
            if !count { format.open(checkpoint: location.path, fields: fields, list: "tasks") }
            var total = 0
            try reader.forEachReachable(from: start, direction: direction, maxDistance: depth, progress: report) { task in
                if completed && !task.completed || pending && task.completed { return }
                let row = format.rows(first: total == 0)
                total += 1
                if !count { Console.withBuffer { Rows.appendReached(task, format: row, to: &$0) } }
            }
            if !count { format.close(empty: total == 0) }
            return (start, total)
        }
        guard count else { return }
        switch format {
        case .text: Console.print(String(total))
        case .json, .jsonl:
            Console.print(
                "{\"schema_version\": \(Rows.schemaVersion), \"kind\": \"dag\", \"checkpoint\": \(Escaping.jsonString(location.path)), "
                    + "\"udid\": \"\(start.string)\", \"direction\": \"\(direction.rawValue)\", \"count\": \(total)}")
        }
    }
}

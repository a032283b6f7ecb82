import ArgumentParser
import Glibc
import LineageKit

/// The options `ancestors` and `descendants` share, and the walk they both run.
struct WalkOptions: ParsableArguments {

    @OptionGroup var leading: LeadingCheckpoint

    @Argument(help: ArgumentHelp("The task: a udid, or a unique prefix of at least 4 hex digits (any case); - reads them from stdin.", valueName: "udid"))
    var second: String?

    private var operands: (checkpoint: String?, tasks: [String]) { TaskOperands.split([leading.value, second], tasks: 1) }
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
        guard udid == "-" || UDIDPrefix(udid) != nil else { throw TaskOperands.notAUDID(udid, command: direction) }
        if let depth, depth < 0 { throw UsageError("--depth must be 0 or more (got \(depth)).") }
        if completed && pending { throw UsageError("--completed and --pending exclude each other; give one.") }
    }

    /// Walks from the task in `direction` and streams the rows (or the count) to stdout.
    func run(_ direction: WalkDirection, checkpoint: CheckpointOptions, progress: ProgressOptions) throws {
        // A document's head comes after the start is resolved: a udid that names no task prints nothing.
        defer { Console.flush() }
        let report = progress.handler("lineage \(direction.rawValue)")
        let location = try checkpoint.location(operand: operands.checkpoint)
        if udid == "-" { return try runBatch(direction, location: location) }
        let (start, total) = try location.read { reader in
            // checkUsage() accepted the prefix.
            let start = try reader.resolve(prefix: UDIDPrefix(udid)!)
            let fields = ["\"udid\": \"\(start.string)\"", "\"direction\": \"\(direction.rawValue)\""]
            var stream = RecordStream(format, checkpoint: location.path, fields: fields, list: "tasks")
            var total = 0
            try reader.forEachReachable(from: start, direction: direction, maxDistance: depth, progress: report) { task in
                if completed && !task.completed || pending && task.completed { return }
                total += 1
                if !count {
                    let row = stream.next()
                    Console.withBuffer { Rows.appendReached(task, format: row, to: &$0) }
                }
            }
            if !count { stream.finish() }
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

    /// `ancestors -` / `descendants -`: walks from every udid or prefix read from stdin, one
    /// per line, in one read transaction. Each row starts with the task walked from
    /// (`FROM<TAB>` in text, `"from"` in JSON); with `--count`, one `FROM<TAB>N` row (or
    /// object) per query. A line that names no task or several gets its sentence on
    /// stderr (text) or an error object (JSON); exit 1 at the end when one did.
    private func runBatch(_ direction: WalkDirection, location: CheckpointLocation) throws {
        var failed = false
        var once = location
        // Stdin is read once, so the batch cannot be read again: one attempt (BUSY if torn).
        once.wait = 0
        var stream = RecordStream(
            format, checkpoint: location.path, fields: ["\"direction\": \"\(direction.rawValue)\""], list: count ? "counts" : "tasks")
        try once.read { reader in
            try LineReader(fileDescriptor: STDIN_FILENO).forEachLine { bytes in
                let query = ShowBatch.query(bytes)
                if query.isEmpty { return }
                let start: UDID
                do {
                    guard let prefix = UDIDPrefix(query) else { throw UsageError("'\(query)' is not a udid: give 4 to 32 hex digits.") }
                    start = try reader.resolve(prefix: prefix)
                } catch {
                    var candidates: [String]?
                    if case TaskLookupError.ambiguous(_, _, let listed, _) = error { candidates = listed.map(\.string) }
                    failed = true
                    let message = ErrorPresentation.presentation(of: error)?.message ?? "\(error)"
                    guard format != .text else { return Console.error(message) }
                    let code =
                        switch error {
                        case is UsageError: "not_a_udid"
                        case TaskLookupError.ambiguous: "ambiguous"
                        default: "not_found"
                        }
                    let object = JSONRenderer.lookupFailure(query: query, error: code, message: message, candidates: candidates, format: stream.next())
                    return format == .jsonl ? Console.print(object) : Console.withBuffer { $0.append(contentsOf: object.utf8) }
                }
                var total = 0
                try reader.forEachReachable(from: start, direction: direction, maxDistance: depth, progress: nil) { task in
                    if completed && !task.completed || pending && task.completed { return }
                    total += 1
                    guard !count else { return }
                    let row = stream.next()
                    Console.withBuffer { Rows.appendReached(task, from: start, format: row, to: &$0) }
                }
                guard count else { return }
                let row = stream.next()
                Console.withBuffer { out in
                    switch row {
                    case .text: out.append(contentsOf: "\(start.string)\t\(total)\n".utf8)
                    default:
                        Rows.openRecord(row, to: &out)
                        out.append(contentsOf: "\"from\": \"\(start.string)\", \"count\": \(total)}".utf8)
                        Rows.endRecord(row, to: &out)
                    }
                }
            } whenIdle: {
                Console.flush()
            }
        }
        stream.finish()
        if failed { throw ExitCode(ExitStatus.no) }
    }
}

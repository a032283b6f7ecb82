import ArgumentParser
import LineageKit

extension Lineage {
    struct Types: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "types",
            abstract: "List every task UDID<TAB>TYPE<TAB>completed|pending, or counts with --summary.",
            discussion: """
                On a checkpoint the pipeline writes too fast for a consistent whole-file read, \
                --summary (without --type) answers with the total row from the sub-databases' \
                own counts, a line saying the rows per type are unavailable, and a live note; \
                other reads end BUSY (exit 75).
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(help: "Only tasks of this type.")
        var type: TaskType?

        @Flag(help: "Only completed tasks.")
        var completed = false

        @Flag(help: "Only tasks not completed.")
        var pending = false

        @Flag(help: "Print counts per type and completion instead of one line per task (of the tasks the filters keep).")
        var summary = false

        @Option(help: "Output format.")
        var format: ListFormat = .text

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            if completed && pending { throw UsageError("--completed and --pending exclude each other; give one.") }
        }

        func run() throws {
            defer { Console.flush() }
            if summary {
                let location = try options.location
                let read = {
                    try location.readAnswer { reader in
                        try reader.typeSummary(type: type, completed: completed ? true : pending ? false : nil)
                    }
                }
                let answer: ConsistentAnswer<TypeSummary>
                // With --type the totals cannot answer: no fallback, BUSY as before.
                switch type == nil ? try location.readOrTotals(read) : .read(try read()) {
                case .read(let read):
                    answer = read
                case .totals(let totals, _):
                    // Written too fast for a whole-file read: the totals, without the types.
                    let kept = completed ? totals.tasks.completed : pending ? totals.tasks.pending : totals.tasks.total
                    let done = pending ? 0 : totals.tasks.completed
                    switch format {
                    case .text:
                        Console.print(TextRenderer.typeSummaryTotals(total: kept, completed: done, transaction: totals.txnid))
                        Console.print(Lineage.totalsNote(totals))
                    case .json, .jsonl:
                        Console.print(JSONRenderer.typeSummaryTotals(total: kept, completed: done, checkpoint: location.path))
                        Console.error(Lineage.totalsNote(totals))
                    }
                    return
                }
                switch format {
                case .text: Console.print(TextRenderer.typeSummary(answer.value))
                case .json, .jsonl: Console.print(JSONRenderer.typeSummary(answer.value, checkpoint: try options.location.path))
                }
                // Text: the last line; JSON: stderr, so the document keeps its shape.
                if let note = Lineage.liveNote(answer) { format == .text ? Console.print(note) : Console.error(note) }
                return
            }
            try options.read { reader in
                var stream = RecordStream(format, checkpoint: reader.path, list: "tasks")
                let report = progress.handler("lineage types")
                let total = report == nil ? 0 : try reader.taskCount()
                var rows = 0
                try reader.forEachTask { udid, typeName, isCompleted in
                    rows += 1
                    if WorkProgress.isDue(rows) { report?(WorkProgress(phase: "listing tasks", done: rows, total: total, unit: "tasks")) }
                    if completed && !isCompleted { return }
                    if pending && isCompleted { return }
                    if let type, TaskType(bytes: typeName) != type { return }
                    let rowFormat = stream.next()
                    Console.withBuffer { Rows.appendTask(udid: udid, typeName: typeName, completed: isCompleted, format: rowFormat, to: &$0) }
                }
                stream.finish()
            }
        }
    }
}

extension TaskType: ExpressibleByArgument {
    /// The type's name in any case (`Leaf`, `LEAF`), as the help lists it.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

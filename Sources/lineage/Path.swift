import ArgumentParser
import LineageKit

extension Lineage {
    struct Path: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            abstract: "Print one shortest chain of edges from one task down to another.",
            discussion: """
                One task per line, UDID<TAB>TYPE<TAB>completed|pending, from FROM down to TO. \
                When TO is above FROM, a note on stderr says so and the path runs from TO down \
                to FROM (exit 0). Exit 1 when neither descends from the other, or a udid names \
                no task. FROM and TO the same task: a path of that one task.
                """)


        @OptionGroup var options: CheckpointOptions

        @OptionGroup var leading: LeadingCheckpoint

        @Argument(help: ArgumentHelp("The upper task: a udid, or a unique prefix of at least 4 hex digits (any case).", valueName: "from"))
        var second: String?

        @Argument(help: ArgumentHelp("The lower task, the same way.", valueName: "to"))
        var third: String?

        private var operands: (checkpoint: String?, tasks: [String]) { TaskOperands.split([leading.value, second, third], tasks: 2) }
        var from: String { operands.tasks.first ?? "" }
        var to: String { operands.tasks.dropFirst().first ?? "" }

        @Option(help: "Output format: jsonl (one object per task and line, with its position) or json (one document).")
        var format: ListFormat = .text

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            if operands.tasks.count < 2 { throw UsageError("Give two tasks, FROM and TO: udids or prefixes of at least 4 hex digits.") }
            for text in [from, to] where UDIDPrefix(text) == nil { throw TaskOperands.notAUDID(text, command: "path") }
        }

        func run() throws {
            defer { Console.flush() }
            let location = try options.location(operand: operands.checkpoint)
            let (found, ends) = try location.read { reader in
                // checkUsage() accepted both prefixes.
                let ends = (try reader.resolve(prefix: UDIDPrefix(from)!), try reader.resolve(prefix: UDIDPrefix(to)!))
                return (try reader.shortestPath(from: ends.0, to: ends.1), ends)
            }
            guard let found else { throw CommandFailure.noPath(path: location.path, from: ends.0, to: ends.1) }
            if found.reversed {
                Console.error("note: \(ends.1) is above \(ends.0); the path runs from \(ends.1) down to \(ends.0).")
            }
            let fields = [
                "\"from\": \"\(ends.0.string)\"", "\"to\": \"\(ends.1.string)\"", "\"reversed\": \(found.reversed)",
            ]
            format.open(checkpoint: location.path, fields: fields, list: "tasks")
            for (index, task) in found.tasks.enumerated() {
                let row = format.rows(first: index == 0)
                Console.withBuffer { Rows.appendPathStep(task, format: row, to: &$0) }
            }
            format.close(empty: found.tasks.isEmpty)
        }
    }
}

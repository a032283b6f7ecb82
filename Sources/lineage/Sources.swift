import ArgumentParser
import LineageKit

extension Lineage {
    struct Sources: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "List the completed source ids of a NeMo Curator checkpoint, with the writers holding each.",
            discussion: """
                One row per id of the union the pipeline reads on a restart, sorted: \
                SOURCE_ID<TAB>WRITER[,WRITER...]. An unreadable or damaged writer file is named \
                on stderr and left out, as the pipeline skips it (its sources run again); the \
                exit status stays 0. Exit 1 when --writer names no writer file; 2 when the path \
                is not a Curator checkpoint.
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(help: ArgumentHelp("Only the ids this writer file holds (its file name, .mdb optional).", valueName: "name"))
        var writer: String?

        @Option(help: "Output format: text, jsonl (one object per line) or json (one array).")
        var format: ListFormat = .text

        @Option(help: "Read the checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            if let writer, writer.isEmpty { throw UsageError("--writer needs a writer file name, e.g. node-a-1001.mdb.") }
        }

        func run() throws {
            defer { Console.flush() }
            let location = try options.location
            let checkpoint = try CuratorCommand.checkpoint(location, kind: kind)
            CuratorCommand.reportSkipped(checkpoint)
            let names = checkpoint.writers.map(\.name)
            var only: Set<Int>?
            if let writer {
                guard let name = names.first(where: { $0 == writer }) ?? names.first(where: { $0 == writer + ".mdb" }) else {
                    throw CuratorFailure.noSuchWriter(path: location.path, name: writer, writers: names)
                }
                only = Set(names.indices.filter { names[$0] == name })
            }
            if format == .json { Console.write(Array("[".utf8)) }
            var first = true
            // Streamed in id order; most ids have one writer, whose one-name list is made once.
            let alone = names.map { [$0] }
            checkpoint.forEachSource { source, holding in
                if let only, !holding.contains(where: only.contains) { return }
                let rowFormat = format.rows(first: first)
                first = false
                let writers = holding.count == 1 ? alone[holding[0]] : holding.map { names[$0] }
                Console.withBuffer { CuratorSourcesRenderer.appendRow(source: source, writers: writers, format: rowFormat, to: &$0) }
            }
            if format == .json { Console.withBuffer { Rows.closeArray(empty: first, to: &$0) } }
        }
    }
}

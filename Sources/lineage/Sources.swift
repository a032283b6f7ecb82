import ArgumentParser
import LineageKit

extension Lineage {
    struct Sources: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "List the completed source ids of a NeMo Curator checkpoint, with the writers holding each.",
            discussion: """
                One row per id of the union the pipeline reads on a restart, sorted: \
                SOURCE_ID<TAB>WRITER[,WRITER...]. A damaged writer file the pipeline still reads \
                counts; one it skips or fails on does not (Docs/ReaderModel.md). Each damaged, \
                unreadable, skipped or failing file is named on stderr with what the pipeline does \
                with it, and the command exits 2 after the rows. Exit 1 when --writer names no writer file; 2 \
                when the path is no checkpoint; 64 when it is a DAG checkpoint.
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(help: ArgumentHelp("Only the ids this writer file holds (its file name, .mdb optional, or a unique prefix).", valueName: "name"))
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
            let checkpoint = try CuratorCommand.checkpoint(location, kind: kind, progress: progress.handler("lineage sources"))
            CuratorCommand.reportSkipped(checkpoint)
            let names = checkpoint.writers.map(\.name)
            var only: Set<Int>?
            if let writer {
                // The name, the name without .mdb, or a prefix of only one name.
                let starting = names.filter { $0.hasPrefix(writer) }
                guard let name = names.first(where: { $0 == writer }) ?? names.first(where: { $0 == writer + ".mdb" })
                    ?? (starting.count == 1 ? starting[0] : nil)
                else {
                    throw CuratorFailure.noSuchWriter(path: location.path, name: writer, writers: starting.isEmpty ? names : starting)
                }
                only = Set(names.indices.filter { names[$0] == name })
            }
            // The skipped writer files are a field of the document too (and sentences on stderr).
            let skipped = "\"skipped_writers\": [" + checkpoint.skippedWriters.map { Escaping.jsonString($0.name) }.joined(separator: ", ") + "]"
            format.open(kind: "curator", checkpoint: location.path, fields: [skipped], list: "sources")
            var first = true
            let table = NameTable(names)
            defer { table.deallocate() }
            let render = Self.rowRenderer(names: names, table: table, only: only, format: format)
            checkpoint.renderSources(render: render) { chunk in
                guard !chunk.isEmpty else { return }
                // Rows are rendered as if another came before; the very first drops its comma.
                Console.write(first && format == .json ? Array(chunk.dropFirst()) : chunk)
                first = false
            }
            format.close(empty: first)
            try CuratorCommand.finish(checkpoint)
        }

        /// Appends one row: text rows copied byte by byte when the id needs no escaping
        /// (writer names escaped once, into `names`' table), other rows through
        /// `CuratorSourcesRenderer`.
        static func rowRenderer(names: [String], table: NameTable, only: Set<Int>?, format: ListFormat)
            -> @Sendable (UnsafeRawBufferPointer, [Int], inout [UInt8]) -> Void
        {
            let alone = names.map { [$0] }
            let rows = format.rows(first: false, kind: "curator")
            return { key, holding, out in
                if let only, !holding.contains(where: only.contains) { return }
                if format == .text, key.allSatisfy({ $0 >= 0x20 && $0 != 0x7f }) {
                    out.append(contentsOf: key)
                    for (index, writer) in holding.enumerated() {
                        out.append(index == 0 ? 0x09 : UInt8(ascii: ","))
                        table.append(writer, to: &out)
                    }
                    out.append(0x0a)
                    return
                }
                let source = String(decoding: key, as: UTF8.self)
                let writers = holding.count == 1 ? alone[holding[0]] : holding.map { names[$0] }
                CuratorSourcesRenderer.appendRow(source: source, writers: writers, format: rows, to: &out)
            }
        }

        /// The writer names as text rows escape them, in one buffer that the rendering
        /// threads read without reference counting (a shared array's count would bounce
        /// between the cores on every row). Free it with `deallocate` once rendering is done.
        /// `@unchecked Sendable`: the buffers are written once, in `init`, before any thread
        /// is handed the table, and only read after; `deallocate` runs once every thread
        /// rendering with it has finished (`renderSources` returns after its threads).
        struct NameTable: @unchecked Sendable {
            private let bytes: UnsafeMutableBufferPointer<UInt8>
            private let starts: UnsafeMutableBufferPointer<Int>

            init(_ names: [String]) {
                var all: [UInt8] = []
                var starts = [0]
                for name in names {
                    var row: [UInt8] = []
                    CuratorSourcesRenderer.appendRow(source: "", writers: [name], format: .text, to: &row)
                    all += row.dropFirst().dropLast()  // "\t" NAME "\n"
                    starts.append(all.count)
                }
                bytes = .allocate(capacity: max(all.count, 1))
                _ = bytes.initialize(from: all)
                self.starts = .allocate(capacity: starts.count)
                _ = self.starts.initialize(from: starts)
            }

            @inline(__always)
            func append(_ writer: Int, to out: inout [UInt8]) {
                precondition(writer >= 0 && writer + 1 < starts.count, "writer \(writer) is not in the name table")
                out.append(contentsOf: UnsafeMutableBufferPointer(rebasing: bytes[starts[writer]..<starts[writer + 1]]))
            }

            func deallocate() {
                bytes.deallocate()
                starts.deallocate()
            }
        }
    }
}

import ArgumentParser
import LineageKit

extension Lineage {
    struct Export: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            abstract: "Write the DAG (or the part around one task, or its stages) as DOT, Mermaid or node-link JSON on stdout.",
            discussion: """
                dot: render with `dot -Tsvg dag.dot > dag.svg`. mermaid: a flowchart TD that GitHub \
                and GitLab draw in Markdown; refused (exit 1) over 500 edges or 50,000 characters, \
                Mermaid's limits. json: the node-link form NetworkX (node_link_graph(data, \
                edges="links")) and D3 read. Refuses (exit 1) when the export would exceed \
                --max-nodes tasks; --by-stage draws any checkpoint. On a NeMo Curator checkpoint \
                (detected from the path, or --kind curator) the one format is json: the writer \
                files, every completed source with the writers holding it, and the Slurm shards \
                (Docs/curator-export.schema.json).
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(help: "Output format (default dot; json on a Curator checkpoint).")
        var format: GraphFormat?

        @Option(help: "Read the checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @OptionGroup var selection: ExportSelection

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws { try selection.checkUsage() }

        func run() throws {
            if let curator = try CheckpointKind.curatorLocation(try options.location, kind: kind) {
                try exportCurator(curator)
                return
            }
            try Lineage.export(options, selection, format: format ?? .dot, progress: progress, command: "lineage export")
        }

        /// The Curator checkpoint as one JSON document, streamed a source at a time.
        private func exportCurator(_ location: CuratorLocation) throws {
            if let format, format != .json {
                throw UsageError("a Curator checkpoint has no task graph to draw as \(format.rawValue); use --format json.")
            }
            if selection.around != nil || selection.byStage {
                throw UsageError("--around and --by-stage draw a task graph; a Curator checkpoint has none.")
            }
            defer { Console.flush() }
            let checkpoint = CuratorCheckpoint.read(location, wait: try options.location.wait, progress: progress.handler("lineage export"))
            Console.withBuffer { CuratorExportRenderer.appendHeader(checkpoint, to: &$0) }
            let names = checkpoint.writers.map(\.name)
            let alone = names.map { [$0] }
            var first = true
            checkpoint.forEachSource { source, holding in
                let writers = holding.count == 1 ? alone[holding[0]] : holding.map { names[$0] }
                Console.withBuffer { CuratorExportRenderer.appendSource(source, writers: writers, first: first, to: &$0) }
                first = false
            }
            Console.withBuffer { CuratorExportRenderer.appendFooter(checkpoint, to: &$0) }
            CuratorCommand.reportSkipped(checkpoint)
            try CuratorCommand.finish(checkpoint)
        }
    }
}

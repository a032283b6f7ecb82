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
                --max-nodes tasks; --by-stage draws any checkpoint.
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(help: "Output format.")
        var format: GraphFormat = .dot

        @OptionGroup var selection: ExportSelection

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws { try selection.checkUsage() }

        func run() throws { try Lineage.export(options, selection, format: format, progress: progress, command: "lineage export") }
    }
}

import ArgumentParser
import LineageKit

extension Lineage {
    /// `lineage export --format dot` under its older name.
    struct ExportDot: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "export-dot",
            abstract: "Write the DAG (or the part around one task) as Graphviz DOT on stdout.",
            discussion: """
                Render it with `lineage export-dot CKPT > dag.dot && dot -Tsvg dag.dot > dag.svg`. \
                Refuses (exit 1) when the export would exceed --max-nodes tasks: --by-stage draws \
                any size. The same as `lineage export --format dot`.
                """)

        @OptionGroup var options: CheckpointOperand

        @OptionGroup var selection: ExportSelection

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws { try selection.checkUsage() }

        func run() throws { try Lineage.export(options, selection, format: .dot, progress: progress, command: "lineage export-dot") }
    }
}

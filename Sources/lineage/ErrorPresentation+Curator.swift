import LineageKit

extension ErrorPresentation {
    /// The warning for a writer file the pipeline skips on a restart (unreadable or damaged):
    /// what is wrong with it and that the sources it completed run again.
    static func skippedWriter(_ writer: CuratorWriter) -> String {
        "\(writer.path): writer file \(writer.state.label); the pipeline skips it with only a log warning, "
            + "so the sources it completed run again (restore a good copy to keep them)."
    }
}

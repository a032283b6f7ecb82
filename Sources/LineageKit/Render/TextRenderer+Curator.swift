extension TextRenderer {
    /// `lineage verify` on a NeMo Curator checkpoint: what was read, one line per check
    /// with up to a few examples, then the verdict.
    public static func curatorAudit(_ report: CuratorAuditReport) -> String {
        let writers = "\(report.writers) writer file\(report.writers == 1 ? "" : "s")"
        var lines = [
            "\(Escaping.text(report.checkpoint)): Curator checkpoint (\(report.reason.summary)), \(writers), \(report.sources) sources completed"
        ]
        lines += report.checks.flatMap(checkLines)
        lines.append("verdict: " + curatorVerdict(report))
        return lines.joined(separator: "\n")
    }

    /// The verdict after `verdict: `: OK, DAMAGED (a writer file's structure is broken),
    /// UNREADABLE (a writer file cannot be read at all) or FAILED.
    static func curatorVerdict(_ report: CuratorAuditReport) -> String {
        let failed = report.checks.filter { $0.status == .failed }.count
        let notRun = report.checks.filter { $0.status == .notRun }.count
        let counts = "\(failed) failed\(notRun > 0 ? ", \(notRun) not run" : "")"
        let skipped = report.damagedWriters.count + report.unreadableWriters.count
        var files: [String] = []
        if !report.damagedWriters.isEmpty { files.append("damaged: \(list(report.damagedWriters))") }
        if !report.unreadableWriters.isEmpty { files.append("unreadable: \(list(report.unreadableWriters))") }
        let consequence = "the pipeline skips \(skipped == 1 ? "it" : "them"), so \(skipped == 1 ? "its" : "their") sources run again"
        if report.ok {
            return "OK, all \(report.checks.count) checks passed"
        } else if !report.busyWriters.isEmpty && !report.writersFailed {
            return "BUSY, writer file\(report.busyWriters.count == 1 ? "" : "s") \(list(report.busyWriters)) being written: "
                + "no consistent read in time, nothing read from \(report.busyWriters.count == 1 ? "it" : "them") is reported (\(counts))"
        } else if !report.damagedWriters.isEmpty {
            return "DAMAGED, writer file \(files.joined(separator: "; ")); \(consequence) (\(counts))"
        } else if !report.unreadableWriters.isEmpty {
            return "UNREADABLE, writer file \(files.joined(separator: "; ")); \(consequence) (\(counts))"
        }
        return "FAILED, \(failed) of \(report.checks.count) checks failed\(notRun > 0 ? ", \(notRun) not run" : "")"
    }

    private static func list(_ files: [String]) -> String { files.map { Escaping.text($0) }.joined(separator: ", ") }
}

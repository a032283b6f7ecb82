/// Plain-text views meant for people. Pure functions of the models.
public enum TextRenderer {
    /// `lineage show`: the task, then its parents and children with their state.
    public static func record(_ record: TaskRecord, lineagePath: String? = nil) -> String {
        var lines: [String] = []
        lines.append("udid       \(Escaping.text(record.udid))")
        if let lineagePath { lines.append("path       \(lineagePath)") }
        lines.append("type       \(record.typeName.map { Escaping.text($0) } ?? "(no task_type entry)")")
        lines.append("completed  \(record.completed ? "yes" : "no")")
        for (title, tasks) in [("parents", record.parents), ("children", record.children)] {
            lines.append("\(title)\(String(repeating: " ", count: 11 - title.count))\(tasks.count)")
            for task in tasks {
                let type = task.typeName.map { Escaping.text($0) } ?? "(no task_type entry)"
                lines.append("  \(Escaping.text(task.udid))  \(type.padding(12))  \(task.completed ? "completed" : "pending")")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `lineage types --summary`: a table of counts per type and completion.
    public static func typeSummary(_ summary: TypeSummary) -> String {
        var lines = ["type         completed  pending    total"]
        for name in summary.typeNames {
            let (done, pending) = summary.counts[name] ?? (0, 0)
            lines.append(
                "\(Escaping.text(name).padding(11))  \(String(done).leftPadding(9))  \(String(pending).leftPadding(7))  \(String(done + pending).leftPadding(7))"
            )
        }
        let pending = summary.total - summary.completed
        lines.append(
            "\("total".padding(11))  \(String(summary.completed).leftPadding(9))  \(String(pending).leftPadding(7))  \(String(summary.total).leftPadding(7))"
        )
        return lines.joined(separator: "\n")
    }

    /// `lineage verify` on a DAG file: what was read, one line per check with up to a few
    /// examples, then the verdict.
    public static func audit(_ report: AuditReport) -> String {
        let failed = report.checks.filter { $0.status == .failed }.count
        let skipped = report.checks.filter { $0.status == .notRun }.count
        let verdict: String
        if report.ok {
            verdict = "OK, all \(report.checks.count) checks passed"
        } else if report.structureFailed {
            verdict = "DAMAGED, the file's structure is broken (\(failed) failed, \(skipped) not run)"
        } else if report[.schema]?.status == .failed {
            verdict = "UNREADABLE, an LMDB file but not a lineage checkpoint: the schema check failed (\(failed) failed, \(skipped) not run)"
        } else {
            verdict = "FAILED, \(failed) of \(report.checks.count) checks failed\(skipped > 0 ? ", \(skipped) not run" : "")"
        }
        return verifyReport(
            header: "\(Escaping.text(report.checkpoint)): \(report.tasks) tasks, \(report.edges) edges, \(report.completed) completed",
            checks: report.checks, verdict: verdict)
    }

    /// `lineage verify` on a NeMo Curator checkpoint: the same, with the writer files read.
    public static func audit(_ report: CuratorAuditReport) -> String {
        let writers = "\(report.writers) writer file\(report.writers == 1 ? "" : "s")"
        return verifyReport(
            header: "\(Escaping.text(report.checkpoint)): Curator checkpoint (\(report.reason.summary)), \(writers), \(report.sources) sources completed",
            checks: report.checks, verdict: curatorVerdict(report))
    }

    /// One verify report of either format: the header, the checks, the verdict.
    static func verifyReport(header: String, checks: [CheckResult], verdict: String) -> String {
        ([header] + checks.flatMap(checkLines) + ["verdict: " + verdict]).joined(separator: "\n")
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

extension TextRenderer {
    /// One check of a verify report: its status, id and summary or count, up to a few
    /// examples, then its notes; the same layout for both checkpoint kinds.
    static func checkLines(_ check: CheckResult) -> [String] {
        let (status, id, summary, violations) = (check.status, check.id.rawValue, check.id.summary, check.violations)
        let examples = check.examples.map(FindingPhrasing.line)
        let note = FindingPhrasing.describe(check.notes)
        let word: String
        let detail: String
        switch status {
        case .passed:
            word = "pass"
            detail = summary
        case .failed:
            word = "FAIL"
            detail = "\(violations) violation\(violations == 1 ? "" : "s")"
        case .notRun:
            word = "skip"
            detail = "not run: \(note ?? "")"
        }
        var lines = ["  \(word)  \(id.padding(17))  \(detail)"]
        for example in examples { lines.append("          - \(example)") }
        // With --max-examples 0 the count on the check's line says it all.
        if status == .failed, !examples.isEmpty, violations > examples.count {
            lines.append("          ... and \(violations - examples.count) more")
        }
        if status != .notRun, let note { lines.append("          note: \(note)") }
        return lines
    }
}

/// `lineage verify` on a path that could not be read at all (missing, not LMDB): no
/// counts, since nothing was read.
extension TextRenderer {
    public static func unreadable(path: String, message: String) -> String {
        "\(Escaping.text(path)): not audited\nverdict: UNREADABLE, \(message)"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

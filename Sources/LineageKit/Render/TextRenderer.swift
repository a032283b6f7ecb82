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

    /// `types --summary` when only the records' totals could be read consistently: the
    /// total row, and a line saying the rows per type need a whole-file read.
    public static func typeSummaryTotals(total: Int, completed: Int, transaction: UInt64) -> String {
        [
            "type         completed  pending    total",
            "\("total".padding(11))  \(String(completed).leftPadding(9))  \(String(total - completed).leftPadding(7))  \(String(total).leftPadding(7))",
            "unavailable: the rows per type need a whole-file read, and the pipeline committed during each one;",
            "the total is the sub-databases' own count at transaction \(transaction).",
        ].joined(separator: "\n")
    }

    /// `lineage verify` on one checkpoint of either format: what was read, one line per
    /// check with up to a few examples, then the verdict.
    public static func audit(_ report: VerifyReport) -> String {
        ([header(report)] + report.checks.flatMap(checkLines) + ["verdict: " + verdictLine(report)]).joined(separator: "\n")
    }

    /// The first line: the path and what was read of it.
    static func header(_ report: VerifyReport) -> String {
        let path = Escaping.text(report.checkpoint)
        switch report.subject {
        case .dag(let counts):
            switch report.verdict {
            case .damaged: return "\(path): nothing counted, the structure is damaged"
            case .unreadable: return "\(path): nothing counted, not a lineage checkpoint"
            default: return "\(path): \(counts.tasks) tasks, \(counts.edges) edges, \(counts.completed) completed"
            }
        case .curator(let counts):
            let writers = "\(counts.writers) writer file\(counts.writers == 1 ? "" : "s")"
            return "\(path): Curator checkpoint (\(counts.location.reason.summary)), \(writers), \(counts.sources) sources completed"
        }
    }

    /// The words after `verdict: `: the verdict, why, and the checks failed and not run.
    static func verdictLine(_ report: VerifyReport) -> String {
        let failed = report.checks.filter { $0.status == .failed }.count
        let notRun = report.checks.filter { $0.status == .notRun }.count
        let counts = "\(failed) failed\(notRun > 0 ? ", \(notRun) not run" : "")"
        let verdict = report.verdict
        switch (verdict, report.subject) {
        case (.ok, _):
            return "OK, all \(report.checks.count) checks passed"
        case (.damaged, .dag):
            return "DAMAGED, the file's structure is broken (\(failed) failed, \(notRun) not run)"
        case (.unreadable, .dag):
            return "UNREADABLE, an LMDB file but not a lineage checkpoint: the schema check failed (\(failed) failed, \(notRun) not run)"
        case (.busy, .curator(let writers)):
            let busy = writers.busyWriters
            return "BUSY, writer file\(busy.count == 1 ? "" : "s") \(list(busy)) being written: "
                + "no consistent read in time, nothing read from \(busy.count == 1 ? "it" : "them") is reported (\(counts))"
        case (.damaged, .curator(let writers)), (.unreadable, .curator(let writers)):
            var files: [String] = []
            if !writers.damagedWriters.isEmpty { files.append("damaged: \(list(writers.damagedWriters))") }
            if !writers.unreadableWriters.isEmpty { files.append("unreadable: \(list(writers.unreadableWriters))") }
            return "\(verdict.rawValue), writer file \(files.joined(separator: "; ")); \(pipelineUse(writers)) (\(counts))"
        default:
            return "FAILED, \(failed) of \(report.checks.count) checks failed\(notRun > 0 ? ", \(notRun) not run" : "")"
        }
    }

    private static func list(_ files: [String]) -> String { files.map { Escaping.text($0) }.joined(separator: ", ") }

    /// What the pipeline does with the damaged and unreadable writer files, in one clause:
    /// which it still reads, which it skips or reads nothing from, which its start fails on.
    static func pipelineUse(_ writers: VerifyReport.CuratorCounts) -> String {
        var reads: [String] = []
        var lost: [String] = []
        var failing: [String] = []
        var mayFail: [String] = []
        for name in writers.damagedWriters + writers.unreadableWriters {
            switch writers.pipeline[name] {
            case .read?: reads.append(name)
            case .failsResume?: failing.append(name)
            case .undecided?: mayFail.append(name)
            case .skipped?, .noDatabase?, nil: lost.append(name)
            }
        }
        // One kind: "it" or "them"; several: the files by name.
        let single = [reads, lost, failing, mayFail].filter { !$0.isEmpty }.count == 1
        func named(_ files: [String]) -> String { single ? (files.count == 1 ? "it" : "them") : list(files) }
        var parts: [String] = []
        if !reads.isEmpty { parts.append("still reads \(named(reads))") }
        if !lost.isEmpty { parts.append("skips \(named(lost)), so \(lost.count == 1 ? "its" : "their") sources run again") }
        if !failing.isEmpty { parts.append("fails to start on \(named(failing))") }
        if !mayFail.isEmpty { parts.append("may fail to start on \(named(mayFail))") }
        return "the pipeline " + parts.joined(separator: "; it ")
    }
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

/// `lineage status` as text and JSON: pure functions of a `StatusReport`.
public enum StatusRenderer {
    /// The aligned text report: counts, progress, types, stages, the resume plan.
    /// `examples` udids are shown under each plan row.
    public static func text(_ report: StatusReport, examples: Int = 3) -> String {
        var lines = [headline(report), "", "checkpoint         \(Escaping.text(report.checkpoint))"]
        lines.append("tasks              \(report.tasks.total) (\(report.tasks.completed) completed, \(report.tasks.pending) pending)")
        lines.append("leaves completed   \(report.leaves.completed) of \(report.leaves.total) (\(percent(report.leaves)))")
        lines.append("sources completed  \(report.sources.completed) of \(report.sources.total)")
        lines.append("")
        lines += countsTable(header: "type", rows: report.byType.map { ($0.type.rawValue, $0.counts) })
        lines.append("")
        lines += countsTable(header: "stage", rows: report.stages.map { (String($0.stage), $0.counts) })
        if report.unstaged > 0 {
            lines.append("warning: \(report.unstaged) tasks lie on or below a cycle and have no stage")
            lines.append("         (the graph is not acyclic).")
        }
        lines.append("")
        lines.append("resume plan")
        let plan = report.plan
        let rows: [(String, ResumePlan.Group, String)] = [
            ("skip", plan.skip, "completed: their work is kept"),
            ("rerun", plan.rerun, "pending: processed again"),
            ("frontier", plan.frontier, "completed with a pending parent: re-emitted by the rerun, then dropped"),
            ("pending sources", plan.pendingSources, "pending without parents: the roots the rerun starts from"),
        ]
        let width = rows.map { String($0.1.count).count }.max() ?? 1
        for (name, group, meaning) in rows {
            lines.append("  \(name.padding(16)) \(String(group.count).leftPadding(width))  \(meaning)")
            // One udid a line, so every line stays within 100 columns.
            let shown = group.examples.prefix(examples).map(\.string)
            for (index, udid) in shown.enumerated() {
                let more = index == shown.count - 1 && group.count > shown.count ? "  (+\(group.count - shown.count) more)" : ""
                lines.append("  \("".padding(16)) \("".padding(width))  \(index == 0 ? "e.g." : "    ") \(udid)\(more)")
            }
        }
        if report.tasks.pending > 0 {
            lines.append("Tasks the interrupted run never reached are not in the file, so the real rerun can be larger.")
        }
        // The resume plan's words stay within 100 columns; only a long path can pass them.
        if report.completedWithPendingChild > 0 {
            lines.append("warning: \(report.completedWithPendingChild) completed tasks have a pending child: completion is not closed")
            lines.append("         downwards, so a resume may drop work it needs.")
        }
        return lines.joined(separator: "\n")
    }

    /// The first line, the answer: `complete: ...` or `incomplete: N tasks will run again`.
    public static func headline(_ report: StatusReport) -> String {
        let tasks = report.tasks
        if tasks.total == 0 { return "empty: no task recorded yet, a resume starts from the beginning" }
        if tasks.pending == 0 { return "complete: a resume has nothing to do (\(grouped(tasks.total)) tasks completed)" }
        return
            "incomplete: \(grouped(tasks.pending)) of \(grouped(tasks.total)) tasks will run again (\(grouped(tasks.completed)) completed are kept)"
    }

    /// `n` with thousands separators: 1,234,567.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// One JSON object on one line (schema_version 1, `status.schema.json`).
    public static func json(_ report: StatusReport) -> String {
        let plan = report.plan
        func examples(_ group: ResumePlan.Group) -> String { "[\(group.examples.map { "\"\($0.string)\"" }.joined(separator: ", "))]" }
        let fields = [
            "\"schema_version\": 1",
            "\"kind\": \"dag\"",
            "\"checkpoint\": \(Escaping.jsonString(report.checkpoint))",
            "\"tasks\": \(report.tasks.total)",
            "\"completed\": \(report.tasks.completed)",
            "\"pending\": \(report.tasks.pending)",
            "\"percent_leaves_completed\": \(percentNumber(report.leaves))",
            "\"by_type\": \(byTypeJSON(report.byType))",
            "\"stages\": \(stagesJSON(report.stages))",
            "\"unstaged\": \(report.unstaged)",
            "\"sources\": \(countsJSON(report.sources))",
            "\"leaves\": \(countsJSON(report.leaves))",
            "\"resume\": {\"skip\": \(plan.skip.count), \"rerun\": \(plan.rerun.count), \"frontier\": \(plan.frontier.count), "
                + "\"pending_sources\": \(plan.pendingSources.count), \"examples\": {\"skip\": \(examples(plan.skip)), "
                + "\"rerun\": \(examples(plan.rerun)), \"frontier\": \(examples(plan.frontier)), "
                + "\"pending_sources\": \(examples(plan.pendingSources))}}",
            "\"completed_with_pending_child\": \(report.completedWithPendingChild)",
        ]
        return "{\(fields.joined(separator: ", "))}"
    }

    // MARK: Shared with `StatsRenderer`

    /// `title  tasks  completed  pending` rows, right-aligned numbers.
    static func countsTable(header: String, rows: [(String, CompletionCounts)]) -> [String] {
        let first = max(header.count, rows.map(\.0.count).max() ?? 0, 11)
        var lines = ["\(header.padding(first))  \("tasks".leftPadding(9))  completed    pending"]
        for (name, counts) in rows {
            lines.append(
                "\(Escaping.text(name).padding(first))  \(String(counts.total).leftPadding(9))  \(String(counts.completed).leftPadding(9))  \(String(counts.pending).leftPadding(9))"
            )
        }
        return lines
    }

    /// The share completed, rounded down to a tenth of a percent, so 100.0 means all; 100.0 of none.
    static func percentNumber(_ counts: CompletionCounts) -> String {
        guard counts.total > 0 else { return "100.0" }
        let tenths = counts.completed * 1000 / counts.total
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func percent(_ counts: CompletionCounts) -> String { "\(percentNumber(counts))%" }

    static func countsJSON(_ counts: CompletionCounts) -> String {
        "{\"total\": \(counts.total), \"completed\": \(counts.completed), \"pending\": \(counts.pending)}"
    }

    static func byTypeJSON(_ types: [TypeCounts]) -> String {
        "{\(types.map { "\"\($0.type.rawValue)\": \(countsJSON($0.counts))" }.joined(separator: ", "))}"
    }

    static func stagesJSON(_ stages: [StageCounts]) -> String {
        let rows = stages.map {
            "{\"stage\": \($0.stage), \"tasks\": \($0.counts.total), \"completed\": \($0.counts.completed), \"pending\": \($0.counts.pending)}"
        }
        return "[\(rows.joined(separator: ", "))]"
    }
}

// MARK: Totals only: a checkpoint written too fast for a whole-file read

extension StatusRenderer {
    /// `status` when only the records' totals could be read consistently: the headline
    /// from the totals, the counts, and a line naming what is missing and why.
    public static func text(_ totals: DAGTotals, busy: CheckpointBusy) -> String {
        let tasks = totals.tasks
        let headline: String
        if tasks.total == 0 {
            headline = "empty: no task recorded yet, a resume starts from the beginning"
        } else if tasks.pending == 0 {
            headline = "complete: a resume has nothing to do (\(grouped(tasks.total)) tasks completed)"
        } else {
            headline =
                "incomplete: \(grouped(tasks.pending)) of \(grouped(tasks.total)) tasks will run again (\(grouped(tasks.completed)) completed are kept)"
        }
        return [
            headline, "", "checkpoint         \(Escaping.text(totals.checkpoint))",
            "tasks              \(tasks.total) (\(tasks.completed) completed, \(tasks.pending) pending)",
            "edges              \(totals.edges)", "",
            "unavailable: types, stages, leaves, sources and the resume plan need a whole-file read, and the",
            busy.attempts > 0
                ? "pipeline committed during each one (\(busy.attempts) tried, transaction \(busy.firstTxnid) -> \(busy.lastTxnid) in the last);"
                : "pipeline committed during each one (the last faulted in liblmdb, the pages changing under it);",
            "the totals above are the sub-databases' own counts at transaction \(totals.txnid).",
        ].joined(separator: "\n")
    }

    /// The same as one JSON object (`status.schema.json`): the counts, `edges`, the fields
    /// a whole-file read gives as `null`, and their names under `unavailable`.
    public static func json(_ totals: DAGTotals) -> String {
        let missing = DAGTotals.unavailableStatusFields
        let fields =
            [
                "\"schema_version\": 1", "\"kind\": \"dag\"", "\"checkpoint\": \(Escaping.jsonString(totals.checkpoint))",
                "\"tasks\": \(totals.tasks.total)", "\"completed\": \(totals.tasks.completed)", "\"pending\": \(totals.tasks.pending)",
            ] + missing.map { "\"\($0)\": null" } + [
                "\"edges\": \(totals.edges)", "\"transaction\": \(totals.txnid)",
                "\"unavailable\": [\(missing.map { "\"\($0)\"" }.joined(separator: ", "))]",
            ]
        return "{\(fields.joined(separator: ", "))}"
    }
}

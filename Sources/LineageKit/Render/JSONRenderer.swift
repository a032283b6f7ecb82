/// Machine-readable JSON views. Pure functions; every string goes through `Escaping`,
/// so the output stays valid JSON whatever bytes a damaged checkpoint holds.
public enum JSONRenderer {
    /// The version of the `verify --format json` document (see Docs/verify-report.schema.json).
    public static let auditSchemaVersion = 4

    /// `lineage show --format json`, one line: `{"schema_version", "kind", "udid",
    /// "task_type", "completed", "parents", "children"}`, each parent and child as
    /// `{"udid", "task_type", "completed"}`.
    public static func record(_ record: TaskRecord, lineagePath: String? = nil) -> String {
        var out: [UInt8] = []
        appendRecord(record, lineagePath: lineagePath, format: .jsonLines(kind: "dag"), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `record(_:lineagePath:)` appended to a byte buffer (no newline): `show -` writes a
    /// hundred thousand of these a second straight into the output buffer.
    /// `format` says how the object opens (`Rows.openRecord`); no newline is appended.
    public static func appendRecord(_ record: TaskRecord, lineagePath: String? = nil, format: Rows.Format, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + 200 + 110 * (record.parents.count + record.children.count))
        Rows.openRecord(format, to: &out)
        out.append(contentsOf: #""udid": "#.utf8)
        appendQuoted(record.udid, to: &out)
        out.append(contentsOf: #", "task_type": "#.utf8)
        appendQuoted(record.typeName, to: &out)
        out.append(contentsOf: record.completed ? #", "completed": true, "parents": ["#.utf8 : #", "completed": false, "parents": ["#.utf8)
        appendSummaries(record.parents, to: &out)
        out.append(contentsOf: #"], "children": ["#.utf8)
        appendSummaries(record.children, to: &out)
        out.append(0x5d)
        if let lineagePath {
            out.append(contentsOf: #", "lineage_path": "#.utf8)
            appendQuoted(lineagePath, to: &out)
        }
        out.append(0x7d)
    }

    /// The answer of `lineage show` for a query that names no task, or several:
    /// `{"query", "error", "message", "candidates"}` (`candidates` only when ambiguous),
    /// opened as `format` says (`Rows.openRecord`), no newline. `error` is the stable code
    /// (`not_found`, `ambiguous`, `not_a_udid`), `message` the sentence: its first line
    /// only, as the candidates an ambiguous sentence lists below it are a field of their own.
    public static func lookupFailure(query: String, error: String, message: String, candidates: [String]? = nil, format: Rows.Format) -> String {
        var open: [UInt8] = []
        Rows.openRecord(format, to: &open)
        var fields = [
            "\"query\": \(Escaping.jsonString(query))",
            "\"error\": \(Escaping.jsonString(error))",
            "\"message\": \(Escaping.jsonString(message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? message))",
        ]
        if let candidates { fields.append("\"candidates\": \(list(candidates))") }
        return String(decoding: open, as: UTF8.self) + fields.joined(separator: ", ") + "}"
    }

    /// `lineage types --summary --format json`: counts per type, with totals.
    /// `{"schema_version", "kind", "checkpoint", "total", "completed", "pending", "by_type":
    /// {TYPE: {"total", "completed", "pending"}}}`, the shape `status` and `stats` use.
    public static func typeSummary(_ summary: TypeSummary, checkpoint: String) -> String {
        let types = summary.typeNames.map { name in
            let (done, pending) = summary.counts[name] ?? (0, 0)
            return "\(Escaping.jsonString(name)): {\"total\": \(done + pending), \"completed\": \(done), \"pending\": \(pending)}"
        }
        return "{\"schema_version\": \(Rows.schemaVersion), \"kind\": \"dag\", \"checkpoint\": \(Escaping.jsonString(checkpoint)), "
            + "\"total\": \(summary.total), \"completed\": \(summary.completed), \"pending\": \(summary.total - summary.completed), "
            + "\"by_type\": {\(types.joined(separator: ", "))}}"
    }

    /// `types --summary` from the records' totals: `by_type` is `null` and named under `unavailable`.
    public static func typeSummaryTotals(total: Int, completed: Int, checkpoint: String) -> String {
        "{\"schema_version\": \(Rows.schemaVersion), \"kind\": \"dag\", \"checkpoint\": \(Escaping.jsonString(checkpoint)), "
            + "\"total\": \(total), \"completed\": \(completed), \"pending\": \(total - completed), \"by_type\": null, \"unavailable\": [\"by_type\"]}"
    }

    /// `lineage verify --format json` for one checkpoint of either format: one line, so
    /// that the reports on several checkpoints are JSON Lines (see
    /// Docs/verify-report.schema.json). The same fields in the same order for both
    /// formats; the format's counts where the formats differ.
    public static func audit(_ report: VerifyReport, exitCode: Int32) -> String {
        func list(_ names: [String]) -> String { "[" + names.map(Escaping.jsonString).joined(separator: ", ") + "]" }
        let kind: String
        let counts: [String]
        let example: (Finding) -> String
        switch report.subject {
        case .dag(let dag):
            kind = "dag"
            // Nothing is counted in a file whose structure or schema failed: null, not 0.
            let counted = report.verdict != .damaged && report.verdict != .unreadable
            func count(_ n: Int) -> String { counted ? String(n) : "null" }
            counts = ["\"tasks\": \(count(dag.tasks))", "\"edges\": \(count(dag.edges))", "\"completed\": \(count(dag.completed))"]
            example = dagExample
        case .curator(let curator):
            kind = "curator"
            counts = [
                "\"writers\": \(curator.writers)", "\"sources\": \(curator.sources)", "\"damaged_writers\": \(list(curator.damagedWriters))",
                "\"unreadable_writers\": \(list(curator.unreadableWriters))", "\"busy_writers\": \(list(curator.busyWriters))",
            ]
            example = curatorExample
        }
        let fields =
            [
                "\"schema_version\": \(auditSchemaVersion)", "\"kind\": \"\(kind)\"", "\"checkpoint\": \(Escaping.jsonString(report.checkpoint))",
                "\"ok\": \(report.ok)", "\"verdict\": \"\(report.verdict.rawValue)\"", "\"exit_code\": \(exitCode)",
            ] + counts + ["\"checks\": [\(report.checks.map { check($0, example: example) }.joined(separator: ", "))]"]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// One check of a verify report: `{id, status, passed, violations, examples, note}`,
    /// each example laid out by `example`.
    static func check(_ check: CheckResult, example: (Finding) -> String) -> String {
        let fields = [
            "\"id\": \(Escaping.jsonString(check.id.rawValue))",
            "\"status\": \(Escaping.jsonString(check.status.rawValue))",
            "\"passed\": \(check.passed)",
            "\"violations\": \(check.violations)",
            "\"examples\": [\(check.examples.map(example).joined(separator: ", "))]",
            "\"note\": \(FindingPhrasing.describe(check.notes).map(Escaping.jsonString) ?? "null")",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// An example in a DAG file's report: `{message, page, database, code}`.
    static func dagExample(_ example: Finding) -> String {
        "{\"message\": \(Escaping.jsonString(FindingPhrasing.describe(example.problem))), \"page\": \(example.page.map(String.init) ?? "null"), "
            + "\"database\": \(example.database.map(Escaping.jsonString) ?? "null"), \"code\": \(Escaping.jsonString(example.problem.code))}"
    }

    /// An example in a Curator checkpoint's report, which has several files:
    /// `{message, code, file, database, page}`.
    static func curatorExample(_ example: Finding) -> String {
        "{\"message\": \(Escaping.jsonString(FindingPhrasing.describe(example.problem))), \"code\": \(Escaping.jsonString(example.problem.code)), "
            + "\"file\": \(example.file.map(Escaping.jsonString) ?? "null"), \"database\": \(example.database.map(Escaping.jsonString) ?? "null"), "
            + "\"page\": \(example.page.map(String.init) ?? "null")}"
    }

    /// The JSON report (one line) for a checkpoint that could not be read at all; `kind`
    /// is what it was read as, `unknown` when nothing said.
    public static func unreadable(path: String, kind: String, message: String, exitCode: Int32) -> String {
        """
        {"schema_version": \(auditSchemaVersion), "kind": "\(kind)", "checkpoint": \(Escaping.jsonString(path)), "ok": false, "verdict": "UNREADABLE", \
        "exit_code": \(exitCode), "error": \(Escaping.jsonString(message)), "checks": []}
        """
    }

    private static func appendSummaries(_ tasks: [TaskSummary], to out: inout [UInt8]) {
        for (index, task) in tasks.enumerated() {
            out.append(contentsOf: index == 0 ? #"{"udid": "#.utf8 : #", {"udid": "#.utf8)
            appendQuoted(task.udid, to: &out)
            out.append(contentsOf: #", "task_type": "#.utf8)
            appendQuoted(task.typeName, to: &out)
            out.append(contentsOf: task.completed ? #", "completed": true}"#.utf8 : #", "completed": false}"#.utf8)
        }
    }

    /// `Escaping.jsonString(text)` (or `null`), with a fast path for the printable ASCII
    /// without quotes or backslashes that udids and type names are.
    @inline(__always)
    private static func appendQuoted(_ text: String?, to out: inout [UInt8]) {
        guard let text else { return out.append(contentsOf: "null".utf8) }
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7f && $0 != 0x22 && $0 != 0x5c }) {
            out.append(0x22)
            out.append(contentsOf: text.utf8)
            out.append(0x22)
        } else {
            out.append(contentsOf: Escaping.jsonString(text).utf8)
        }
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(Escaping.jsonString).joined(separator: ", ") + "]"
    }
}

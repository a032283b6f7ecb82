/// Machine-readable JSON views. Pure functions; every string goes through `Escaping`,
/// so the output stays valid JSON whatever bytes a damaged checkpoint holds.
public enum JSONRenderer {
    /// The version of the `verify --format json` document (see Docs/verify-report.schema.json).
    public static let auditSchemaVersion = 1

    /// `lineage show --format json`, one line: `{"udid", "task_type", "completed",
    /// "parents", "children"}`, each parent and child as `{"udid", "task_type", "completed"}`.
    public static func record(_ record: TaskRecord, lineagePath: String? = nil) -> String {
        var fields = [
            "\"udid\": \(Escaping.jsonString(record.udid))",
            "\"task_type\": \(record.typeName.map(Escaping.jsonString) ?? "null")",
            "\"completed\": \(record.completed)",
            "\"parents\": \(summaries(record.parents))",
            "\"children\": \(summaries(record.children))",
        ]
        if let lineagePath { fields.append("\"lineage_path\": \(Escaping.jsonString(lineagePath))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// One line of `lineage show -` for a query that names no task, or several:
    /// `{"query", "error", "message", "candidates"}` (`candidates` only when ambiguous).
    /// `error` is the stable code (`not_found`, `ambiguous`, `not_a_udid`), `message`
    /// the sentence.
    public static func lookupFailure(query: String, error: String, message: String, candidates: [UDID]? = nil) -> String {
        var fields = [
            "\"query\": \(Escaping.jsonString(query))",
            "\"error\": \(Escaping.jsonString(error))",
            "\"message\": \(Escaping.jsonString(message))",
        ]
        if let candidates { fields.append("\"candidates\": \(list(candidates.map(\.string)))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// `lineage types --summary --format json`: counts per type, with totals.
    public static func typeSummary(_ summary: TypeSummary) -> String {
        let types = summary.typeNames.map { name in
            let (done, pending) = summary.counts[name] ?? (0, 0)
            return "\(Escaping.jsonString(name)): {\"completed\": \(done), \"pending\": \(pending), \"total\": \(done + pending)}"
        }
        return
            "{\"total\": \(summary.total), \"completed\": \(summary.completed), \"pending\": \(summary.total - summary.completed), \"types\": {\(types.joined(separator: ", "))}}"
    }

    /// `lineage verify --format json` for one checkpoint: one line, so that the reports
    /// on several checkpoints are JSON Lines.
    public static func audit(_ report: AuditReport) -> String {
        let checks = report.checks.map { check in
            let examples = check.examples.map { example in
                var fields = ["\"message\": \(Escaping.jsonString(FindingPhrasing.describe(example.problem)))"]
                fields.append("\"page\": \(example.page.map(String.init) ?? "null")")
                fields.append("\"database\": \(example.database.map(Escaping.jsonString) ?? "null")")
                fields.append("\"code\": \(Escaping.jsonString(example.problem.code))")
                return "{" + fields.joined(separator: ", ") + "}"
            }
            var fields = [
                "\"id\": \(Escaping.jsonString(check.id.rawValue))",
                "\"status\": \(Escaping.jsonString(check.status.rawValue))",
                "\"passed\": \(check.passed)",
                "\"violations\": \(check.violations)",
                "\"examples\": [\(examples.joined(separator: ", "))]",
            ]
            fields.append("\"note\": \(check.note.map { Escaping.jsonString(FindingPhrasing.describe($0)) } ?? "null")")
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let fields = [
            "\"schema_version\": \(auditSchemaVersion)",
            "\"checkpoint\": \(Escaping.jsonString(report.checkpoint))",
            "\"ok\": \(report.ok)",
            "\"tasks\": \(report.tasks)",
            "\"edges\": \(report.edges)",
            "\"completed\": \(report.completed)",
            "\"checks\": [\(checks.joined(separator: ", "))]",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// The JSON document (one line) for a checkpoint that could not be read at all.
    public static func unreadable(path: String, message: String) -> String {
        """
        {"schema_version": \(auditSchemaVersion), "checkpoint": \(Escaping.jsonString(path)), "ok": false, "error": \(Escaping.jsonString(message)), "checks": []}
        """
    }

    private static func summaries(_ tasks: [TaskSummary]) -> String {
        let objects = tasks.map { task in
            "{\"udid\": \(Escaping.jsonString(task.udid)), \"task_type\": \(task.typeName.map(Escaping.jsonString) ?? "null"), \"completed\": \(task.completed)}"
        }
        return "[" + objects.joined(separator: ", ") + "]"
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(Escaping.jsonString).joined(separator: ", ") + "]"
    }
}

/// Machine-readable JSON views. Pure functions; every string goes through `Escaping`,
/// so the output stays valid JSON whatever bytes a damaged checkpoint holds.
public enum JSONRenderer {
    /// The version of the `verify --format json` document (see Docs/verify-report.schema.json).
    public static let auditSchemaVersion = 1

    /// `lineage show --format json`: `{"udid", "task_type", "completed", "parents", "children"}`.
    public static func record(_ record: TaskRecord, lineagePath: String? = nil) -> String {
        var fields = [
            "\"udid\": \(Escaping.jsonString(record.udid))",
            "\"task_type\": \(record.typeName.map(Escaping.jsonString) ?? "null")",
            "\"completed\": \(record.completed)",
            "\"parents\": \(list(record.parents.map(\.udid)))",
            "\"children\": \(list(record.children.map(\.udid)))",
        ]
        if let lineagePath { fields.append("\"lineage_path\": \(Escaping.jsonString(lineagePath))") }
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

    /// `lineage verify --format json` for one checkpoint.
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
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        return """
            {
              "schema_version": \(auditSchemaVersion),
              "checkpoint": \(Escaping.jsonString(report.checkpoint)),
              "ok": \(report.ok),
              "tasks": \(report.tasks),
              "edges": \(report.edges),
              "completed": \(report.completed),
              "checks": [
            \(checks.joined(separator: ",\n"))
              ]
            }
            """
    }

    /// The JSON document for a checkpoint that could not be read at all.
    public static func unreadable(path: String, message: String) -> String {
        """
        {"schema_version": \(auditSchemaVersion), "checkpoint": \(Escaping.jsonString(path)), "ok": false, "error": \(Escaping.jsonString(message)), "checks": []}
        """
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(Escaping.jsonString).joined(separator: ", ") + "]"
    }
}

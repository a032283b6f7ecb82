extension JSONRenderer {
    /// `lineage verify --format json` for one NeMo Curator checkpoint, on one line (JSON
    /// Lines with the other reports): `kind` "curator", the writer files and sources read,
    /// the skipped writer files, one entry per check (see Docs/verify-report.schema.json).
    public static func curatorAudit(_ report: CuratorAuditReport, exitCode: Int32) -> String {
        let checks = report.checks.map { check($0, example: curatorExample) }
        let fields =
            [
                "\"schema_version\": \(auditSchemaVersion)",
                "\"kind\": \"curator\"",
                "\"checkpoint\": \(Escaping.jsonString(report.checkpoint))",
                "\"ok\": \(report.ok)",
            ] + verdictFields(VerifyOutcome.curator(report).verdict, exitCode: exitCode) + [
            "\"writers\": \(report.writers)",
            "\"sources\": \(report.sources)",
            "\"damaged_writers\": [\(report.damagedWriters.map(Escaping.jsonString).joined(separator: ", "))]",
            "\"unreadable_writers\": [\(report.unreadableWriters.map(Escaping.jsonString).joined(separator: ", "))]",
            "\"busy_writers\": [\(report.busyWriters.map(Escaping.jsonString).joined(separator: ", "))]",
            "\"checks\": [\(checks.joined(separator: ", "))]",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

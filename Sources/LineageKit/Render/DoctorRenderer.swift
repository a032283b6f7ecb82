/// `lineage doctor` as text, as one JSON document, or as JSON Lines (one check per line).
public enum DoctorRenderer {
    /// One line per check (`pass  filesystem    ext4: ...`), its details indented under
    /// it, and the verdict last.
    public static func text(_ report: DoctorReport) -> String {
        var lines = ["checkpoint  \(Escaping.text(report.checkpoint))", "kind        \(report.kind)", ""]
        let width = max(12, report.checks.map(\.id.count).max() ?? 0)
        for check in report.checks {
            lines.append("\(check.status.rawValue)  \(check.id.padding(width))  \(Escaping.text(check.summary))")
            for detail in check.details { lines.append("      - \(Escaping.text(detail))") }
        }
        lines.append("")
        lines.append("doctor: \(verdict(report))")
        return lines.joined(separator: "\n")
    }

    /// `OK, no warnings`, `OK, 2 warnings` or `FAILED, 1 failed, 1 warning`.
    public static func verdict(_ report: DoctorReport) -> String {
        let warnings = "\(report.warnings == 0 ? "no" : String(report.warnings)) warning\(report.warnings == 1 ? "" : "s")"
        return report.ok ? "OK, \(warnings)" : "FAILED, \(report.failed) failed, \(warnings)"
    }

    /// The report as one JSON object on one line.
    public static func json(_ report: DoctorReport, exitCode: Int) -> String {
        let checks = report.checks.map { checkJSON($0) }
        return "{" + head(report) + ", \"ok\": \(report.ok), \"exit_code\": \(exitCode), \"checks\": [" + checks.joined(separator: ", ") + "]}"
    }

    /// One JSON object per check, each with the contract's `schema_version`, `kind` and
    /// `checkpoint`.
    public static func jsonLines(_ report: DoctorReport) -> [String] {
        report.checks.map { "{" + head(report) + ", " + checkJSON($0).dropFirst() }
    }

    static func head(_ report: DoctorReport) -> String {
        "\"schema_version\": 1, \"kind\": \(Escaping.jsonString(report.kind)), \"checkpoint\": \(Escaping.jsonString(report.checkpoint))"
    }

    static func checkJSON(_ check: DoctorReport.Check) -> String {
        "{\"id\": \(Escaping.jsonString(check.id)), \"status\": \"\(check.status.rawValue)\", "
            + "\"summary\": \(Escaping.jsonString(check.summary)), \"details\": ["
            + check.details.map(Escaping.jsonString).joined(separator: ", ") + "]}"
    }
}

/// JUnit XML for CI test reporters (GitHub, GitLab, Jenkins): one test suite per
/// checkpoint, one test case per check; failures carry the examples, checks not run
/// are skipped, an unreadable checkpoint is an error.
public enum JUnitRenderer {
    /// One checkpoint's outcome: its report, or why it could not be read.
    public enum Outcome: Sendable {
        case report(AuditReport)
        case unreadable(path: String, message: String)
    }

    /// The whole `<testsuites>` document. `suiteName` names the tool that audited (the
    /// caller's, e.g. its command line); each suite is that name and the checkpoint, each
    /// test case's class is the name with dots for spaces.
    public static func render(_ outcomes: [Outcome], suiteName: String) -> String {
        let name = Escaping.xml(suiteName)
        let className = Escaping.xml(suiteName.split(separator: " ").joined(separator: "."))
        var suites: [String] = []
        var totalTests = 0
        var totalFailures = 0
        var totalErrors = 0
        var totalSkipped = 0
        for outcome in outcomes {
            switch outcome {
            case .report(let report):
                let failures = report.checks.filter { $0.status == .failed }.count
                let skipped = report.checks.filter { $0.status == .notRun }.count
                totalTests += report.checks.count
                totalFailures += failures
                totalSkipped += skipped
                var suite =
                    "  <testsuite name=\"\(name) \(Escaping.xml(report.checkpoint))\" tests=\"\(report.checks.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
                for check in report.checks {
                    suite += "    <testcase classname=\"\(className)\" name=\"\(check.id.rawValue)\" file=\"\(Escaping.xml(report.checkpoint))\">"
                    switch check.status {
                    case .passed:
                        suite += "</testcase>\n"
                    case .notRun:
                        suite += "<skipped message=\"\(Escaping.xml(check.note.map(FindingPhrasing.describe) ?? "not run"))\"/></testcase>\n"
                    case .failed:
                        let body = check.examples.map(FindingPhrasing.line).joined(separator: "\n")
                        let summary = "\(check.violations) violation\(check.violations == 1 ? "" : "s"): \(check.id.summary) does not hold"
                        suite +=
                            "\n      <failure message=\"\(Escaping.xml(summary))\" type=\"\(check.id.rawValue)\">\(Escaping.xml(body))</failure>\n    </testcase>\n"
                    }
                }
                suite += "  </testsuite>"
                suites.append(suite)
            case .unreadable(let path, let message):
                totalTests += 1
                totalErrors += 1
                suites.append(
                    """
                      <testsuite name="\(name) \(Escaping.xml(path))" tests="1" failures="0" errors="1" skipped="0">
                        <testcase classname="\(className)" name="open" file="\(Escaping.xml(path))"><error message="\(Escaping.xml(message))" type="unreadable"/></testcase>
                      </testsuite>
                    """)
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(name)" tests="\(totalTests)" failures="\(totalFailures)" errors="\(totalErrors)" skipped="\(totalSkipped)">
            \(suites.joined(separator: "\n"))
            </testsuites>
            """
    }
}

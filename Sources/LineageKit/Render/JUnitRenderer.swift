/// JUnit XML for CI test reporters (GitHub, GitLab, Jenkins): one test suite per
/// checkpoint, one test case per check; failures carry the examples, checks not run
/// are skipped, an unreadable checkpoint is an error.
public enum JUnitRenderer {
    /// The whole `<testsuites>` document. `suiteName` names the tool that audited (the
    /// caller's, e.g. its command line); each suite is that name and the checkpoint, each
    /// test case's class is the name with dots for spaces.
    public static func render(_ entries: [VerifyEntry], suiteName: String) -> String {
        let name = Escaping.xml(suiteName)
        let className = Escaping.xml(suiteName.split(separator: " ").joined(separator: "."))
        var suites: [String] = []
        var totalTests = 0
        var totalFailures = 0
        var totalErrors = 0
        var totalSkipped = 0
        func tally(_ cases: [CheckResult]) {
            totalTests += cases.count
            totalFailures += cases.filter { $0.status == .failed }.count
            totalSkipped += cases.filter { $0.status == .notRun }.count
        }
        for entry in entries {
            switch entry.outcome {
            case .report(let report):
                suites.append(suite(report.checks, path: report.checkpoint, name: name, className: className))
                tally(report.checks)
            case .unreadable, .busy:
                let path = entry.outcome.path
                let message = entry.message ?? ""
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

    /// One checkpoint's `<testsuite>`: a test case per check, failures with the examples,
    /// checks not run skipped.
    private static func suite(_ cases: [CheckResult], path: String, name: String, className: String) -> String {
        let failures = cases.filter { $0.status == .failed }.count
        let skipped = cases.filter { $0.status == .notRun }.count
        var suite =
            "  <testsuite name=\"\(name) \(Escaping.xml(path))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        for check in cases {
            suite += "    <testcase classname=\"\(className)\" name=\"\(check.id.rawValue)\" file=\"\(Escaping.xml(path))\">"
            switch check.status {
            case .passed:
                suite += "</testcase>\n"
            case .notRun:
                suite += "<skipped message=\"\(Escaping.xml(FindingPhrasing.describe(check.notes) ?? "not run"))\"/></testcase>\n"
            case .failed:
                let body = check.examples.map(FindingPhrasing.line).joined(separator: "\n")
                let summary = "\(check.violations) violation\(check.violations == 1 ? "" : "s"): \(check.id.summary) does not hold"
                suite +=
                    "\n      <failure message=\"\(Escaping.xml(summary))\" type=\"\(check.id.rawValue)\">\(Escaping.xml(body))</failure>\n    </testcase>\n"
            }
        }
        return suite + "  </testsuite>"
    }
}

/// The outcome of one check.
public enum CheckStatus: String, Sendable, Codable {
    case passed
    case failed
    /// The check could not be trusted to run (a sub-database it needs is missing, or
    /// the file's structure is damaged).
    case notRun = "not_run"
}

/// The result of one check: status, exact number of violations and a few examples.
public struct CheckResult: Sendable, Equatable {
    /// The check.
    public let id: CheckID
    /// Whether it passed, failed or did not run.
    public var status: CheckStatus
    /// Exact count of violations found (0 when passed or not run).
    public var violations: Int
    /// At most `maxExamples` examples, in the order found.
    public var examples: [Finding]
    /// Why the check did not run, or remarks that are not violations (an extra sub-database).
    public var notes: [CheckNote]

    /// Makes a result.
    public init(id: CheckID, status: CheckStatus, violations: Int = 0, examples: [Finding] = [], notes: [CheckNote] = []) {
        self.id = id
        self.status = status
        self.violations = violations
        self.examples = examples
        self.notes = notes
    }

    /// A check that did not run, and why.
    static func notRun(_ id: CheckID, _ note: CheckNote) -> CheckResult {
        CheckResult(id: id, status: .notRun, notes: [note])
    }

    /// True when the check ran and found nothing.
    public var passed: Bool { status == .passed }
}

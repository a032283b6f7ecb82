/// The outcome of one check.
public enum CheckStatus: String, Sendable, Codable {
    case passed
    case failed
    /// The check could not be trusted to run (a sub-database it needs is missing, or
    /// the file's structure is damaged).
    case notRun = "not_run"
}

/// One example violation: a sentence naming the udids involved, and for structure
/// problems where in the file it is.
public struct Violation: Sendable, Equatable {
    /// What is wrong, naming the udids or keys involved (escaped, printable).
    public let message: String
    /// The page number, for structure problems.
    public let page: UInt64?
    /// The sub-database involved, when known.
    public let database: String?

    public init(_ message: String, page: UInt64? = nil, database: String? = nil) {
        self.message = message
        self.page = page
        self.database = database
    }
}

/// The result of one check: status, exact number of violations and a few examples.
public struct CheckResult: Sendable, Equatable {
    public let id: CheckID
    public var status: CheckStatus
    /// Exact count of violations found (0 when passed or not run).
    public var violations: Int
    /// At most `maxExamples` examples.
    public var examples: [Violation]
    /// Why the check did not run, or a remark that is not a violation (an extra sub-database).
    public var note: String?

    public var passed: Bool { status == .passed }
}

/// Everything verify found about one checkpoint.
public struct AuditReport: Sendable {
    /// The path as given.
    public let checkpoint: String
    /// Entries in `task_type` (0 when it could not be read).
    public var tasks: Int
    /// Entries in `out_edges` (0 when it could not be read).
    public var edges: Int
    /// Tasks marked completed.
    public var completed: Int
    /// One result per check, in `CheckID` order.
    public var checks: [CheckResult]

    /// True when every check passed.
    public var ok: Bool { checks.allSatisfy(\.passed) }

    /// True when the file's structure could not be trusted (verify exits 2 then).
    public var structureFailed: Bool { checks.contains { $0.id == .structure && $0.status == .failed } }

    /// The result of `id`.
    public subscript(id: CheckID) -> CheckResult? { checks.first { $0.id == id } }
}

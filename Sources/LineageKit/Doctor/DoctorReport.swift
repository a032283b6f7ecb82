/// What `lineage doctor` found: one result per check, each `pass`, `warn` or `fail`.
public struct DoctorReport: Sendable {
    /// A check's outcome: a warning does not fail the report.
    public enum Status: String, Sendable {
        case pass, warn, fail
    }

    /// One check: its stable id, its outcome, one line saying what was found, and the
    /// files or numbers behind it.
    public struct Check: Sendable {
        public let id: String
        public let status: Status
        public let summary: String
        public let details: [String]

        public init(_ id: String, _ status: Status, _ summary: String, details: [String] = []) {
            (self.id, self.status, self.summary, self.details) = (id, status, summary, details)
        }
    }

    /// The path as given.
    public let checkpoint: String
    /// `curator` or `dag`.
    public let kind: String
    public let checks: [Check]

    /// Checks that failed.
    public var failed: Int { checks.filter { $0.status == .fail }.count }
    /// Checks that warned.
    public var warnings: Int { checks.filter { $0.status == .warn }.count }
    /// True when no check failed.
    public var ok: Bool { failed == 0 }
}

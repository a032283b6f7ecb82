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
    /// One result per check, in report order (`Verifier.checkIDs`).
    public var checks: [CheckResult]

    /// True when every check passed.
    public var ok: Bool { checks.allSatisfy(\.passed) }

    /// True when the file's structure could not be trusted (verify exits 2 then).
    public var structureFailed: Bool { checks.contains { $0.id == .structure && $0.status == .failed } }

    /// The result of `id`.
    public subscript(id: CheckID) -> CheckResult? { checks.first { $0.id == id } }
}

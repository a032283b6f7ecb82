/// One path's `verify` outcome as the caller words it, the input of every verify
/// renderer: the sentence for an outcome without a report (unreadable, busy) and the
/// exit status the caller maps its verdict to (both appear in the reports).
public struct VerifyEntry: Sendable {
    public let outcome: VerifyOutcome
    /// What to say of an unreadable or busy path; `nil` for a report.
    public let message: String?
    /// The exit status this outcome asks for.
    public let exitCode: Int32

    public init(outcome: VerifyOutcome, message: String?, exitCode: Int32) {
        self.outcome = outcome
        self.message = message
        self.exitCode = exitCode
    }
}

extension TextRenderer {
    /// The text block of one path's outcome.
    public static func verify(_ entry: VerifyEntry) -> String {
        switch entry.outcome {
        case .report(let report): audit(report)
        case .unreadable(let path, _): unreadable(path: path, message: entry.message ?? "")
        case .busy(let busy): BusyRenderer.text(busy, message: entry.message ?? busy.description)
        }
    }
}

extension JSONRenderer {
    /// The JSON document (one line) of one path's outcome, with its `verdict` and `exit_code`.
    public static func verify(_ entry: VerifyEntry) -> String {
        switch entry.outcome {
        case .report(let report): audit(report, exitCode: entry.exitCode)
        case .unreadable(let path, _): unreadable(path: path, message: entry.message ?? "", exitCode: entry.exitCode)
        case .busy(let busy): BusyRenderer.json(busy, message: entry.message ?? busy.description, exitCode: entry.exitCode)
        }
    }
}

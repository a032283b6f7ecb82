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
        case .unreadable(let path, let reason): unreadable(path: path, kind: reason.kind, message: entry.message ?? "", exitCode: entry.exitCode)
        case .busy(let busy): BusyRenderer.json(busy, message: entry.message ?? busy.description, exitCode: entry.exitCode)
        }
    }
}

extension VerifyOutcome.Unreadable {
    /// What the path was read as, for the report's `kind`: `curator` for a forced Curator
    /// read without a metadata folder, `unknown` otherwise (nothing was read).
    var kind: String {
        switch self {
        case .noMetadataFolder: "curator"
        case .checkpoint: "unknown"
        }
    }
}

extension VerifyOutcome {
    /// The report's `kind`: the checkpoint's format, `unknown` for a path not read.
    var kind: String {
        switch self {
        case .report(let report): report.curator == nil ? "dag" : "curator"
        case .unreadable(_, let reason): reason.kind
        case .busy: "dag"
        }
    }
}

extension JSONRenderer {
    /// `lineage verify --format json`: one document for every path given, `{"schema_version",
    /// "kind" (the reports' common kind, or "mixed"), "ok", "verdict" (the worst),
    /// "exit_code", "checkpoints", "sound", "reports": [one report per path, as
    /// `--format jsonl` prints them]}`.
    public static func verifyDocument(_ entries: [VerifyEntry], exitCode: Int32) -> String {
        let kinds = Set(entries.map(\.outcome.kind))
        let kind = kinds.count == 1 ? kinds.first! : "mixed"
        let verdict = Verdict.worst(entries.map(\.outcome.verdict))
        let sound = entries.filter { $0.outcome.verdict == .ok }.count
        let head =
            "{\"schema_version\": \(auditSchemaVersion), \"kind\": \"\(kind)\", \"ok\": \(verdict == .ok), \"verdict\": \"\(verdict.rawValue)\", "
            + "\"exit_code\": \(exitCode), \"checkpoints\": \(entries.count), \"sound\": \(sound), \"reports\": ["
        return head + entries.map { "\n  " + verify($0) }.joined(separator: ",") + (entries.isEmpty ? "]}" : "\n]}")
    }
}

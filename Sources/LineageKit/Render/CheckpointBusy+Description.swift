extension CheckpointBusy: CustomStringConvertible {
    /// What happened, naming the file and the transactions seen; what to do is the caller's to say.
    public var description: String {
        let words = Self.words(path: path)
        return words.beforeFirst + String(firstTxnid) + words.between + String(lastTxnid) + words.afterLast
    }

    /// The words of `description` around its two transaction ids, so that a signal
    /// handler can say it with ids it reads then (it may not build strings).
    public static func words(path: String) -> (beforeFirst: String, between: String, afterLast: String) {
        ("\(path): the pipeline is writing this checkpoint: transaction ", " -> ", " during the read.")
    }
}

/// The `verify` report of a checkpoint that could not be read consistently: verdict
/// `BUSY`, the transactions seen, no checks.
public enum BusyRenderer {
    /// The text report block.
    public static func text(_ busy: CheckpointBusy, message: String) -> String {
        "\(Escaping.text(busy.path)): not audited\nverdict: BUSY, \(message)"
    }

    /// The JSON report (one line): `ok` false, `verdict` "BUSY", the transactions, no checks.
    public static func json(_ busy: CheckpointBusy, message: String, exitCode: Int32) -> String {
        """
        {"schema_version": \(JSONRenderer.auditSchemaVersion), "kind": "dag", "checkpoint": \(Escaping.jsonString(busy.path)), "ok": false, "verdict": "BUSY", \
        "exit_code": \(exitCode), \
        "transactions": {"first": \(busy.firstTxnid), "last": \(busy.lastTxnid)}, "attempts": \(busy.attempts), \
        "error": \(Escaping.jsonString(message)), "checks": []}
        """
    }
}

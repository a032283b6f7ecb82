extension CheckpointBusy: CustomStringConvertible {
    /// What happened, naming the file and the transactions seen; what to do is the caller's to say.
    public var description: String {
        "\(path): the pipeline is writing this checkpoint: transaction \(firstTxnid) -> \(lastTxnid) during the read."
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
    public static func json(_ busy: CheckpointBusy, message: String) -> String {
        """
        {"schema_version": \(JSONRenderer.auditSchemaVersion), "checkpoint": \(Escaping.jsonString(busy.path)), "ok": false, "verdict": "BUSY", \
        "transactions": {"first": \(busy.firstTxnid), "last": \(busy.lastTxnid)}, "attempts": \(busy.attempts), \
        "error": \(Escaping.jsonString(message)), "checks": []}
        """
    }
}

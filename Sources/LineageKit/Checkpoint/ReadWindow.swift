/// What a writer did to a checkpoint while it was being read: the meta pages seen just
/// before the read and just after, judged by LMDB's page-reuse rule (Docs/Concurrency.md).
///
/// A writer without a reader table (the pipeline's, which uses no lock file) starting
/// transaction W reuses only pages freed by transactions W-2 or older. A page of the
/// snapshot of transaction S is freed at the earliest by S+1, so it can be overwritten
/// at the earliest by S+3, which starts only once S+2 has committed. So the read saw the
/// snapshot whole as long as the newest transaction id seen after it is at most S+1.
public struct ReadWindow: Sendable, Equatable {
    /// The meta pages just before the read.
    public let before: MetaSnapshot
    /// The meta pages just after the read.
    public let after: MetaSnapshot

    /// Pairs the two looks.
    public init(before: MetaSnapshot, after: MetaSnapshot) {
        self.before = before
        self.after = after
    }

    /// The newest transaction committed when the read began (0 when no meta page was valid).
    public var firstTxnid: UInt64 { before.txnid ?? 0 }
    /// The newest transaction committed when the read ended (0 when no meta page was valid).
    public var lastTxnid: UInt64 { after.txnid ?? 0 }

    /// The largest advance of the committed transaction id during a read that keeps the
    /// read consistent: the writer may have committed S+1 and be writing S+2, but S+3,
    /// the first transaction that may reuse a page of snapshot S, has not started.
    public static let allowedAdvance: UInt64 = 1

    /// Whether every page the read could reach belonged to one committed snapshot:
    /// the transaction id advanced by at most `allowedAdvance` (and never went back,
    /// which would mean the file was replaced).
    public var isConsistent: Bool {
        guard let first = before.txnid, let last = after.txnid else { return before.txnid == nil && after.txnid == nil }
        return last >= first && last - first <= Self.allowedAdvance
    }

    /// Whether the writer committed during a consistent read: the answer is a moment's
    /// picture of a run that is still being written.
    public var isLive: Bool { isConsistent && lastTxnid != firstTxnid }

    /// Whether a read that *failed* (a structure finding, an error) proves a problem of
    /// the file rather than of the moment: nothing was committed during it. A failure
    /// seen while one transaction committed is retried: a read that maps the file, then
    /// picks a meta page committed after the mapping, can miss pages the mapping is too
    /// short to hold, and a false entry-count finding was once seen beside a live writer
    /// with the file's size unchanged (`Docs/Concurrency.md`).
    public var provesFailure: Bool {
        isConsistent && lastTxnid == firstTxnid
    }
}

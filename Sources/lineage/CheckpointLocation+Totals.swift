import LineageKit

extension CheckpointLocation {
    /// After a whole-file read of this DAG checkpoint ended BUSY: its totals from the
    /// sub-databases' records, read consistently (a read of microseconds), or `busy` again
    /// when even those could not be read consistently (exit 75).
    func totals(after busy: CheckpointBusy) throws -> DAGTotals {
        do {
            // The records' read is short enough that a fraction of a second is plenty.
            let answer = try RecordTotals.readConsistently(path: path, wait: min(max(wait, 0.1), 1))
            guard let totals = DAGTotals(checkpoint: path, answer.value) else { throw busy }
            return totals
        } catch {
            throw busy
        }
    }
}

extension CheckpointLocation {
    /// Runs `read` (a whole-file read of this DAG checkpoint), marking the command as one
    /// that answers from the totals when the writer tears every read: a read that faults
    /// with no time left runs the command again (`CrashWatch`), and that run skips the
    /// whole-file read and throws `CheckpointBusy` at once, for the caller's fallback.
    func readOrFallBack<T>(_ read: () throws -> T) throws -> T {
        CrashWatch.totalsFallback = true
        defer { CrashWatch.totalsFallback = false }
        if CrashWatch.inheritedTotals {
            let now = MetaSnapshot.read(path: path)?.txnid ?? 0
            throw CheckpointBusy(path: path, firstTxnid: now, lastTxnid: now, attempts: 0)
        }
        return try read()
    }
}

extension Lineage {
    /// The last line of a totals-only answer: the run is being written, and these are the
    /// counts of one transaction.
    static func totalsNote(_ totals: DAGTotals) -> String {
        "live: the pipeline is still writing this checkpoint (transaction \(totals.txnid) when its totals were read); these numbers are a moment's picture."
    }
}

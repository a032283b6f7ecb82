import LineageKit

/// What `status` and `types --summary` read of a DAG checkpoint: the whole file, or, when
/// the writer tore every whole-file read, the totals of the sub-databases' records.
enum ReadOrTotals<Value> {
    /// A consistent whole-file read.
    case read(ConsistentAnswer<Value>)
    /// The totals, read consistently after the whole-file read ended `busy`.
    case totals(DAGTotals, busy: CheckpointBusy)
}

extension CheckpointLocation {
    /// Runs `read` (a whole-file read of this DAG checkpoint); when it ends BUSY, reads the
    /// totals from the sub-databases' records instead (a read of microseconds), and throws
    /// the BUSY again only when even those cannot be read consistently (exit 75).
    ///
    /// While `read` runs, the crash guard knows the command answers from the totals: a read
    /// that faults with no time left runs the command again (`CrashWatch`), and that run
    /// skips the whole-file read for the totals at once.
    func readOrTotals<Value>(_ read: () throws -> ConsistentAnswer<Value>) throws -> ReadOrTotals<Value> {
        do {
            CrashWatch.totalsFallback = true
            defer { CrashWatch.totalsFallback = false }
            if CrashWatch.inheritedTotals {
                let now = MetaSnapshot.read(path: path)?.txnid ?? 0
                throw CheckpointBusy(path: path, firstTxnid: now, lastTxnid: now, attempts: 0)
            }
            return .read(try read())
        } catch let busy as CheckpointBusy {
            do {
                // The records' read is short enough that a fraction of a second is plenty.
                return .totals(try DAGTotals.readConsistently(path: path, wait: min(max(wait, 0.1), 1)), busy: busy)
            } catch {
                throw busy
            }
        }
    }
}

extension Lineage {
    /// The last line of a totals-only answer: the run is being written, and these are the
    /// counts of one transaction.
    static func totalsNote(_ totals: DAGTotals) -> String {
        "live: the pipeline is still writing this checkpoint (transaction \(totals.txnid) when its totals were read); these numbers are a moment's picture."
    }
}

/// What reading a Curator writer file beside its writer gave.
public enum CuratorWriterRead: Sendable {
    /// A read that saw one committed state (its state may still be `damaged`: proven so).
    case consistent(CuratorWriter)
    /// The writer kept committing: no read within the wait saw a consistent state.
    case busy(CheckpointBusy)
}

extension CuratorWriter {
    /// Reads the writer file at `path` as `read(path:)` does, retried while its writer
    /// (a shard of the job array, with no lock file) tears the read, for up to `wait`
    /// seconds (`Docs/Concurrency.md`). An `unreadable` or `damaged` state is returned
    /// only from a read the transaction ids prove stable; `live` says whether the writer
    /// committed during the read.
    /// Cost: one walk per attempt, plus two `pread`s of the meta pages.
    public static func readConsistently(path: String, wait: Double = ConsistentRead.defaultWait) -> CuratorWriterRead {
        switch consistently(path: path, wait: wait, isFailure: { (writer: CuratorWriter) in writer.needsAttention }, { read(path: path) }) {
        case .success(let answer):
            var writer = answer.value
            writer.live = answer.live
            return .consistent(writer)
        case .failure(let busy):
            return .busy(busy)
        }
    }

    /// `readConsistently`, and the newest committed transaction when the consistent read
    /// began (`nil` when busy or without a meta page): the state read is that one or newer.
    package static func readConsistentlyNotingTransaction(path: String, wait: Double) -> (read: CuratorWriterRead, transaction: UInt64?) {
        do {
            let answer = try ConsistentRead.run(paths: [path], wait: wait, isFailure: { (writer: CuratorWriter) in writer.needsAttention }) { _ in
                read(path: path)
            }
            var writer = answer.value
            let window = answer.windows.first ?? nil
            if answer.isLive, let window { writer.live = LiveWindow(first: window.firstTxnid, last: window.lastTxnid) }
            return (.consistent(writer), window?.before.txnid)
        } catch let busy as CheckpointBusy {
            return (.busy(busy), nil)
        } catch {
            // The body never throws, so `run` throws only `CheckpointBusy`.
            return (.consistent(read(path: path)), nil)
        }
    }

    /// Reads the writer file at `path` consistently (`readConsistently`); a file whose
    /// writer kept committing for all of `wait` seconds gives the state `.busy`, no sources.
    public static func read(path: String, wait: Double) -> CuratorWriter {
        switch readConsistently(path: path, wait: wait) {
        case .consistent(let writer):
            return writer
        case .busy(let busy):
            // The keys tore every time; the count in the sub-database's record is a read of microseconds.
            var writer = Self.busy(path: path, busy)
            writer.recordCount = (try? RecordTotals.readConsistently(path: path, wait: 0.05))?.value.entries(databaseName)
            return writer
        }
    }

    /// The writer file at `path`, of which no consistent read was possible: state `.busy`,
    /// no size, no sources.
    static func busy(path: String, _ busy: CheckpointBusy) -> CuratorWriter {
        CuratorWriter(
            name: CuratorLocation.lastComponent(of: path), path: path, size: nil, state: .busy(busy),
            resume: .undecided("no consistent read: its writer kept committing"), sources: CuratorSourceList())
    }

    /// Runs `body` (one read of the writer file at `path`) until a read is consistent;
    /// `isFailure` says which answers must be proven stable. The answer carries the
    /// transaction ids when the writer committed during it; the failure says why no read
    /// was consistent within `wait` seconds.
    static func consistently<Value>(
        path: String, wait: Double, isFailure: (Value) -> Bool, _ body: () -> Value
    ) -> Result<(value: Value, live: LiveWindow?), CheckpointBusy> {
        do {
            let answer = try ConsistentRead.run(paths: [path], wait: wait, isFailure: isFailure) { _ in body() }
            let window = answer.isLive ? answer.windows.first ?? nil : nil
            return .success((answer.value, window.map { LiveWindow(first: $0.firstTxnid, last: $0.lastTxnid) }))
        } catch let busy as CheckpointBusy {
            return .failure(busy)
        } catch {
            // `body` never throws, so `run` throws only `CheckpointBusy`.
            return .success((body(), nil))
        }
    }
}

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
    /// only from a read the transaction ids prove stable.
    /// Cost: one walk per attempt, plus two `pread`s of the meta pages.
    public static func readConsistently(path: String, wait: Double = ConsistentRead.defaultWait) -> CuratorWriterRead {
        do {
            let answer = try ConsistentRead.run(
                paths: [path], wait: wait, isFailure: { (writer: CuratorWriter) in writer.state.isSkipped }
            ) { _ in read(path: path) }
            var writer = answer.value
            if answer.isLive, let window = answer.windows.first ?? nil {
                writer.liveWindow = LiveWindow(first: window.firstTxnid, last: window.lastTxnid)
            }
            return .consistent(writer)
        } catch let busy as CheckpointBusy {
            return .busy(busy)
        } catch {
            // `read(path:)` never throws; keep the one-attempt answer if it ever does.
            return .consistent(read(path: path))
        }
    }
}

extension CuratorWriter {
    /// Reads the writer file at `path` consistently (`readConsistently`); a file whose
    /// writer kept committing for all of `wait` seconds gives the state `.busy`, no sources.
    public static func read(path: String, wait: Double) -> CuratorWriter {
        switch readConsistently(path: path, wait: wait) {
        case .consistent(let writer): return writer
        case .busy(let busy):
            return CuratorWriter(
                name: CuratorLocation.lastComponent(of: path), path: path, size: nil, state: .busy(busy), sources: CuratorSourceList())
        }
    }

    /// Runs `body` (one read of the writer file at `path`) until a read is consistent, as
    /// `readConsistently` does; `isFailure` says which answers must be proven stable.
    /// `nil` when the wait ran out (then `busy` holds why).
    static func consistently<Value>(
        path: String, wait: Double, isFailure: (Value) -> Bool, _ body: () -> Value
    ) -> Result<Value, CheckpointBusy> {
        do {
            return .success(try ConsistentRead.run(paths: [path], wait: wait, isFailure: isFailure) { _ in body() }.value)
        } catch let busy as CheckpointBusy {
            return .failure(busy)
        } catch {
            return .success(body())
        }
    }
}

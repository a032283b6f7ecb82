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
            return .consistent(answer.value)
        } catch let busy as CheckpointBusy {
            return .busy(busy)
        } catch {
            // `read(path:)` never throws; keep the one-attempt answer if it ever does.
            return .consistent(read(path: path))
        }
    }
}

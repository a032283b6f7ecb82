import ArgumentParser
import LineageKit

extension CheckpointLocation {
    /// Runs `body` (which must open the checkpoint afresh each time) until it read a
    /// consistent snapshot of this checkpoint (and of `others`), retrying for `wait`
    /// seconds; output `body` printed is dropped before a retry, and a retry is given up
    /// once some of it reached stdout (it was checked against the snapshot first).
    /// - Throws: `CheckpointBusy` (exit 75), or what `body` threw on a read that proves it.
    func consistently<T>(
        others: [String] = [], isFailure: (T) -> Bool = { _ in false }, _ body: () throws -> T
    ) throws -> ConsistentAnswer<T> {
        let paths = [path] + others
        let mark = Console.mark
        // A retry after a fault (a new run of the command line) keeps the first deadline.
        let wait = CrashWatch.inheritedWait ?? wait
        let retryUntil = ConsistentRead.monotonicSeconds() + wait
        defer {
            Console.flushGate = nil
            CrashGuard.stopWatching()
        }
        do {
            return try ConsistentRead.run(
                paths: paths, wait: wait, isFailure: isFailure,
                canRetry: { Console.flushedBytes == mark.flushed },
                prepareRetry: { _ = Console.rewind(to: mark) },
                began: { before in CrashGuard.watch(path: path, before: before[0], retryUntil: retryUntil) }
            ) { before in
                // Every block written to stdout is checked first: it was read before the check.
                Console.flushGate = {
                    let now = paths.map { MetaSnapshot.read(path: $0) }
                    return zip(before, now).allSatisfy { pair in
                        guard let first = pair.0 else { return pair.1 == nil }
                        return pair.1.map { ReadWindow(before: first, after: $0).isConsistent } ?? false
                    }
                }
                return try body()
            }
        } catch let busy as CheckpointBusy {
            // What the torn read buffered never reaches stdout, at exit or later.
            Console.drop(since: mark)
            throw busy
        }
    }
}

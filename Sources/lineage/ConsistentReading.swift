import ArgumentParser
import LineageKit

/// `--wait SECONDS`: how long a read of a checkpoint the pipeline is writing is retried
/// for a consistent snapshot before the command gives up with exit 75.
struct WaitOption: ParsableArguments {
    // .unconditional takes `-1` as the value, so the range check below can word it.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.",
            valueName: "seconds"))
    var wait: Double?

    /// The seconds to retry. - Throws: `UsageError` for a negative or non-finite value.
    var seconds: Double {
        get throws {
            guard let wait else { return ConsistentRead.defaultWait }
            guard wait.isFinite, wait >= 0 else { throw UsageError("--wait must be 0 or more seconds (got \(wait)).") }
            return wait
        }
    }
}

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

extension Lineage {
    /// The line `status` and `types --summary` add when the pipeline committed during
    /// their read, so a monitor knows the numbers are a moment's picture; `nil` otherwise.
    static func liveNote<T>(_ answer: ConsistentAnswer<T>) -> String? {
        guard answer.isLive, let window = answer.windows.first ?? nil else { return nil }
        return
            "live: the pipeline is still writing this checkpoint (transaction \(window.firstTxnid) when the read began, \(window.lastTxnid) when it ended); these numbers are a moment's picture."
    }
}

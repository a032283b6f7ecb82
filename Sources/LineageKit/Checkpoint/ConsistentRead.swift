#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A checkpoint that could not be read consistently before the deadline: a writer kept
/// committing faster than the read could finish. Not damage: try again later.
public struct CheckpointBusy: Error, Sendable, Equatable {
    /// The path as given.
    public let path: String
    /// The newest committed transaction when the last attempt began.
    public let firstTxnid: UInt64
    /// The newest committed transaction when the last attempt ended.
    public let lastTxnid: UInt64
    /// How many reads were tried.
    public let attempts: Int

    /// A busy outcome with its numbers.
    public init(path: String, firstTxnid: UInt64, lastTxnid: UInt64, attempts: Int) {
        self.path = path
        self.firstTxnid = firstTxnid
        self.lastTxnid = lastTxnid
        self.attempts = attempts
    }
}

/// The answer of a read whose snapshot is known to be consistent.
public struct ConsistentAnswer<Value> {
    /// What the read returned.
    public let value: Value
    /// The read's window per path, in the order given (`nil`: no meta page to compare).
    public let windows: [ReadWindow?]
    /// How many reads it took.
    public let attempts: Int

    /// Whether the writer committed during the read (the answer is a moment's picture).
    public var isLive: Bool { windows.contains { $0?.isLive == true } }
}

/// Reads a checkpoint that a writer may be changing until one read saw a consistent
/// snapshot (`ReadWindow`), retrying from fresh meta pages until a deadline.
///
/// The body must open everything afresh (map the file, open liblmdb): the file may have
/// grown, and a mapping made for a torn attempt is of no use to the next.
public enum ConsistentRead {
    /// How long a read is retried when the caller does not say: about two seconds.
    public static let defaultWait = 2.0

    /// Runs `body` until it reads a consistent snapshot of every file in `paths`.
    ///
    /// A value is returned when the read was consistent; a value `isFailure` calls a
    /// failure, or an error `body` threw, only when the read also `provesFailure`.
    /// Anything else is retried until `wait` seconds have passed (`0`: one read), while
    /// `canRetry()` allows it (false once output has been written), after `prepareRetry()`.
    /// `began` hears of each attempt right after its first look at the meta pages (a
    /// caller's guard against faults can watch the attempt from there).
    /// - Throws: `CheckpointBusy` when no read was consistent in time, or what `body` threw
    ///   on a read that proves it.
    public static func run<Value>(
        paths: [String], wait: Double, isFailure: (Value) -> Bool = { _ in false },
        canRetry: () -> Bool = { true }, prepareRetry: () -> Void = {}, began: ([MetaSnapshot?]) -> Void = { _ in },
        _ body: ([MetaSnapshot?]) throws -> Value
    ) throws -> ConsistentAnswer<Value> {
        let deadline = monotonicSeconds() + max(0, wait)
        var attempts = 0
        var pause = 0.001
        while true {
            attempts += 1
            let before = paths.map { MetaSnapshot.read(path: $0) }
            began(before)
            TestHook.stopIfReading(paths)
            let result = Result { try body(before) }
            let after = paths.map { MetaSnapshot.read(path: $0) }
            let windows = zip(before, after).map { pair -> ReadWindow? in
                switch pair {
                case (nil, nil): nil
                case (let b, let a):
                    ReadWindow(
                        before: b ?? MetaSnapshot(first: nil, second: nil, fileSize: 0),
                        after: a ?? MetaSnapshot(first: nil, second: nil, fileSize: 0))
                }
            }
            let failed: Bool
            switch result {
            case .success(let value): failed = isFailure(value)
            case .failure: failed = true
            }
            let trusted = windows.allSatisfy { window in
                guard let window else { return true }
                return failed ? window.provesFailure : window.isConsistent
            }
            if trusted {
                return ConsistentAnswer(value: try result.get(), windows: windows, attempts: attempts)
            }
            let now = monotonicSeconds()
            guard now < deadline, canRetry() else {
                let index = windows.firstIndex { $0 != nil && !($0!.isConsistent) } ?? windows.firstIndex { $0 != nil } ?? 0
                let window = windows[index]
                throw CheckpointBusy(
                    path: paths[index], firstTxnid: window?.firstTxnid ?? 0, lastTxnid: window?.lastTxnid ?? 0, attempts: attempts)
            }
            prepareRetry()
            // A short pause lets a writer in mid-commit finish; never past the deadline.
            let sleep = min(pause, deadline - now)
            usleep(UInt32(sleep * 1_000_000))
            pause = min(pause * 2, 0.016)
        }
    }

    /// A test's way to change a file between the two looks of a read, deterministically:
    /// with `LINEAGE_TEST_STOP_IN_READ=NAME` in the environment, a read of a path ending in
    /// NAME stops the process (`SIGSTOP`) right after its first look; the test changes the
    /// file (e.g. advances the transaction ids, as commits would) and sends `SIGCONT`.
    /// Unset, as for every user, it costs one comparison per read.
    enum TestHook {
        /// The name, read once.
        static let stopInRead: String? = getenv("LINEAGE_TEST_STOP_IN_READ").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }

        static func stopIfReading(_ paths: [String]) {
            guard let name = stopInRead, paths.contains(where: { $0.hasSuffix(name) }) else { return }
            raise(SIGSTOP)
        }
    }

    /// Seconds on the monotonic clock (shared by every process on the machine).
    public static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

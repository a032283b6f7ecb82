import Dispatch

/// Resolving one array of udids to ids, shared by two threads: the owner publishes the
/// arrays and takes chunks, a helper that comes free takes chunks too, and the owner
/// returns once every chunk is written. Whichever thread finishes its own work first
/// does most of the resolving, so neither waits for the other longer than one chunk.
final class SharedResolution: @unchecked Sendable {
    private let published = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let lock = DispatchSemaphore(value: 1)
    private var udids = UnsafeBufferPointer<PackedUDID>(start: nil, count: 0)
    private var ids = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    private var chunks = 0
    private var claimed = 0
    private var written = 0
    private var missing = 0
    /// Large enough that claiming costs nothing, small enough that the threads end together.
    private static let chunkSize = 1 << 14

    /// Resolves `udids` into `ids` (of the same count) on this thread and on a thread
    /// that calls `help`, and returns when all are written, with how many udids were not
    /// in the index (see `TaskIndex.resolve`); the buffers need only live until then.
    /// This thread first runs `before` (work of its own, while the helper may already
    /// take chunks), so both threads end in the shared part.
    func run(
        _ udids: UnsafeBufferPointer<PackedUDID>, into ids: UnsafeMutableBufferPointer<Int32>, index: TaskIndex,
        before: () -> Void = {}
    ) -> Int {
        self.udids = udids
        self.ids = ids
        chunks = (udids.count + SharedResolution.chunkSize - 1) / SharedResolution.chunkSize
        published.signal()
        before()
        work(index)
        if chunks > 0 { finished.wait() }
        // The semaphore orders the helper's last count before this read.
        return missing
    }

    /// Says there is nothing to resolve, so a helper returns at once.
    func skip() {
        published.signal()
    }

    /// Waits until the owner calls `run` or `skip`, then takes chunks while any are left.
    func help(index: TaskIndex) {
        published.wait()
        work(index)
    }

    private func work(_ index: TaskIndex) {
        while true {
            lock.wait()
            let chunk = claimed
            guard chunk < chunks else {
                lock.signal()
                return
            }
            claimed += 1
            lock.signal()
            let start = chunk * SharedResolution.chunkSize
            let range = start..<min(udids.count, start + SharedResolution.chunkSize)
            let unknown = index.resolve(UnsafeBufferPointer(rebasing: udids[range]), into: UnsafeMutableBufferPointer(rebasing: ids[range]))
            lock.wait()
            written += 1
            missing += unknown
            let all = written == chunks
            lock.signal()
            if all { finished.signal() }
        }
    }
}

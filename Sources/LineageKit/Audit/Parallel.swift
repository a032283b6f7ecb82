import Dispatch

/// Runs `first` on this thread and `second` on another, and returns both results.
func inParallel<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let slot = ResultSlot<B>()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        slot.value = second()
        done.signal()
    }
    let a = first()
    done.wait()
    // The semaphore orders the write before this read.
    guard let b = slot.value else { preconditionFailure("the second task always stores its result") }
    return (a, b)
}

/// Hands a value from one thread to another; the caller orders the accesses.
final class ResultSlot<Value>: @unchecked Sendable {
    var value: Value?
}

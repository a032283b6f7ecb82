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

/// Starts `work` on another thread; call the returned function to wait until it is done.
func startInBackground(_ work: @escaping @Sendable () -> Void) -> () -> Void {
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        work()
        done.signal()
    }
    return { done.wait() }
}

/// Hands a value from one thread to another; the caller orders the accesses.
final class ResultSlot<Value>: @unchecked Sendable {
    var value: Value?
}

/// A value one thread hands to another that may already be waiting for it; let go once
/// received, so a stream of handoffs holds only those in flight.
/// `@unchecked Sendable`: `value` is written once before the semaphore is signalled and
/// read (then cleared) only after it is waited on, by one receiver.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let ready = DispatchSemaphore(value: 0)

    /// Stores the value and wakes the receiver; call once.
    func publish(_ value: Value) {
        self.value = value
        ready.signal()
    }

    /// Waits for the value; call once, from the receiving thread.
    func receive() -> Value {
        ready.wait()
        // The semaphore orders the write before this read.
        guard let value else { preconditionFailure("publish stores a value before it signals") }
        self.value = nil
        return value
    }
}

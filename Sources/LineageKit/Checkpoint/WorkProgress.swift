/// How far long work has got, reported to a handler the caller supplies (the library
/// never prints). Handlers are called from the working thread, every few thousand
/// entries, so they must be cheap.
public struct WorkProgress: Sendable, Equatable {
    /// What is being done, e.g. "reading out_edges".
    public let phase: String
    /// Units done so far in this phase.
    public let done: Int
    /// Units in the phase, when known.
    public let total: Int?
    /// What is counted: "entries", "pages", "tasks".
    public let unit: String

    /// How often a loop reports: every this many units (a power of two).
    public static let cadence = 65_536

    /// Whether a loop that has done `count` units reports now (every `cadence` units).
    @inline(__always)
    public static func isDue(_ count: Int) -> Bool { count & (cadence - 1) == 0 }

    public init(phase: String, done: Int, total: Int?, unit: String) {
        self.phase = phase
        self.done = done
        self.total = total
        self.unit = unit
    }
}

/// Receives `WorkProgress` reports. `nil` means nobody is listening.
public typealias ProgressHandler = @Sendable (WorkProgress) -> Void

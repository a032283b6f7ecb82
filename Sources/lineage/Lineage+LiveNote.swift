import ArgumentParser
import LineageKit

extension Lineage {
    /// The line `status` and `types --summary` add when the pipeline committed during
    /// their read, so a monitor knows the numbers are a moment's picture; `nil` otherwise.
    static func liveNote<T>(_ answer: ConsistentAnswer<T>) -> String? {
        guard answer.isLive, let window = answer.windows.first ?? nil else { return nil }
        return
            "live: the pipeline is still writing this checkpoint (transaction \(window.firstTxnid) when the read began, \(window.lastTxnid) when it ended); these numbers are a moment's picture."
    }
}

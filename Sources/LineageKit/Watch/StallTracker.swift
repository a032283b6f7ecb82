/// Which parts of a run (the stages of a DAG, the writer files of a Curator checkpoint)
/// stopped moving while others move: for each, when its count last changed.
public struct StallTracker: Sendable {
    /// A part that has not moved for the stall time while another did.
    public struct Stall: Sendable, Equatable {
        /// The part: `stage 2`, or a writer file's name.
        public let name: String
        /// When its count last changed (wall-clock seconds; the first time it was seen if never).
        public let since: Double
    }

    private struct Entry {
        var count: Int
        var changed: Double
        var active: Bool
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    /// Nothing seen yet.
    public init() {}

    /// Takes the counts seen at `time` (wall-clock seconds): every part there is now (a part
    /// not among them is gone, a writer file removed, and forgotten). An `active` part is
    /// one that has work left (a stage with pending tasks); an inactive one is never
    /// called stalled.
    public mutating func update(time: Double, counts: [(name: String, count: Int, active: Bool)]) {
        let present = Set(counts.map(\.name))
        if present.count < entries.count || order.contains(where: { !present.contains($0) }) {
            order.removeAll { !present.contains($0) }
            entries = entries.filter { present.contains($0.key) }
        }
        for part in counts {
            if var entry = entries[part.name] {
                if entry.count != part.count {
                    entry.count = part.count
                    entry.changed = time
                }
                entry.active = part.active
                entries[part.name] = entry
            } else {
                entries[part.name] = Entry(count: part.count, changed: time, active: part.active)
                order.append(part.name)
            }
        }
    }

    /// When `name`'s count last changed, if it was seen.
    public func lastChange(of name: String) -> Double? { entries[name]?.changed }

    /// The active parts whose count has not changed for `seconds` at `time`, in the order
    /// first seen, provided some other part changed within those seconds: a run where
    /// nothing moves is idle, not stalled.
    public func stalled(at time: Double, after seconds: Double) -> [Stall] {
        let still = order.filter { name in
            guard let entry = entries[name] else { return false }
            return entry.active && time - entry.changed >= seconds
        }
        let moving = order.contains { name in (entries[name].map { time - $0.changed < seconds }) ?? false }
        guard moving else { return [] }
        return still.compactMap { name in entries[name].map { Stall(name: name, since: $0.changed) } }
    }
}

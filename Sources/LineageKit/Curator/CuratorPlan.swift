/// What a rerun of NeMo Curator over given file groups will do, decided one group at a
/// time: a group whose source id is in the union of completed sources is skipped, every
/// other group runs. The checkpoint lists only what finished, so the groups come from the
/// user; they are streamed, never held.
public struct CuratorPlan: Sendable {
    /// What the pipeline does with a group on a rerun.
    public enum Action: String, Sendable, Equatable {
        /// Its source id is completed: dropped at the source stage.
        case skip
        /// Not completed: processed again.
        case run
    }

    /// One group's decision.
    public struct Decision: Sendable, Equatable {
        /// The group's source id.
        public let id: CuratorSourceID
        /// Skip or run.
        public let action: Action
    }

    /// The counts once every group has been decided.
    public struct Summary: Sendable, Equatable {
        /// Groups decided.
        public var groups = 0
        /// Groups whose id is completed.
        public var skip = 0
        /// Groups that run.
        public var run = 0
        /// Completed ids that no given group maps to (a completed source outside the given
        /// inputs, paths spelled otherwise than the pipeline saw them, or ids not from file groups).
        public var unmatchedCompleted = 0

        /// Counts as given (all 0 by default).
        public init(groups: Int = 0, skip: Int = 0, run: Int = 0, unmatchedCompleted: Int = 0) {
            self.groups = groups
            self.skip = skip
            self.run = run
            self.unmatchedCompleted = unmatchedCompleted
        }
    }

    /// The completed ids that can equal a file group's id (12 lowercase hex digits), sorted.
    private let completed: [UInt64]
    /// Which of `completed` a group has mapped to.
    private var matched: [Bool]
    private var hasher = CuratorSourceID.Hasher()
    /// The counts so far (`unmatchedCompleted` is kept current).
    public private(set) var summary = Summary()

    /// A plan against `union`, the completed source ids the pipeline reads (duplicates count once).
    /// Cost: parsing and sorting the ids, 9 bytes of memory per id.
    public init(union: some Sequence<String>) {
        var ids: [UInt64] = []
        var others = Set<String>()
        for source in union {
            if let id = CuratorSourceID(source) { ids.append(id.value) } else { others.insert(source) }
        }
        ids.sort()
        var distinct: [UInt64] = []
        distinct.reserveCapacity(ids.count)
        for id in ids where distinct.last != id { distinct.append(id) }
        completed = distinct
        matched = [Bool](repeating: false, count: distinct.count)
        // Ids of another form (positional, random, user-defined) never equal a group's id.
        summary.unmatchedCompleted = distinct.count + others.count
    }

    /// Decides the group `paths` (as given: hashed exactly so), counting it in `summary`.
    public mutating func decide(_ paths: [String]) -> Decision {
        let id = hasher.id(of: paths)
        summary.groups += 1
        guard let index = position(of: id.value) else {
            summary.run += 1
            return Decision(id: id, action: .run)
        }
        summary.skip += 1
        if !matched[index] {
            matched[index] = true
            summary.unmatchedCompleted -= 1
        }
        return Decision(id: id, action: .skip)
    }

    /// Whether `id` is completed, without counting anything.
    public func isCompleted(_ id: CuratorSourceID) -> Bool { position(of: id.value) != nil }

    /// The index of `value` in `completed` (binary search), or `nil`.
    private func position(of value: UInt64) -> Int? {
        var low = 0
        var high = completed.count
        while low < high {
            let middle = (low + high) / 2
            if completed[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < completed.count && completed[low] == value ? low : nil
    }
}

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

    /// The plan over `union` (the completed ids, in any order, repeats allowed).
    public init(union: some Sequence<String>) {
        var ids: [UInt64] = []
        var others = Set<String>()
        for source in union {
            if let id = CuratorSourceID(source) { ids.append(id.value) } else { others.insert(source) }
        }
        self.init(ids: &ids, others: others.count)
    }

    /// The plan over what `checkpoint`'s writers hold (the union the pipeline reads),
    /// straight from their packed lists: no `String` per id. Cost: one pass over the ids
    /// and a radix sort of their 48-bit values.
    public init(_ checkpoint: CuratorCheckpoint) { self.init(lists: checkpoint.readableLists) }

    /// The plan over the ids of `lists` (each writer's, as read). Each half of the lists is
    /// decoded and sorted on a thread of its own; the halves are merged.
    init(lists: [CuratorSourceList]) {
        let half = lists.count / 2
        let (early, late) = inParallel({ Self.sortedIDs(lists[..<half]) }, { Self.sortedIDs(lists[half...]) })
        var distinct: [UInt64] = []
        distinct.reserveCapacity(early.ids.count + late.ids.count)
        var (left, right) = (0, 0)
        while left < early.ids.count || right < late.ids.count {
            let takeLeft = right == late.ids.count || (left < early.ids.count && early.ids[left] <= late.ids[right])
            let value = takeLeft ? early.ids[left] : late.ids[right]
            if takeLeft { left += 1 } else { right += 1 }
            if distinct.last != value { distinct.append(value) }
        }
        self.init(distinct: distinct, others: early.others.union(late.others).count)
    }

    /// The 48-bit values of the file-group ids of `lists`, sorted, and their other ids.
    static func sortedIDs(_ lists: ArraySlice<CuratorSourceList>) -> (ids: [UInt64], others: Set<String>) {
        var ids: [UInt64] = []
        ids.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var others = Set<String>()
        for list in lists {
            for position in list.indices {
                let (high, low) = list.words(position)
                if let value = CuratorSourceID.value(high: high, low: low) { ids.append(value) } else { others.insert(list[position]) }
            }
        }
        radixSort(&ids)
        return (ids, others)
    }

    /// The plan over the 48-bit values of the file-group ids (consumed) and `others` ids of
    /// another form.
    init(ids: inout [UInt64], others: Int) {
        Self.radixSort(&ids)
        var distinct: [UInt64] = []
        distinct.reserveCapacity(ids.count)
        for id in ids where distinct.last != id { distinct.append(id) }
        self.init(distinct: distinct, others: others)
    }

    /// The plan over `distinct` (sorted, each once) and `others` ids of another form.
    init(distinct: [UInt64], others: Int) {
        completed = distinct
        matched = [Bool](repeating: false, count: distinct.count)
        // Ids of another form (positional, random, user-defined) never equal a group's id.
        summary.unmatchedCompleted = distinct.count + others
    }

    /// Sorts 48-bit values in three passes of 16 bits (least significant first).
    static func radixSort(_ values: inout [UInt64]) {
        guard values.count > 64 else {
            values.sort()
            return
        }
        var scratch = [UInt64](repeating: 0, count: values.count)
        for shift in stride(from: UInt64(0), to: 48, by: 16) {
            var counts = [Int](repeating: 0, count: 1 << 16 + 1)
            for value in values { counts[Int(value >> shift & 0xFFFF) + 1] += 1 }
            for digit in 1..<counts.count { counts[digit] += counts[digit - 1] }
            for value in values {
                let digit = Int(value >> shift & 0xFFFF)
                scratch[counts[digit]] = value
                counts[digit] += 1
            }
            swap(&values, &scratch)
        }
    }

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

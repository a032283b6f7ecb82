/// Counts violations of one check exactly and keeps the first few as examples.
struct Tally {
    let limit: Int
    private(set) var count = 0
    private(set) var examples: [Violation] = []

    init(limit: Int) { self.limit = limit }

    /// Counts one violation; builds its message only while examples are still wanted.
    @inline(__always)
    mutating func add(_ example: @autoclosure () -> Violation) {
        count += 1
        if examples.count < limit { examples.append(example()) }
    }

    /// Counts violations that get no example of their own.
    mutating func addWithoutExample(_ n: Int) { count += n }

    mutating func absorb(_ other: Tally) {
        count += other.count
        for example in other.examples where examples.count < limit { examples.append(example) }
    }

    func result(_ id: CheckID, note: String? = nil) -> CheckResult {
        CheckResult(id: id, status: count == 0 ? .passed : .failed, violations: count, examples: examples, note: note)
    }
}

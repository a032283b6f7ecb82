/// Counts the findings of one check exactly and keeps the first few as examples.
struct Tally: Sendable {
    let check: CheckID
    let limit: Int
    private(set) var count = 0
    private(set) var examples: [Finding] = []

    init(_ check: CheckID, limit: Int) {
        self.check = check
        self.limit = limit
    }

    /// Counts one finding; builds its subjects only while examples are still wanted.
    @inline(__always)
    mutating func add(_ problem: @autoclosure () -> Finding.Problem, database: String? = nil, page: UInt64? = nil) {
        count += 1
        if examples.count < limit { examples.append(Finding(check: check, problem: problem(), database: database, page: page)) }
    }

    /// Counts findings that get no example of their own.
    mutating func addWithoutExample(_ n: Int) { count += n }

    mutating func absorb(_ other: Tally) {
        count += other.count
        for example in other.examples where examples.count < limit { examples.append(example) }
    }

    func result(note: CheckNote? = nil) -> CheckResult {
        CheckResult(id: check, status: count == 0 ? .passed : .failed, violations: count, examples: examples, note: note)
    }
}

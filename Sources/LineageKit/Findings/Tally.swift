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
    mutating func add(_ problem: @autoclosure () -> Finding.Problem, file: String? = nil, database: String? = nil, page: UInt64? = nil) {
        count += 1
        if examples.count < limit { examples.append(Finding(check: check, file: file, problem: problem(), database: database, page: page)) }
    }

    /// Counts findings that get no example of their own.
    mutating func addWithoutExample(_ n: Int) { count += n }

    mutating func absorb(_ other: Tally) {
        count += other.count
        for example in other.examples where examples.count < limit { examples.append(example) }
    }

    /// The check's result: passed or failed by the count, or `notRun`, with `notes`.
    func result(notes: [CheckNote] = [], notRun: Bool = false) -> CheckResult {
        CheckResult(id: check, status: notRun ? .notRun : count == 0 ? .passed : .failed, violations: count, examples: examples, notes: notes)
    }
}

/// One check of either format: its id, what it needs of what its verifier read (`Input`:
/// the task graph, or a Curator checkpoint's writer files and manifests), and its
/// judgement. Each format's verifier lists its checks in one registry, in report order,
/// and takes each one's `result(on:)`: a check whose needs are not met is `not_run` with
/// the notes that say why, whichever the format. A new check is one type and one line
/// in its registry.
protocol Check<Input>: Sendable {
    associatedtype Input
    /// The check's stable id.
    var id: CheckID { get }
    /// Why the check cannot run on `input` (what it needs is missing), or `nil`.
    func unmet(in input: Input) -> [CheckNote]?
    /// Runs the check on `input`, whose needs are met: the exact count of findings, the
    /// first few, and remarks.
    func run(_ input: Input) -> CheckResult
}

extension Check {
    /// The check's result on `input`: `not_run` with the reasons when its needs are unmet.
    func result(on input: Input) -> CheckResult {
        if let notes = unmet(in: input) { return CheckResult(id: id, status: .notRun, notes: notes) }
        return run(input)
    }
}

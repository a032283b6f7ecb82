/// Every logical check, in report order (`structure` and `schema` are read from the
/// file's structure by `Verifier` before the graph exists). Adding a check: one file in
/// `Checks/` and one line here.
enum CheckRegistry {
    static let all: [any GraphCheck] = [
        KeyFormatCheck(),
        TypeValuesCheck(),
        EdgeSymmetryCheck(),
        DanglingCheck(),
        TypeConsistencyCheck(),
        SelfLoopCheck(),
        AcyclicCheck(),
        CompletedValuesCheck(),
        CompletedKnownCheck(),
        CompletedClosureCheck(),
    ]
}

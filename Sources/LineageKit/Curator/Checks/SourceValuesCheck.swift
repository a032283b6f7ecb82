/// Every value in `completed_sources` is the one byte `1`: found during each walk.
struct SourceValuesCheck: CuratorCheck {
    let id = CheckID.sourceValues

    func unmet(in reading: CuratorReading) -> [CheckNote]? { needsEntries(reading) }

    func run(_ reading: CuratorReading) -> CheckResult { gathered(reading, \.values) }
}

extension CheckID {
    /// Every value in `completed_sources` is the one byte `1`.
    public static let sourceValues = CheckID("source-values", summary: "every completed_sources value is 1")
}

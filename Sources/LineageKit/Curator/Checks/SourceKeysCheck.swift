/// Every source id is valid UTF-8 without control characters: found during each walk.
struct SourceKeysCheck: CuratorCheck {
    let id = CheckID.sourceKeys

    func unmet(in reading: CuratorReading) -> [CheckNote]? { needsEntries(reading) }

    func run(_ reading: CuratorReading) -> CheckResult { gathered(reading, \.keys) }
}

extension CheckID {
    /// Every source id is valid UTF-8 without control characters.
    public static let sourceKeys = CheckID("source-keys", summary: "every source id is UTF-8 text without control characters")
}

/// No temporary file of an interrupted manifest write is left (a remark, never a failure).
struct SlurmLeftoversCheck: CuratorCheck {
    let id = CheckID.slurmLeftovers

    func unmet(in reading: CuratorReading) -> [CheckNote]? { nil }

    func run(_ reading: CuratorReading) -> CheckResult {
        guard case .folder(_, _, let temporary) = reading.slurm else { return tally(reading).result(notes: [.notJobArray]) }
        return tally(reading).result(notes: temporary.isEmpty ? [] : [.leftovers(temporary)])
    }
}

extension CheckID {
    /// No temporary file of an interrupted manifest write is left (a remark, never a failure).
    public static let slurmLeftovers = CheckID(
        "slurm-leftovers", summary: "leftover temporary manifest files, if any, are harmless and only noted")
}

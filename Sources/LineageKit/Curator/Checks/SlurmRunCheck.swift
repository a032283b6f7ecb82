/// `run.json` is a JSON object with integer fields in range; no manifest lacks it.
struct SlurmRunCheck: CuratorCheck {
    let id = CheckID.slurmRun

    func unmet(in reading: CuratorReading) -> [CheckNote]? { nil }

    func run(_ reading: CuratorReading) -> CheckResult {
        var tally = tally(reading)
        guard case .folder(let run, let manifests, _) = reading.slurm else { return tally.result(notes: [.notJobArray]) }
        if let run {
            _ = SlurmChecks.checkRun(run, into: &tally)
        } else if !manifests.isEmpty {
            tally.add(.runMissing(manifests: manifests.count), file: CuratorSlurm.runFile)
        }
        return tally.result()
    }
}

extension CheckID {
    /// `run.json` is a JSON object with integer fields in range; no manifest lacks it.
    public static let slurmRun = CheckID("slurm-run", summary: "run.json is an object with integer fields in range")
}

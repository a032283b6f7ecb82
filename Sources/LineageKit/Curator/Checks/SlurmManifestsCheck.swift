/// Every completion manifest is one the pipeline's retry helper accepts, under its own name.
struct SlurmManifestsCheck: CuratorCheck {
    let id = CheckID.slurmManifests

    func unmet(in reading: CuratorReading) -> [CheckNote]? { nil }

    func run(_ reading: CuratorReading) -> CheckResult {
        var tally = tally(reading)
        guard case .folder(let runJSON, let manifests, _) = reading.slurm else { return tally.result(notes: [.notJobArray]) }
        // The run's numbers, if usable; its findings are slurm-run's.
        var ignored = Tally(.slurmRun, limit: 0)
        let run = runJSON.flatMap { SlurmChecks.checkRun($0, into: &ignored) }
        for manifest in manifests { SlurmChecks.checkManifest(manifest.json, name: manifest.name, run: run, into: &tally) }
        return tally.result(notes: run == nil && !manifests.isEmpty ? [.noUsableRun] : [])
    }
}

extension CheckID {
    /// Every completion manifest is one the pipeline's retry helper accepts, under its own name.
    public static let slurmManifests = CheckID(
        "slurm-manifests", summary: "every completion manifest is valid, agrees with run.json and is named by its digest")
}

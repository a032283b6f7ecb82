import FoundationEssentials

/// Runs verify's checks on a NeMo Curator checkpoint: every writer file's structure walk
/// (never liblmdb, so no damage can crash it) and contents, then the Slurm manifests.
public enum CuratorAudit {
    /// The checks, in the order they run and are reported.
    static let checks: [any CuratorCheck] = [
        WriterStructureCheck(),
        WriterSchemaCheck(),
        SourceKeysCheck(),
        SourceValuesCheck(),
        SlurmRunCheck(),
        SlurmManifestsCheck(),
        SlurmLeftoversCheck(),
    ]

    /// The checks' ids, in the order they run and are reported.
    public static let checkIDs: [CheckID] = checks.map(\.id)

    /// Audits the checkpoint at `location`. Never throws: an unreadable or damaged writer
    /// file is a `writer-structure` finding and the other files are still checked.
    /// Read-only: no lock file, nothing written. Cost: one walk of every writer file,
    /// memory proportional to the distinct sources. `progress` hears of each writer file read.
    /// A writer file its writer tears every read of for `wait` seconds is listed in
    /// `busyWriters` and left out of the checks.
    public static func verify(
        _ location: CuratorLocation, maxExamples: Int = 5, wait: Double = ConsistentRead.defaultWait, progress: ProgressHandler? = nil
    ) -> VerifyReport {
        let paths = location.writerPaths
        // The Slurm manifests (up to one per shard) are read meanwhile on a thread of their own.
        let slurmRead = ResultSlot<CuratorReading.Slurm>()
        let folder = location.metadataDirectory
        let slurmDone = startInBackground { slurmRead.value = CuratorReading.readSlurm(metadataDirectory: folder) }
        let writers = WriterChecks.readAll(paths, maxExamples: maxExamples, wait: wait, progress: progress)
        slurmDone()
        // The wait orders the write before this read.
        let reading = CuratorReading(writers: writers, slurm: slurmRead.value ?? .notJobArray, maxExamples: maxExamples)
        let counts = VerifyReport.CuratorCounts(
            location: location, writers: paths.count, sources: CuratorStatus.unionCount(reading.writers.map(\.outcome.inspection.writer.sources)),
            damagedWriters: reading.damaged, unreadableWriters: reading.unreadable, busyWriters: reading.busy,
            pipeline: Dictionary(
                reading.writers.filter(\.state.isSkipped).map { ($0.name, $0.outcome.inspection.writer.resume) },
                uniquingKeysWith: { first, _ in first }))
        return VerifyReport(checkpoint: location.path, subject: .curator(counts), checks: checks.map { $0.result(on: reading) })
    }
}

import FoundationEssentials

/// Everything verify found about one NeMo Curator checkpoint.
public struct CuratorAuditReport: Sendable {
    /// Where the checkpoint was read: the path as given, the metadata folder or writer file.
    public let location: CuratorLocation
    /// The path as given.
    public var checkpoint: String { location.path }
    /// Why the path was read as a Curator checkpoint.
    public var reason: CuratorLocation.Reason { location.reason }
    /// Writer files found (`*.mdb` in the metadata folder, or the one file given).
    public let writers: Int
    /// Distinct completed sources over the writers the pipeline reads (the union).
    public let sources: Int
    /// Writer files whose structure is damaged: the pipeline skips them, their sources run again.
    public let damagedWriters: [String]
    /// Writer files that cannot be opened or are not LMDB: skipped as well.
    public let unreadableWriters: [String]
    /// Writer files no consistent read of was possible within the wait: their writer is
    /// at work; nothing read from them is reported (`Docs/Concurrency.md`).
    public let busyWriters: [String]
    /// One result per check, in `CuratorAudit.checkIDs` order.
    public let checks: [CheckResult]

    /// True when every check passed and every writer file was read.
    public var ok: Bool { checks.allSatisfy(\.passed) && busyWriters.isEmpty }

    /// True when a writer file is damaged or unreadable (verify exits 2 then).
    public var writersFailed: Bool { !damagedWriters.isEmpty || !unreadableWriters.isEmpty }

    /// The result of `id`.
    public subscript(id: CheckID) -> CheckResult? { checks.first { $0.id == id } }
}

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
    ) -> CuratorAuditReport {
        let paths = location.writerPaths
        // The Slurm manifests (up to one per shard) are read meanwhile on a thread of their own.
        let slurmRead = ResultSlot<CuratorReading.Slurm>()
        let folder = location.metadataDirectory
        let slurmDone = startInBackground { slurmRead.value = CuratorReading.readSlurm(metadataDirectory: folder) }
        let writers = WriterChecks.readAll(paths, maxExamples: maxExamples, wait: wait, progress: progress)
        slurmDone()
        // The wait orders the write before this read.
        let reading = CuratorReading(writers: writers, slurm: slurmRead.value ?? .notJobArray, maxExamples: maxExamples)
        return CuratorAuditReport(
            location: location, writers: paths.count, sources: CuratorStatus.unionCount(reading.sound.map(\.outcome.inspection.writer.sources)),
            damagedWriters: reading.damaged, unreadableWriters: reading.unreadable, busyWriters: reading.busy,
            checks: checks.map { $0.result(on: reading) })
    }
}

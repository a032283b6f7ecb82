import FoundationEssentials

/// A NeMo Curator checkpoint read whole: every writer file, the union of their completed
/// sources, and (for job arrays) the Slurm manifests and failed-task markers. Read-only:
/// no lock file, no byte or mtime changed.
public struct CuratorCheckpoint: Sendable {
    /// Where the checkpoint is and why it was detected as one.
    public let location: CuratorLocation
    /// Every writer file (`*.mdb` directly in the metadata folder, sorted by name, hidden
    /// names left out as the pipeline's glob leaves them out; or the one file given).
    public let writers: [CuratorWriter]
    /// The Slurm state; `nil` when there is no `run.json`.
    public let slurm: CuratorSlurm?
    /// A `run.json` that cannot be used, when there is one.
    public let slurmProblem: CuratorSlurm.Problem?
    /// The failed-task markers, sorted.
    public let failedAttempts: [CuratorFailedAttempt]
    /// Without a usable `run.json`: the shards whose completion manifests say they
    /// finished (`CuratorSlurm.completedWithoutRun`); empty otherwise.
    public var completedWithoutRun: Set<Int> = []

    /// Reads the checkpoint at `location`. Never throws: an unreadable writer file is a
    /// writer state, a missing folder gives no writers. Each writer file is read
    /// consistently beside its writer, retried for up to `wait` seconds; after that its
    /// state is `.busy` (`Docs/Concurrency.md`).
    /// `progress` hears of each writer file read. Without `slurm` the Slurm manifests and
    /// failed-task markers are not read (`sources`, `show`, `plan` need only the writers).
    public static func read(
        _ location: CuratorLocation, wait: Double = ConsistentRead.defaultWait, slurm readsSlurm: Bool = true, progress: ProgressHandler? = nil
    ) -> CuratorCheckpoint {
        let paths = location.writerPaths
        guard readsSlurm else {
            let writers = readWriters(paths, wait: wait, progress: progress)
            return CuratorCheckpoint(location: location, writers: writers, slurm: nil, slurmProblem: nil, failedAttempts: [])
        }
        return read(location) { readWriters(paths, wait: wait, progress: progress) }
    }

    /// The checkpoint at `location` with its writer files read by `readWriters` (as `read`
    /// would give them), while the Slurm manifests and failed-task markers (up to one per
    /// shard) are read on a thread of their own.
    public static func read(_ location: CuratorLocation, readingWriters readWriters: () -> [CuratorWriter]) -> CuratorCheckpoint {
        guard let folder = location.metadataDirectory else {
            return CuratorCheckpoint(location: location, writers: readWriters(), slurm: nil, slurmProblem: nil, failedAttempts: [])
        }
        let manifests = ResultSlot<(Result<CuratorSlurm, CuratorSlurm.Problem>?, [CuratorFailedAttempt], Set<Int>)>()
        let manifestsRead = startInBackground {
            let result = CuratorSlurm.readResult(metadataDirectory: folder)
            let attempts = CuratorFailedAttempt.read(metadataDirectory: folder)
            // Without a usable run.json the manifests still say which shards finished.
            let withoutRun: Set<Int> =
                if case .success? = result { [] } else { attempts.isEmpty ? [] : CuratorSlurm.completedWithoutRun(metadataDirectory: folder) }
            manifests.value = (result, attempts, withoutRun)
        }
        let writers = readWriters()
        manifestsRead()
        // The wait orders the write before this read.
        let (result, failedAttempts, withoutRun) = manifests.value ?? (nil, [], [])
        var slurm: CuratorSlurm?
        var problem: CuratorSlurm.Problem?
        switch result {
        case .success(let read)?: slurm = read
        case .failure(let failure)?: problem = failure
        case nil: break
        }
        var checkpoint = CuratorCheckpoint(
            location: location, writers: writers, slurm: slurm, slurmProblem: problem, failedAttempts: failedAttempts)
        checkpoint.completedWithoutRun = withoutRun
        return checkpoint
    }

    /// The writer files at `paths`, in order, read on two threads (each half of the files:
    /// one file's walk is independent of the others).
    static func readWriters(_ paths: [String], wait: Double, progress: ProgressHandler?) -> [CuratorWriter] {
        let half = paths.count / 2
        let counter = FilesRead(total: paths.count, progress: progress)
        let (early, late) = inParallel(
            { paths[..<half].map { path in counter.reading { CuratorWriter.read(path: path, wait: wait) } } },
            { paths[half...].map { path in counter.reading { CuratorWriter.read(path: path, wait: wait) } } })
        return early + late
    }

    /// Every completed source id and the writers (file names, in writer order) holding it,
    /// over the writers the pipeline reads (unreadable and damaged ones are skipped), sorted
    /// by id (byte order). Builds the whole list: `forEachSource` streams it instead.
    public var holders: [(source: String, writers: [String])] {
        var list: [(source: String, writers: [String])] = []
        forEachSource { source, holding in list.append((source, holding.map { writers[$0].name })) }
        return list
    }

    /// The union of completed sources the pipeline sees on a restart, sorted (byte order).
    public var union: [String] {
        var list: [String] = []
        forEachSource { source, _ in list.append(source) }
        return list
    }

    /// The writer files their writers committed to during a consistent read: the run is
    /// still being written, the numbers are a moment's picture.
    public var liveWriters: [CuratorWriter] { writers.filter { $0.live != nil } }

    /// The writer files no consistent read of was possible: their writers are at work.
    public var busyWriters: [CuratorWriter] { writers.filter(\.state.isBusy) }

    /// The writers the pipeline skips (`lmdb.open` fails on them): their sources run again.
    public var skippedWriters: [CuratorWriter] { writers.filter(\.isSkippedByPipeline) }

    /// The writers the pipeline's start fails on, or may: the resumed run does not start
    /// while they are in the folder.
    public var blockingWriters: [CuratorWriter] { writers.filter(\.blocksResume) }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a Curator checkpoint again and again for `lineage watch`, re-reading only the
/// writer files that changed (by size, modification time and transaction id) and keeping
/// the last whole read of a file written too fast for one, with its count from its
/// record (`RecordTotals`).
public struct CuratorWatchReader: Sendable {
    /// One reading: the checkpoint as `status` reads it, and per writer file the count and
    /// identity the watch shows.
    public struct Reading: Sendable {
        /// The writer files (whole reads, or the last one of a busy file) and the Slurm manifests.
        public let checkpoint: CuratorCheckpoint
        /// Per writer file, by name: its progress now.
        public let writers: [WatchSnapshot.Writer]
        /// Whether every writer file's keys are of this moment (no busy file): the union is current.
        public let isCurrent: Bool
        /// Whether any writer file was read again, appeared or went since the last reading:
        /// when none was, the union and the groups' counts are those of the last reading.
        public let changed: Bool
    }

    private struct Identity: Equatable, Sendable {
        let size: Int
        let modified: Double
        let txnid: UInt64?
    }

    private struct Cached: Sendable {
        let identity: Identity
        let writer: CuratorWriter
    }

    /// The checkpoint.
    public let location: CuratorLocation
    /// How long one file's whole read is retried beside its writer.
    public let wait: Double
    private var cache: [String: Cached] = [:]
    private var seen: Set<String> = []
    /// The files that appeared after the first reading.
    private var appeared: Set<String> = []
    private var lastPaths: [String] = []
    private var readings = 0

    /// A reader of `location`, whose whole reads of a writer file are retried for `wait` seconds.
    public init(location: CuratorLocation, wait: Double) {
        self.location = location
        self.wait = wait
    }

    /// What one file looked like: its identity, and a new read of it when it changed.
    private struct Look: Sendable {
        let path: String
        let identity: Identity?
        /// `nil`: unchanged since it was cached.
        let read: CuratorWriterRead?
        /// For a busy file: its record's count.
        let recordCount: Int?
    }

    /// Looks at the file at `path`: its identity, and a whole read unless `cached` is of it.
    ///
    /// The identity is taken before the read (a change after it makes the next look differ):
    /// size and modification time from `stat`, then the transaction id, from the meta
    /// pages when the size and time match the cache, else from the read's own first look.
    private static func look(_ path: String, cached: Cached?, wait: Double) -> Look {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let read = CuratorWriter.readConsistently(path: path, wait: wait)
            return Look(path: path, identity: nil, read: read, recordCount: nil)
        }
        let size = Int(info.st_size)
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        if let cached, cached.identity.size == size, cached.identity.modified == modified {
            // Same size and time; a file system with coarse times can hide a commit: ask the meta pages.
            let identity = Identity(size: size, modified: modified, txnid: MetaSnapshot.read(path: path)?.txnid)
            if identity == cached.identity { return Look(path: path, identity: identity, read: nil, recordCount: nil) }
        }
        let (read, transaction) = CuratorWriter.readConsistentlyNotingTransaction(path: path, wait: wait)
        var count: Int?
        var newest = transaction
        if case .busy(let busy) = read {
            count = (try? RecordTotals.readConsistently(path: path, wait: 0.05))?.value.entries(CuratorWriter.databaseName)
            newest = busy.lastTxnid
        }
        return Look(path: path, identity: Identity(size: size, modified: modified, txnid: newest), read: read, recordCount: count)
    }

    /// Reads every writer file that changed since the last reading, the rest from memory,
    /// and the Slurm manifests, the files on two threads (as `status` reads them). Never
    /// throws (a file's problem is its state).
    public mutating func read() -> Reading {
        readings += 1
        var rows: [WatchSnapshot.Writer] = []
        var current = true
        var changed = false
        let checkpoint = CuratorCheckpoint.read(location) { readWriters(rows: &rows, current: &current, changed: &changed) }
        return Reading(checkpoint: checkpoint, writers: rows, isCurrent: current, changed: changed)
    }

    /// The writer files of one reading, looked at on two threads; their rows, whether any is
    /// busy (the union is then partly remembered) and whether any changed.
    private mutating func readWriters(rows: inout [WatchSnapshot.Writer], current: inout Bool, changed: inout Bool) -> [CuratorWriter] {
        let paths = location.writerPaths
        changed = paths != lastPaths
        lastPaths = paths
        let known = cache
        let wait = self.wait
        let half = paths.count / 2
        let (early, late) = inParallel(
            { paths[..<half].map { Self.look($0, cached: known[$0], wait: wait) } },
            { paths[half...].map { Self.look($0, cached: known[$0], wait: wait) } })
        var writers: [CuratorWriter] = []
        for look in early + late {
            let name = CuratorLocation.lastComponent(of: look.path)
            if readings > 1, !seen.contains(name) { appeared.insert(name) }
            seen.insert(name)
            var writer: CuratorWriter
            var count: Int?
            switch look.read {
            case nil:
                writer =
                    known[look.path]?.writer
                    ?? CuratorWriter.busy(path: look.path, CheckpointBusy(path: look.path, firstTxnid: 0, lastTxnid: 0, attempts: 0))
                count = writer.state.isSkipped ? nil : writer.sources.count
            case .consistent(let read)?:
                changed = true
                writer = read
                count = read.state.isSkipped ? nil : read.sources.count
                if let identity = look.identity { cache[look.path] = Cached(identity: identity, writer: read) }
            case .busy(let busy)?:
                changed = true
                current = false
                // The keys of its last whole read, if any, stand in for the union; its count is its record's.
                writer = known[look.path]?.writer ?? CuratorWriter.busy(path: look.path, busy)
                count = look.recordCount
            }
            writers.append(writer)
            rows.append(
                WatchSnapshot.Writer(
                    name: name, completed: count, transaction: look.identity?.txnid, modified: look.identity?.modified,
                    pipeline: writer.pipelineLabel, isNew: appeared.contains(name)))
        }
        // Files gone from the folder leave the cache.
        if cache.count > paths.count {
            let present = Set(paths)
            cache = cache.filter { present.contains($0.key) }
        }
        return writers
    }
}

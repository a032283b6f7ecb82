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

    private struct Identity: Equatable {
        let size: Int
        let modified: Double
        let txnid: UInt64?
    }

    private struct Cached {
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

    /// Reads every writer file that changed since the last reading, the rest from memory,
    /// and the Slurm manifests. Never throws (a file's problem is its state).
    public mutating func read() -> Reading {
        readings += 1
        var writers: [CuratorWriter] = []
        var rows: [WatchSnapshot.Writer] = []
        var current = true
        let paths = location.writerPaths
        var changed = paths != lastPaths
        lastPaths = paths
        for path in paths {
            let name = CuratorLocation.lastComponent(of: path)
            var info = stat()
            let identity: Identity? =
                stat(path, &info) == 0
                ? Identity(
                    size: Int(info.st_size), modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
                    txnid: MetaSnapshot.read(path: path)?.txnid) : nil
            if readings > 1, !seen.contains(name) { appeared.insert(name) }
            seen.insert(name)
            let isNew = appeared.contains(name)
            var writer: CuratorWriter
            var count: Int?
            if let identity, let cached = cache[path], cached.identity == identity {
                writer = cached.writer
                count = writer.state.isSkipped ? nil : writer.sources.count
            } else {
                changed = true
                switch CuratorWriter.readConsistently(path: path, wait: wait) {
                case .consistent(let read):
                    writer = read
                    count = read.state.isSkipped ? nil : read.sources.count
                    if let identity { cache[path] = Cached(identity: identity, writer: read) }
                case .busy(let busy):
                    current = false
                    // The keys of its last whole read, if any, stand in for the union; its count is its record's.
                    writer = cache[path]?.writer ?? CuratorWriter.busy(path: path, busy)
                    count = (try? RecordTotals.readConsistently(path: path, wait: 0.05))?.value.entries(CuratorWriter.databaseName)
                }
            }
            writers.append(writer)
            rows.append(
                WatchSnapshot.Writer(
                    name: name, completed: count, transaction: identity?.txnid, modified: identity?.modified,
                    pipeline: writer.pipelineLabel, isNew: isNew))
        }
        let checkpoint = CuratorCheckpoint.read(location, writers: writers)
        return Reading(checkpoint: checkpoint, writers: rows, isCurrent: current, changed: changed)
    }
}

import FoundationEssentials

/// One writer process's LMDB file in a Curator checkpoint and the sources it completed,
/// read through the structure walk (never liblmdb, never a lock file).
public struct CuratorWriter: Sendable, Equatable {
    /// The one named sub-database of a writer file.
    public static let databaseName = CuratorLocation.writerDatabase
    /// The value the pipeline stores under every completed source id: the one byte `1`.
    public static let completedValue: UInt8 = 0x31

    /// What reading the file gave.
    public enum State: Sendable, Equatable {
        /// The sub-database holds at least one completed source.
        case ok
        /// The sub-database exists and holds nothing.
        case empty
        /// The file has no `completed_sources` sub-database: nothing completed.
        case noSubDatabase
        /// The file cannot be opened or is not LMDB.
        case unreadable(String)
        /// The structure walk found damage. What the pipeline still reads of it is `resume`.
        case damaged(StructureFinding)
        /// Its writer kept committing: no read within the wait saw one consistent state
        /// (`Docs/Concurrency.md`), so nothing read from it is reported. Not damage.
        case busy(CheckpointBusy)

        /// The state as the writers table shows it.
        public var label: String {
            switch self {
            case .ok: "ok"
            case .empty: "empty"
            case .noSubDatabase: "no sub-database"
            case .unreadable(let reason): "unreadable: \(reason)"
            case .damaged(let finding): "damaged: \(finding.code)"
            case .busy(let busy): "busy: transaction \(busy.firstTxnid) -> \(busy.lastTxnid) during the read"
            }
        }

        /// Whether the structure walk could not read the file whole (unreadable or damaged):
        /// verify leaves its entries out.
        public var isSkipped: Bool {
            switch self {
            case .unreadable, .damaged: true
            case .ok, .empty, .noSubDatabase, .busy: false
            }
        }

        /// Whether no consistent read of the file was possible (its writer is at work).
        public var isBusy: Bool {
            if case .busy = self { true } else { false }
        }
    }

    /// The file name (`<hostname>-<pid>.mdb` by default).
    public let name: String
    /// The file's path.
    public let path: String
    /// The file's size in bytes; `nil` when it could not be opened.
    public let size: Int?
    /// What reading the file gave.
    public let state: State
    /// What the pipeline's reader does with the file on a restart (`ReaderModel`).
    public let resume: ReaderModel.Outcome
    /// The completed source ids the pipeline's reader gets from the file, in byte order,
    /// each once; empty unless `resume` is `.read`. Kept packed: reading an element makes
    /// its `String`.
    public let sources: CuratorSourceList
    /// When its writer committed during the (consistent) read: the newest transaction when
    /// the read began and when it ended; `nil` for a file read while nobody wrote it.
    public internal(set) var live: LiveWindow? = nil
    /// For a file of which no consistent whole read was possible (`.busy`): the completed
    /// sources its `completed_sources` record counts (`RecordTotals`), when that tiny read
    /// was consistent; `nil` otherwise and for every other file. Its keys are not known.
    public internal(set) var recordCount: Int? = nil

    /// The transaction ids around a read its writer committed during.
    public struct LiveWindow: Sendable, Equatable {
        /// The newest committed transaction when the read began.
        public let first: UInt64
        /// The newest committed transaction when the read ended.
        public let last: UInt64
    }

    /// Reads the writer file at `path`; never throws: a failure is the writer's state.
    /// Cost: one walk of the file's trees and one replay of the pipeline's cursor.
    public static func read(path: String) -> CuratorWriter { inspect(path: path, visit: nil).writer }

    /// What reading a writer file gave verify: the writer, the structure walk's whole report
    /// (`nil` when the file could not be walked) and the sub-databases its main DB names.
    struct Inspection {
        let writer: CuratorWriter
        let structure: StructureReport?
        let databases: [NamedDatabase]
    }

    /// Reads the writer file at `path` as `read(path:)` does, also handing every entry of
    /// `completed_sources` the structure walk meets to `visit` (raw bytes, valid during the
    /// call only) and keeping the structure report. Nothing is read through liblmdb: the
    /// sources are those `ReaderModel` predicts the pipeline reads.
    static func inspect(path: String, visit: EntryVisitor?) -> Inspection {
        let name = CuratorLocation.lastComponent(of: path)
        // The pipeline opens every *.mdb with subdir=False: a directory of that name fails
        // to open (liblmdb's open of a directory), so the pipeline skips it.
        var isDirectory = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
            let writer = CuratorWriter(
                name: name, path: path, size: nil, state: .unreadable("a directory, not a file"),
                resume: .skipped("lmdb.open raises: it is a directory"), sources: CuratorSourceList())
            return Inspection(writer: writer, structure: nil, databases: [])
        }
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            let writer = CuratorWriter(
                name: name, path: path, size: nil, state: .unreadable(error.description),
                resume: .skipped("lmdb.open raises: \(error.description)"), sources: CuratorSourceList())
            return Inspection(writer: writer, structure: nil, databases: [])
        }
        let size = file.bytes.count
        let walker = StructureWalker(file: file)
        let model = ReaderModel(bytes: file.bytes)
        // The pipeline's reading of a file the walk did not read whole: the model replays it.
        func predicted() -> (ReaderModel.Outcome, CuratorSourceList) {
            var keys = CuratorSourceList()
            let outcome = model.predict { key in _ = keys.append(key) }
            if case .read = outcome { return (outcome, keys.sortedUnique()) }
            return (outcome, CuratorSourceList())
        }
        func result(_ state: State, _ structure: StructureReport? = nil, _ read: (ReaderModel.Outcome, CuratorSourceList)) -> Inspection {
            Inspection(
                writer: CuratorWriter(name: name, path: path, size: size, state: state, resume: read.0, sources: read.1),
                structure: structure, databases: walker.databases)
        }
        if isNeverCommitted(walker) { return result(.noSubDatabase, nil, predicted()) }
        switch walker.metaCheck.notCheckpointReason {
        case .notLMDB?: return result(.unreadable("not an LMDB file"), nil, predicted())
        case .noMetaPage?, .unsupportedVersion?: return result(.unreadable("no usable meta page"), nil, predicted())
        case .damaged?, nil: break
        }
        var sources = CuratorSourceList()
        var entries = 0
        var allUTF8 = true
        // Every tree is walked, so a page no tree reaches is found whichever databases exist.
        var walks = [walker.walkFreeList()]
        for named in walker.databases {
            if named.name == databaseName {
                // Room for the entries the record claims, as far as the file could hold them
                // (an entry takes 12 bytes at least) and up to 4 M ids; past that the list grows.
                sources.reserve(Int(min(named.record.entries, UInt64(size / 12), 1 << 22)))
                walks.append(
                    walker.walk(database: named.name) { key, value in
                        entries += 1
                        if !sources.append(key) { allUTF8 = false }
                        visit?(key, value)
                    })
            } else {
                walks.append(walker.walk(database: named.name) { _, _ in })
            }
        }
        let report = walker.report(combining: walks)
        if let first = report.findings.first { return result(.damaged(first), report, predicted()) }
        guard walker.databases.contains(where: { $0.name == databaseName }) else { return result(.noSubDatabase, report, predicted()) }
        // A sound file whose keys are all UTF-8: the pipeline reads exactly the walk's keys,
        // in order; only its open and open_db are replayed.
        guard allUTF8 else { return result(entries == 0 ? .empty : .ok, report, predicted()) }
        let outcome = model.predict(walked: entries) { _ in }
        if case .read = outcome {
            return result(entries == 0 ? .empty : .ok, report, (outcome, sources))
        }
        return result(entries == 0 ? .empty : .ok, report, (outcome, CuratorSourceList()))
    }

    /// Whether the file is as LMDB creates it before the first commit (both meta pages at
    /// transaction 0, an empty main DB): its writer died before opening the sub-database.
    static func isNeverCommitted(_ walker: StructureWalker) -> Bool {
        guard walker.metaCheck.findings.count == 1, let finding = walker.metaCheck.findings.first,
            case .transactionsNotConsecutive(0, 0) = finding.detail
        else { return false }
        return walker.databases.isEmpty && walker.mainWalk.findings.isEmpty
    }
}

/// Everything verify found about one checkpoint of either format: what was read (the
/// format's own counts, the one place the formats differ) and one result per check. The
/// renderers take this one type.
public struct VerifyReport: Sendable {
    /// The path as given.
    public let checkpoint: String
    /// What was read.
    public var subject: Subject
    /// One result per check, in the format's report order (`Verifier.checkIDs`,
    /// `CuratorAudit.checkIDs`).
    public var checks: [CheckResult]

    /// What was read, by format.
    public enum Subject: Sendable {
        case dag(DAGCounts)
        case curator(CuratorCounts)
    }

    /// A task-lineage DAG file's entries.
    public struct DAGCounts: Sendable, Equatable {
        /// Entries in `task_type` (0 when it could not be read).
        public var tasks: Int
        /// Entries in `out_edges` (0 when it could not be read).
        public var edges: Int
        /// Tasks marked completed.
        public var completed: Int

        public init(tasks: Int, edges: Int, completed: Int) {
            self.tasks = tasks
            self.edges = edges
            self.completed = completed
        }
    }

    /// A NeMo Curator checkpoint's writer files and sources.
    public struct CuratorCounts: Sendable, Equatable {
        /// Where the checkpoint was read: the path as given, the metadata folder or writer file.
        public let location: CuratorLocation
        /// Writer files found (`*.mdb` in the metadata folder, or the one file given).
        public let writers: Int
        /// Distinct completed sources over the writers the pipeline reads (the union).
        public let sources: Int
        /// Writer files whose structure is damaged (what the pipeline still reads of them is
        /// in `pipeline`).
        public let damagedWriters: [String]
        /// Writer files that cannot be opened or are not LMDB.
        public let unreadableWriters: [String]
        /// What the pipeline's start does with each damaged or unreadable writer file, by name.
        public let pipeline: [String: ReaderModel.Outcome]
        /// Writer files no consistent read of was possible within the wait: their writer is
        /// at work; nothing read from them is reported (`Docs/Concurrency.md`).
        public let busyWriters: [String]

        public init(
            location: CuratorLocation, writers: Int, sources: Int, damagedWriters: [String], unreadableWriters: [String], busyWriters: [String],
            pipeline: [String: ReaderModel.Outcome] = [:]
        ) {
            self.pipeline = pipeline
            self.location = location
            self.writers = writers
            self.sources = sources
            self.damagedWriters = damagedWriters
            self.unreadableWriters = unreadableWriters
            self.busyWriters = busyWriters
        }
    }

    public init(checkpoint: String, subject: Subject, checks: [CheckResult]) {
        self.checkpoint = checkpoint
        self.subject = subject
        self.checks = checks
    }

    /// The DAG file's counts; `nil` for a Curator checkpoint.
    public var dag: DAGCounts? { if case .dag(let counts) = subject { counts } else { nil } }

    /// The Curator checkpoint's counts; `nil` for a DAG file.
    public var curator: CuratorCounts? { if case .curator(let counts) = subject { counts } else { nil } }

    /// True when every check passed and every part was read.
    public var ok: Bool { checks.allSatisfy(\.passed) && (curator?.busyWriters.isEmpty ?? true) }

    /// The result of `id`.
    public subscript(id: CheckID) -> CheckResult? { checks.first { $0.id == id } }

    /// True when the file's structure (a DAG file's) could not be trusted.
    public var structureFailed: Bool { self[.structure]?.status == .failed }

    /// The verdict: for a DAG file, DAMAGED when its structure failed and UNREADABLE when
    /// it is LMDB but not a lineage checkpoint (the schema check failed); for a Curator
    /// checkpoint, DAMAGED or UNREADABLE when a writer file is, else BUSY when a writer
    /// file was being written.
    public var verdict: Verdict {
        if ok { return .ok }
        switch subject {
        case .dag:
            if structureFailed { return .damaged }
            return self[.schema]?.status == .failed ? .unreadable : .failed
        case .curator(let counts):
            if !counts.damagedWriters.isEmpty { return .damaged }
            if !counts.unreadableWriters.isEmpty { return .unreadable }
            return counts.busyWriters.isEmpty ? .failed : .busy
        }
    }
}

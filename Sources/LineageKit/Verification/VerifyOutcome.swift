/// What `verify` found at one path: a report of either format, or why there is none.
public enum VerifyOutcome: Sendable {
    /// A task-lineage DAG file was read and checked.
    case dag(AuditReport)
    /// A NeMo Curator checkpoint was read and checked.
    case curator(CuratorAuditReport)
    /// The path could not be read as a checkpoint at all.
    case unreadable(path: String, reason: Unreadable)
    /// No read of the file was consistent within the wait: the pipeline is writing it.
    case busy(CheckpointBusy)

    /// Why a path gave no report.
    public enum Unreadable: Sendable, Equatable {
        /// Missing, no permission, not LMDB, a directory without data.mdb...
        case checkpoint(CheckpointError)
        /// Read as a Curator checkpoint (forced) but there is no metadata folder in it.
        case noMetadataFolder(CuratorLocation.Reason)
    }

    /// The path as given.
    public var path: String {
        switch self {
        case .dag(let report): report.checkpoint
        case .curator(let report): report.checkpoint
        case .unreadable(let path, _): path
        case .busy(let busy): busy.path
        }
    }

    /// The verdict: for a DAG file, DAMAGED when its structure failed and UNREADABLE when
    /// it is LMDB but not a lineage checkpoint (the schema check failed); for a Curator
    /// checkpoint, BUSY when a writer file was being written and none is damaged or
    /// unreadable, else DAMAGED or UNREADABLE when a writer file is.
    public var verdict: Verdict {
        switch self {
        case .dag(let report):
            if report.ok { return .ok }
            if report.structureFailed { return .damaged }
            return report[.schema]?.status == .failed ? .unreadable : .failed
        case .curator(let report):
            if report.ok { return .ok }
            if !report.damagedWriters.isEmpty { return .damaged }
            if !report.unreadableWriters.isEmpty { return .unreadable }
            return report.busyWriters.isEmpty ? .failed : .busy
        case .unreadable: return .unreadable
        case .busy: return .busy
        }
    }
}

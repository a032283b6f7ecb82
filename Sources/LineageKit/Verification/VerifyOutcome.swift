/// What `verify` found at one path: a report of either format, or why there is none.
public enum VerifyOutcome: Sendable {
    /// The checkpoint (a DAG file or a NeMo Curator checkpoint) was read and checked.
    case report(VerifyReport)
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
        case .report(let report): report.checkpoint
        case .unreadable(let path, _): path
        case .busy(let busy): busy.path
        }
    }

    /// The verdict (`VerifyReport.verdict` for a report).
    public var verdict: Verdict {
        switch self {
        case .report(let report): return report.verdict
        case .unreadable: return .unreadable
        case .busy: return .busy
        }
    }
}

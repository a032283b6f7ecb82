/// What `verify` concludes about one checkpoint, the same words for both formats.
public enum Verdict: String, Sendable, CaseIterable {
    /// Every check passed.
    case ok = "OK"
    /// The file is readable and sound as LMDB, but a check of the format's rules failed.
    case failed = "FAILED"
    /// The pipeline kept committing during every read within the wait: not damage.
    case busy = "BUSY"
    /// The path cannot be read as such a checkpoint at all (missing, not LMDB, not a
    /// lineage checkpoint, or a Curator writer file that cannot be opened).
    case unreadable = "UNREADABLE"
    /// The LMDB structure is broken (a file, or a Curator writer file), proven on a stable read.
    case damaged = "DAMAGED"

    /// How bad it is, for the worst of several: OK 0, FAILED 1, BUSY 2, UNREADABLE and
    /// DAMAGED 3 (nothing from the file can be trusted, whoever wrote it).
    public var severity: Int {
        switch self {
        case .ok: 0
        case .failed: 1
        case .busy: 2
        case .unreadable, .damaged: 3
        }
    }

    /// The worse of the two; the first of two equally bad.
    public func worse(_ other: Verdict) -> Verdict { other.severity > severity ? other : self }

    /// The worst of `verdicts`; OK for none.
    public static func worst(_ verdicts: some Sequence<Verdict>) -> Verdict { verdicts.reduce(.ok) { $0.worse($1) } }
}

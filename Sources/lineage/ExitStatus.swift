import LineageKit

/// The exit statuses of every command, in one place (README, "Exit codes").
enum ExitStatus {
    /// Success; for `verify`, every checkpoint is sound.
    static let success: Int32 = 0
    /// A question answered no: not found, ambiguous, over a limit, a check failed, the
    /// run is incomplete (`--fail-if-incomplete`), two checkpoints differ.
    static let no: Int32 = 1
    /// A checkpoint cannot be read (missing, not LMDB, not a lineage checkpoint) or its
    /// structure is damaged; also a file that cannot be written.
    static let unreadable: Int32 = 2
    /// A usage error (`EX_USAGE` of sysexits.h).
    static let usage: Int32 = 64
    /// The pipeline was writing the checkpoint too fast for a consistent read within
    /// `--wait` (`EX_TEMPFAIL` of sysexits.h): not damage, try again.
    static let busy: Int32 = 75

    /// The status of a `verify` verdict.
    static func of(_ verdict: Verdict) -> Int32 {
        switch verdict {
        case .ok: success
        case .failed: no
        case .busy: busy
        case .unreadable, .damaged: unreadable
        }
    }
}

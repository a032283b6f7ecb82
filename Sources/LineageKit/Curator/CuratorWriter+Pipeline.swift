/// How the pipeline's start treats a writer file, in the words the commands use.
extension CuratorWriter {
    /// Whether `lmdb.open` fails on the file: the pipeline skips it with a log warning and
    /// the sources it completed run again.
    public var isSkippedByPipeline: Bool {
        if state.isBusy { return false }
        if case .skipped = resume { return true }
        return false
    }

    /// Whether the pipeline's start fails on the file, or may (the model cannot decide):
    /// the resumed run stops before any stage while the file is in the folder.
    public var blocksResume: Bool {
        if state.isBusy { return false }
        switch resume {
        case .failsResume, .undecided: return true
        case .skipped, .noDatabase, .read: return false
        }
    }

    /// Whether the model is sure the pipeline's start fails on the file (not merely may).
    public var failsResumeSurely: Bool {
        if state.isBusy { return false }
        if case .failsResume = resume { return true }
        return false
    }

    /// Whether a command's answer on this checkpoint must end with exit 2: the file is
    /// damaged or unreadable, or the pipeline skips it, or its start fails on it.
    public var needsAttention: Bool { state.isSkipped || isSkippedByPipeline || blocksResume }

    /// The pipeline's use of the file as one word: `reads`, `nothing` (no sub-database),
    /// `skips`, `FAILS` (the resume), `may fail`; `-` when no consistent read was possible.
    public var pipelineLabel: String {
        if state.isBusy { return "-" }
        switch resume {
        case .read: return "reads"
        case .noDatabase: return "nothing"
        case .skipped: return "skips"
        case .failsResume: return "FAILS"
        case .undecided: return "may fail"
        }
    }

    /// The pipeline's use of the file as a JSON word (`read`, `no_database`, `skipped`,
    /// `fails_resume`, `undecided`), `nil` when no consistent read was possible.
    public var pipelineKey: String? {
        if state.isBusy { return nil }
        switch resume {
        case .read: return "read"
        case .noDatabase: return "no_database"
        case .skipped: return "skipped"
        case .failsResume: return "fails_resume"
        case .undecided: return "undecided"
        }
    }

    /// What liblmdb or Python raise on the file, or why the model cannot decide; `nil`
    /// when the pipeline reads it.
    public var pipelineDetail: String? {
        if state.isBusy { return nil }
        switch resume {
        case .read: return nil
        case .noDatabase(let detail), .skipped(let detail), .failsResume(let detail), .undecided(let detail): return detail
        }
    }
}

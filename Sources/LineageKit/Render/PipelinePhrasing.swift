/// What the NeMo Curator pipeline's start does with a writer file, as the clause that
/// follows what is wrong with the file in a sentence on stderr.
public enum PipelinePhrasing {
    /// `the pipeline still reads its 13 source ids, so a rerun skips them`, and so on for
    /// each outcome; ends without a full stop.
    public static func consequence(_ outcome: ReaderModel.Outcome) -> String {
        switch outcome {
        case .read(let keys):
            "the pipeline still reads its \(keys) source id\(keys == 1 ? "" : "s"), so a rerun skips \(keys == 1 ? "it" : "them")"
        case .noDatabase(let detail):
            "the pipeline reads nothing from it (\(detail)), so the sources it completed run again"
        case .skipped(let detail):
            "the pipeline skips it with only a log warning (\(detail)), so the sources it completed run again"
        case .failsResume(let detail):
            "the resumed pipeline stops before it starts on it (\(detail)): move it out of the metadata folder (its sources then run again) or restore a good copy"
        case .undecided(let detail):
            "the pipeline may fail on it (\(detail)): move it out of the metadata folder before resubmitting"
        }
    }
}

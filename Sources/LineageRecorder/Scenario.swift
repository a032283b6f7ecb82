import LineageKit

/// A checkpoint of known shape, written by the recorder: the pipeline's fixtures, and a
/// generator of big DAGs for scale tests.
///
/// The fixture scenarios make the same emissions and completions as the pipeline run that
/// wrote `fixtures/NAME.mdb`, so `mdb_dump -p -a -n` of both files is identical.
public enum Scenario: Sendable, Equatable {
    /// FanOut(`fanout`) -> Passthrough -> FanIn -> Passthrough.
    ///
    /// Not `rooted`: the root has no lineage, so the FanOut outputs `"0"`, `"1"`, ... are
    /// recorded with an empty parent list (fixture `four_stage`). `rooted`: the root is
    /// task `"0"` and the outputs are `"0_0"`, ... (`four_stage_rooted`). `complete`: the
    /// final leaf is then marked completed and propagated (`four_stage_completed`).
    case fourStage(fanout: Int = 3, rooted: Bool = false, complete: Bool = false)
    /// Root `"0"` -> Passthrough -> FanOut(5) -> a terminal stage that emitted and
    /// completed 2 of its 5 inputs, then failed (fixture `partial_completion`).
    case partialCompletion
    /// As `partialCompletion` but killed before anything was completed (fixture `killed_midrun`).
    case killedMidrun
    /// The writer's edge cases (fixture `retries_and_joins`): an emission recorded twice,
    /// a 3-parent join recorded in two calls, a task returned in place (self edge skipped),
    /// an orphan output of an untracked root, and a `source_leaf` later promoted to `source`.
    case retriesAndJoins
    /// `roots` rooted tasks -> FanOut(`fanout`) -> Passthrough -> FanIn(groups of `fanin`)
    /// -> Passthrough, then the first `completeFraction` of the leaves completed in
    /// chunks of 1000, as a pipeline run of that shape records it.
    ///
    /// `batchSize` emissions (or completion chunks) share a write transaction: 1 is the
    /// pipeline's layout; larger values write the same content with fewer commits. Around
    /// 1000 suits scale tests: much larger batches copy most of the tree per transaction,
    /// which leaves more free pages in the file (same content, bigger file).
    case pipeline(roots: Int, fanout: Int = 40, fanin: Int = 5, completeFraction: Double = 0.6, batchSize: Int = 1)

    /// The map size the pipeline fixtures were written with (16 MiB, as `mdb_stat -e` shows).
    public static let fixtureMapSize = 16 << 20
    /// The map size `pipeline` scenarios open with (64 GiB): room for the biggest benchmark file.
    public static let generatorMapSize = 1 << 36

    /// The fixtures this enum reproduces, by file name without `.mdb`.
    public static let fixtures: [String: Scenario] = [
        "four_stage": .fourStage(),
        "four_stage_rooted": .fourStage(rooted: true),
        "four_stage_completed": .fourStage(complete: true),
        "partial_completion": .partialCompletion,
        "killed_midrun": .killedMidrun,
        "retries_and_joins": .retriesAndJoins,
    ]

    /// The map size a file written for this scenario starts with: the fixtures' for the
    /// fixture scenarios, so dumps match theirs byte for byte; 64 GiB for `pipeline`.
    public var mapSize: Int {
        if case .pipeline = self { Self.generatorMapSize } else { Self.fixtureMapSize }
    }

    /// How many distinct tasks the scenario records.
    public var taskCount: Int {
        switch self {
        case .fourStage(let fanout, let rooted, _): 2 * fanout + 2 + (rooted ? 1 : 0)
        case .partialCompletion, .killedMidrun: 9
        case .retriesAndJoins: 10
        case .pipeline(let roots, let fanout, let fanin, _, _):
            roots * (1 + 2 * fanout) + 2 * ((roots * fanout + fanin - 1) / fanin)
        }
    }

    /// Creates a checkpoint at `path`, records the scenario, closes it and returns every
    /// lineage path used with its udid. A failure part-way leaves the partial file.
    /// - Throws: `RecorderError` (existing file without `overwrite`, bad parameters), `LMDBError`.
    @discardableResult
    public func write(to path: String, overwrite: Bool = false) throws -> [String: UDID] {
        try validate()
        let recorder = try CheckpointRecorder(creating: path, overwrite: overwrite, mapSize: mapSize)
        let paths = try record(into: recorder)
        try recorder.close()
        return paths
    }

    /// Records the scenario into an open recorder (e.g. to damage the result afterwards)
    /// and returns every lineage path used with its udid.
    /// - Throws: `RecorderError.invalidScenario`, `LMDBError`.
    @discardableResult
    public func record(into recorder: CheckpointRecorder) throws -> [String: UDID] {
        try validate()
        var script = ScenarioScript(recorder: recorder, batchSize: batchSize)
        switch self {
        case .fourStage(let fanout, let rooted, let complete):
            try script.fourStage(fanout: fanout, rooted: rooted, complete: complete)
        case .partialCompletion:
            try script.fanOutThenTerminal(completing: true)
        case .killedMidrun:
            try script.fanOutThenTerminal(completing: false)
        case .retriesAndJoins:
            try script.retriesAndJoins()
        case .pipeline(let roots, let fanout, let fanin, let completeFraction, _):
            try script.pipeline(roots: roots, fanout: fanout, fanin: fanin, completeFraction: completeFraction)
        }
        try script.flush()
        return script.paths
    }

    private var batchSize: Int {
        if case .pipeline(_, _, _, _, let batchSize) = self { batchSize } else { 1 }
    }

    private func validate() throws(RecorderError) {
        switch self {
        case .fourStage(let fanout, _, _):
            guard fanout >= 1 else { throw .invalidScenario("fanout must be at least 1, got \(fanout)") }
        case .pipeline(let roots, let fanout, let fanin, let completeFraction, let batchSize):
            guard roots >= 0 else { throw .invalidScenario("roots must not be negative, got \(roots)") }
            guard fanout >= 1, fanin >= 1 else {
                throw .invalidScenario("fanout and fanin must be at least 1, got \(fanout) and \(fanin)")
            }
            guard (0...1).contains(completeFraction) else {
                throw .invalidScenario("completeFraction must be within 0...1, got \(completeFraction)")
            }
            guard batchSize >= 1 else { throw .invalidScenario("batchSize must be at least 1, got \(batchSize)") }
        case .partialCompletion, .killedMidrun, .retriesAndJoins:
            break
        }
    }
}

/// `lineage why`: everything the files say about one source, and whether a rerun skips it
/// or runs it again, with the reason.
public struct CuratorWhy: Sendable {
    /// The source id asked about (computed from paths, or as given).
    public let source: String
    /// The readable writer files holding it, in name order.
    public let writers: [String]
    /// Writer files the pipeline skips (`lmdb.open` fails): whether they held it is unknown.
    public let skippedWriters: [String]
    /// Writer files the pipeline's start fails on (or may): while they are in the folder
    /// the resumed run does not start at all.
    public let blockingWriters: [String]
    /// Whether the start surely fails on one of them (else it only may).
    public let blockingSurely: Bool
    /// Writer files being written during every read (BUSY): not read.
    public let busyWriters: [String]
    /// In a job array: the shard that processes the source and what its manifests say.
    public let shard: (index: Int, state: String)?
    /// The failed attempts on that shard.
    public let failedAttempts: [CuratorFailedAttempt]
    /// The ambiguity risks of the id, as sentences.
    public let risks: [String]

    /// True when a rerun skips the source: a readable writer holds it.
    public var skipped: Bool { !writers.isEmpty }

    /// Reads what `checkpoint` says of `source`.
    public init(source: String, in checkpoint: CuratorCheckpoint, lookup: CuratorSourceLookup) {
        self.source = source
        if let query = CuratorSourceQuery(source), case .unique(let found, let holding) = lookup.match(query), found == source {
            writers = holding
        } else {
            writers = []
        }
        skippedWriters = checkpoint.skippedWriters.map(\.name)
        blockingWriters = checkpoint.blockingWriters.map(\.name)
        blockingSurely = checkpoint.blockingWriters.contains(where: \.failsResumeSurely)
        busyWriters = checkpoint.busyWriters.map(\.name)
        if let slurm = checkpoint.slurm {
            let index = slurm.shard(ofSource: source)
            shard = (index, slurm.state(of: index))
            failedAttempts = checkpoint.failedAttempts.filter { attempt in
                if case .slurm(_, _, _, let on) = attempt.attempt { on == index } else { false }
            }
        } else {
            shard = nil
            failedAttempts = []
        }
        var risks: [String] = []
        if CuratorStatus.isNeverMatching(source) {
            risks.append("a random id (r + 32 hex digits): it never matches on a rerun, so this source always runs again")
        }
        if CuratorStatus.isPositional(source) {
            risks.append("a positional id: it shifts when the inputs change, and distinct sources can share it")
        }
        self.risks = risks
    }

    /// Why: the conclusion in one sentence.
    public var conclusion: String {
        let blocked =
            blockingWriters.isEmpty
            ? ""
            : "; but the resumed pipeline \(blockingSurely ? "stops" : "may stop") before it starts on \(blockingWriters.joined(separator: ", ")): move "
                + "\(blockingWriters.count == 1 ? "it" : "them") out of the metadata folder first"
        return answer + blocked
    }

    /// What a resumed run does with the source, if it starts.
    var answer: String {
        if skipped {
            return "a rerun skips it: \(writers.count == 1 ? "a readable writer file holds" : "\(writers.count) readable writer files hold") it"
        }
        var because = ["no readable writer file holds it"]
        if !skippedWriters.isEmpty {
            because.append("it may have been in \(skippedWriters.joined(separator: ", ")), which the pipeline skips (lmdb.open fails on it)")
        }
        if !busyWriters.isEmpty { because.append("\(busyWriters.joined(separator: ", ")) could not be read consistently (being written)") }
        var sentence = "a rerun runs it again, because " + because.joined(separator: "; ")
        if let shard, shard.state == "completed" {
            sentence += "; and its shard \(shard.index) is marked completed, so resubmitting only the missing shards never runs it"
        }
        return sentence
    }
}

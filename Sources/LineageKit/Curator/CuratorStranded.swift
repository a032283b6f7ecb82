/// Groups a rerun runs again while the Slurm shard that owns each (as the pipeline assigns
/// sources to shards) is marked completed: resubmitting only the missing shards never runs
/// them. Kept as counts, the shards and the first examples, whatever the number of groups.
public struct CuratorStranded: Sendable, Equatable {
    /// Groups stranded so.
    public private(set) var count = 0
    /// Their shards, each once.
    public private(set) var shards = Set<Int>()
    /// The first ones, in input order: the group's source id and its shard.
    public private(set) var examples: [Example] = []
    /// How many examples are kept.
    public let limit: Int
    /// Whether the shards are known: without a usable `run.json` the pipeline's shard of a
    /// source cannot be told, and nothing is counted.
    public let known: Bool

    public struct Example: Sendable, Equatable {
        public let sourceID: String
        public let shard: Int
    }

    public init(limit: Int, known: Bool = true) {
        self.limit = limit
        self.known = known
    }

    /// Counts the group of `decision` if it runs again on a shard marked completed; returns
    /// the shard with what its manifests say (`nil` without a job array).
    @discardableResult
    public mutating func note(_ decision: CuratorPlan.Decision, slurm: CuratorSlurm?) -> (index: Int, state: String)? {
        guard let slurm else { return nil }
        let source = decision.id.description
        let index = slurm.shard(ofSource: source)
        let state = slurm.state(of: index)
        if decision.action == .run, state == "completed" {
            count += 1
            shards.insert(index)
            if examples.count < limit { examples.append(Example(sourceID: source, shard: index)) }
        }
        return (index, state)
    }
}

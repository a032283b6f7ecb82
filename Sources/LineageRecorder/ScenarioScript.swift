import LineageKit

/// Plays a scenario's emissions and completions into a recorder, naming tasks by lineage path.
///
/// Steps are queued and applied `batchSize` at a time in one transaction; the queue is
/// filled before the transaction starts, so a transaction re-run after the map grows
/// replays exactly the same steps.
struct ScenarioScript {
    private enum Step {
        case emission(parents: [UDID], children: [UDID])
        case completion([UDID])
    }

    let recorder: CheckpointRecorder
    let batchSize: Int
    private(set) var paths: [String: UDID] = [:]
    private var pending: [Step] = []

    init(recorder: CheckpointRecorder, batchSize: Int) {
        self.recorder = recorder
        self.batchSize = batchSize
        pending.reserveCapacity(batchSize)
    }

    /// Records that the tasks at `parents` emitted the tasks at `children` (paths).
    mutating func emit(_ parents: [String], _ children: [String]) throws {
        try enqueue(.emission(parents: parents.map { udid($0) }, children: children.map { udid($0) }))
    }

    /// Marks the tasks at `paths` completed, as the terminal stage does.
    mutating func complete(_ paths: [String]) throws {
        try enqueue(.completion(paths.map { udid($0) }))
    }

    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let steps = pending
        pending.removeAll(keepingCapacity: true)
        try recorder.batch { batch in
            for step in steps {
                switch step {
                case .emission(let parents, let children): try batch.recordEmission(parents: parents, children: children)
                case .completion(let udids): try batch.markCompletedAndPropagate(udids)
                }
            }
        }
    }

    private mutating func enqueue(_ step: Step) throws {
        pending.append(step)
        if pending.count >= batchSize { try flush() }
    }

    private mutating func udid(_ path: String) -> UDID {
        if let known = paths[path] { return known }
        let udid = UDID(lineagePath: path)
        paths[path] = udid
        return udid
    }

    /// The child paths `parents` emit, indexes `0..<count`.
    private func children(of parents: [String], count: Int) -> [String] {
        (0..<count).map { LineagePath.child(of: parents, index: $0) }
    }
}

// The scenarios. Each sequence was derived from its fixture's JSON (`paths`, `records`,
// description) and checked against the fixture's "Last transaction ID" (4 transactions
// opening the sub-databases, then one per emission or completion call).
extension ScenarioScript {
    /// Stage by stage, as the pipeline drives FanOut -> Passthrough -> FanIn -> Passthrough.
    mutating func fourStage(fanout: Int, rooted: Bool, complete: Bool) throws {
        let root = rooted ? "0" : ""
        let fannedOut = children(of: [root], count: fanout)
        // An untracked root is not a task: its outputs are recorded with no parents.
        try emit(rooted ? [root] : [], fannedOut)
        var passedThrough: [String] = []
        for task in fannedOut {
            let output = LineagePath.child(of: [task], index: 0)
            try emit([task], [output])
            passedThrough.append(output)
        }
        let joined = LineagePath.child(of: passedThrough, index: 0)
        try emit(passedThrough, [joined])
        let leaf = LineagePath.child(of: [joined], index: 0)
        try emit([joined], [leaf])
        if complete { try self.complete([leaf]) }
    }

    /// Root `0` -> Passthrough -> FanOut(5) -> terminal stage that handled 2 inputs.
    mutating func fanOutThenTerminal(completing: Bool) throws {
        let passed = LineagePath.child(of: ["0"], index: 0)
        try emit(["0"], [passed])
        let fannedOut = children(of: [passed], count: 5)
        try emit([passed], fannedOut)
        for task in fannedOut.prefix(2) {
            let leaf = LineagePath.child(of: [task], index: 0)
            try emit([task], [leaf])
            if completing { try complete([leaf]) }
        }
    }

    mutating func retriesAndJoins() throws {
        // A FanOut from root 7, retried: the second call adds nothing.
        let fannedOut = children(of: ["7"], count: 3)
        try emit(["7"], fannedOut)
        try emit(["7"], fannedOut)
        // A 3-parent join whose parents arrive over two calls.
        let joined = LineagePath.child(of: fannedOut, index: 0)
        try emit(Array(fannedOut.prefix(2)), [joined])
        try emit(Array(fannedOut.suffix(1)), [joined])
        try emit([joined], [LineagePath.child(of: [joined], index: 0)])
        // Task 1 returned in place: no self edge, so it stays `source_leaf`.
        try emit(["1"], ["1"])
        // Output of an untracked root, never consumed: `source_leaf`.
        try emit([], ["9"])
        // The same, later consumed: promoted to `source`.
        try emit([], ["0"])
        try emit(["0"], [LineagePath.child(of: ["0"], index: 0)])
    }

    /// Every root's FanOut and its Passthroughs, then every FanIn group and its Passthrough,
    /// then the completions: the order a pipeline run of that shape records them in.
    mutating func pipeline(roots: Int, fanout: Int, fanin: Int, completeFraction: Double) throws {
        var passedThrough: [String] = []
        passedThrough.reserveCapacity(roots * fanout)
        for index in 0..<roots {
            let root = String(index)
            let fannedOut = children(of: [root], count: fanout)
            try emit([root], fannedOut)
            for task in fannedOut {
                let output = LineagePath.child(of: [task], index: 0)
                try emit([task], [output])
                passedThrough.append(output)
            }
        }
        var leaves: [String] = []
        for start in stride(from: 0, to: passedThrough.count, by: fanin) {
            let group = Array(passedThrough[start..<min(start + fanin, passedThrough.count)])
            let joined = LineagePath.child(of: group, index: 0)
            try emit(group, [joined])
            let leaf = LineagePath.child(of: [joined], index: 0)
            try emit([joined], [leaf])
            leaves.append(leaf)
        }
        let completedCount = Int(Double(leaves.count) * completeFraction)
        for start in stride(from: 0, to: completedCount, by: 1000) {
            try complete(Array(leaves[start..<min(start + 1000, completedCount)]))
        }
    }
}

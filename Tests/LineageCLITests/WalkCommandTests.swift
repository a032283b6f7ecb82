import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// A DAG with its answers known to the test: edges, and each task's type and completion.
struct KnownDAG {
    var path: String
    var oracle: GraphOracle
    /// udid -> (type, completed), from the fixture JSON or `lineage types` (not the walk).
    var tasks: [String: (type: String, completed: Bool)]

    init(fixture: FixtureExpectation) {
        path = fixture.path
        oracle = GraphOracle(fixture)
        tasks = fixture.records.mapValues { ($0.taskType, $0.completed) }
    }

    /// A random DAG with joins, recorded emission by emission by the recorder (each task
    /// with all its parents at once), then a third of its leaves completed and rolled up
    /// as the pipeline does. Types and completion are read back with `lineage types`.
    init(recording seed: UInt64, count: Int, in directory: URL) throws {
        let (udids, edges) = GraphOracle.randomDAG(count: count, seed: seed)
        let oracle = GraphOracle(edges: edges, tasks: udids)
        let path = directory.appendingPathComponent("dag-\(seed).mdb").path
        self.oracle = oracle
        self.path = path
        let recorder = try CheckpointRecorder(creating: path)
        try recorder.batch { batch in
            for udid in udids {
                try batch.recordEmission(parents: (oracle.parents[udid] ?? []).compactMap(UDID.init), children: [UDID(udid)!])
            }
        }
        let leaves = udids.filter { oracle.children[$0]?.isEmpty ?? true }
        try recorder.markCompletedAndPropagate(leaves.enumerated().filter { $0.offset % 3 == 0 }.compactMap { UDID($0.element) })
        try recorder.close()
        let listed = try CLI.run(["types", path, "--format", "jsonl"])
        try #require(listed.status == 0, "\(listed)")
        var tasks: [String: (type: String, completed: Bool)] = [:]
        for row in try listed.jsonLines() {
            tasks[try #require(row["udid"] as? String)] = (try #require(row["task_type"] as? String), try #require(row["completed"] as? Bool))
        }
        try #require(tasks.count == count)
        self.tasks = tasks
    }

    /// The rows `ancestors`/`descendants` should print in text, in order.
    func expectedLines(from udid: String, up: Bool, depth: Int? = nil, completed: Bool? = nil) -> [String] {
        oracle.distances(from: udid, up: up)
            .filter { depth == nil || $0.value <= depth! }
            .filter { completed == nil || tasks[$0.key]?.completed == completed }
            .sorted { ($0.value, $0.key) < ($1.value, $1.key) }
            .map { "\($0.key)\t\($0.value)\t\(tasks[$0.key]!.type)\t\(tasks[$0.key]!.completed ? "completed" : "pending")" }
    }
}

@Suite("lineage ancestors and descendants")
struct WalkCommandTests {
    static let directions = ["ancestors", "descendants"]

    /// Compares the text and JSON Lines answers for every task with the test's own BFS.
    func checkEveryTask(_ dag: KnownDAG, textToo: Bool = true) throws {
        for udid in dag.oracle.tasks {
            for command in Self.directions {
                let expected = dag.expectedLines(from: udid, up: command == "ancestors")
                let json = try CLI.run([command, "-c", dag.path, udid, "--format", "jsonl"])
                #expect(json.status == 0, "\(command) \(udid): \(json)")
                #expect(json.stderr.isEmpty)
                func line(_ row: [String: Any]) -> String {
                    let state = (row["completed"] as? Bool).map { $0 ? "completed" : "pending" } ?? "?"
                    return "\(row["udid"] as? String ?? "?")\t\(row["distance"] as? Int ?? -1)\t\(row["task_type"] as? String ?? "?")\t\(state)"
                }
                #expect(try json.recordLines().map(line) == expected, "\(command) \(udid)")
                if textToo {
                    let document = try CLI.run([command, "-c", dag.path, udid, "--format", "json"])
                    #expect(try document.records("tasks").map(line) == expected, "\(command) \(udid) json")
                }
                if textToo {
                    let text = try CLI.run([command, "-c", dag.path, udid])
                    #expect(text.status == 0, "\(command) \(udid): \(text)")
                    #expect(text.lines == expected, "\(command) \(udid)")
                }
            }
        }
    }

    @Test("every task of every fixture: the tasks, distances, types and completion of a breadth-first search", arguments: CLI.fixtureNames)
    func fixtures(name: String) throws {
        try checkEveryTask(KnownDAG(fixture: FixtureExpectation.load(name)))
    }

    @Test("recorder-built DAGs with joins and partial completion", arguments: [UInt64(7), 2024])
    func recorded(seed: UInt64) throws {
        try withTemporaryDirectory { directory in
            let dag = try KnownDAG(recording: seed, count: 40, in: directory)
            #expect(dag.oracle.parents.values.contains { $0.count > 1 }, "the DAG has joins")
            #expect(dag.tasks.values.contains { $0.completed } && dag.tasks.values.contains { !$0.completed })
            try checkEveryTask(dag, textToo: false)
        }
    }

    @Test("--depth, --count, --pending and --completed", arguments: directions)
    func filters(command: String) throws {
        try withTemporaryDirectory { directory in
            let dag = try KnownDAG(recording: 99, count: 40, in: directory)
            let up = command == "ancestors"
            // The task with the most to list, so every filter has something to cut.
            let udid = try #require(
                dag.oracle.tasks.max { dag.oracle.distances(from: $0, up: up).count < dag.oracle.distances(from: $1, up: up).count })
            let farthest = try #require(dag.oracle.distances(from: udid, up: up).values.max())
            for depth in 0...(farthest + 1) {
                let result = try CLI.run([command, "-c", dag.path, udid, "--depth", String(depth)])
                #expect(result.status == 0, "\(result)")
                #expect(result.lines == dag.expectedLines(from: udid, up: up, depth: depth), "--depth \(depth)")
            }
            for (flag, completed) in [("--pending", false), ("--completed", true)] {
                let expected = dag.expectedLines(from: udid, up: up, completed: completed)
                let result = try CLI.run([command, "-c", dag.path, udid, flag])
                #expect(result.lines == expected, "\(flag)")
                let count = try CLI.run([command, "-c", dag.path, udid, flag, "--count", "--depth", "2"])
                #expect(count.text == "\(dag.expectedLines(from: udid, up: up, depth: 2, completed: completed).count)\n", "\(flag) --count")
            }
            let count = try CLI.run([command, "-c", dag.path, udid, "--count"])
            #expect(count.text == "\(dag.expectedLines(from: udid, up: up).count)\n")
            let jsonCount = try CLI.run([command, "-c", dag.path, udid, "--count", "--format", "jsonl"])
            #expect(try jsonCount.recordLines().map { $0["count"] as? Int } == [dag.expectedLines(from: udid, up: up).count])
        }
    }

    @Test("a unique prefix in any case answers as the full udid; LINEAGE_CHECKPOINT is read", arguments: directions)
    func prefixes(command: String) throws {
        let fixture = try FixtureExpectation.load("retries_and_joins")
        for udid in fixture.udids {
            let full = try CLI.run([command, "-c", fixture.path, udid])
            for prefix in [String(udid.prefix(4)), String(udid.prefix(8)).uppercased()] {
                let short = try CLI.run([command, prefix], environment: ["LINEAGE_CHECKPOINT": fixture.path])
                #expect(short.status == 0, "\(prefix): \(short)")
                #expect(short.stdout == full.stdout, "\(prefix)")
            }
        }
    }

    @Test("a udid or prefix that names no task, or several, exits 1 with the sentence show gives", arguments: directions)
    func notFound(command: String) throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let missing = try CLI.run([command, "-c", fixture.path, "0000"])
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "lineage: \(fixture.path): no task with a udid starting with 0000; list the tasks with `lineage types`.\n")
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("twins.mdb")
            let twins = ["abcd" + String(repeating: "0", count: 28), "abcd" + String(repeating: "1", count: 28)]
            try CraftedCheckpoint.dag([(twins[0], twins[1])]).write(to: file)
            let result = try CLI.run([command, "-c", file.path, "ABCD"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("prefix abcd matches 2 tasks") && result.stderr.contains(twins[1]), "\(result)")
            let show = try CLI.run(["show", "-c", file.path, "abcd"])
            #expect(result.stderr == show.stderr)
        }
    }

    @Test("usage errors exit 64 with a sentence", arguments: directions)
    func usage(command: String) throws {
        let path = CLI.fixture("four_stage")
        for (arguments, message) in [
            (["5fec", "--depth", "-1"], "--depth must be 0 or more (got -1)."),
            (["5fec", "--pending", "--completed"], "--completed and --pending exclude each other; give one."),
            (["5fe"], "'5fe' is not a udid: give 4 to 32 hex digits."),
            (["xyz0"], "'xyz0' is not a udid: give 4 to 32 hex digits."),
        ] {
            let result = try CLI.run([command, "-c", path] + arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.stderr.hasPrefix("lineage: \(message)\n"), "\(arguments): \(result)")
            #expect(result.stdout.isEmpty)
        }
        let unset = try CLI.run([command, "5fec"])
        #expect(unset.status == 64)
        #expect(unset.stderr.contains("No checkpoint given"))
    }

    @Test("a checkpoint that is not an LMDB file exits 2", arguments: directions)
    func unreadable(command: String) throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("empty.mdb")
            try Data().write(to: file)
            let result = try CLI.run([command, "-c", file.path, "5fec"])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("not an LMDB file"))
        }
    }
}

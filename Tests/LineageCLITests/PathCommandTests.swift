import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("lineage path")
struct PathCommandTests {
    /// Checks `path FROM TO` for every ordered pair of tasks against the test's own BFS:
    /// a chain of real edges as long as the shortest distance, either way round, or exit 1.
    func checkEveryPair(_ dag: KnownDAG, pairs: Int? = nil) throws {
        let tasks = dag.oracle.tasks
        var checked = 0
        for from in tasks {
            let below = dag.oracle.distances(from: from, up: false)
            for to in tasks {
                if let pairs, checked >= pairs { return }
                checked += 1
                let result = try CLI.run(["path", "-c", dag.path, from, to, "--format", "jsonl"])
                let rows = try result.recordLines()
                let udids = rows.map { $0["udid"] as? String ?? "?" }
                #expect(rows.map { $0["position"] as? Int } == Array(0..<rows.count), "\(from) \(to)")
                for row in rows {
                    let udid = row["udid"] as? String ?? "?"
                    #expect(row["task_type"] as? String == dag.tasks[udid]?.type, "\(udid)")
                    #expect(row["completed"] as? Bool == dag.tasks[udid]?.completed, "\(udid)")
                }
                if from == to {
                    #expect(result.status == 0 && result.stderr.isEmpty && udids == [from], "\(from): \(result)")
                } else if let distance = below[to] {
                    #expect(result.status == 0 && result.stderr.isEmpty, "\(from) \(to): \(result)")
                    #expect(udids.count == distance + 1 && udids.first == from && udids.last == to, "\(from) \(to): \(udids)")
                    #expect(zip(udids, udids.dropFirst()).allSatisfy { dag.oracle.hasEdge($0, $1) }, "\(from) \(to): \(udids)")
                } else if let distance = dag.oracle.distances(from: to, up: false)[from] {
                    #expect(result.status == 0, "\(from) \(to): \(result)")
                    #expect(result.stderr == "lineage: note: \(to) is above \(from); the path runs from \(to) down to \(from).\n")
                    #expect(udids.count == distance + 1 && udids.first == to && udids.last == from, "\(from) \(to): \(udids)")
                    #expect(zip(udids, udids.dropFirst()).allSatisfy { dag.oracle.hasEdge($0, $1) }, "\(from) \(to): \(udids)")
                } else {
                    #expect(result.status == 1, "\(from) \(to): \(result)")
                    #expect(result.stdout.isEmpty)
                    #expect(
                        result.stderr
                            == "lineage: \(dag.path): no path between \(from) and \(to): neither descends from the other; compare their ancestors with `lineage ancestors`.\n"
                    )
                }
            }
        }
    }

    @Test("every ordered pair of tasks of every fixture", arguments: CLI.fixtureNames)
    func fixtures(name: String) throws {
        try checkEveryPair(KnownDAG(fixture: FixtureExpectation.load(name)))
    }

    @Test("pairs of a recorder-built DAG with joins and diamonds")
    func recorded() throws {
        try withTemporaryDirectory { directory in
            let dag = try KnownDAG(recording: 11, count: 16, in: directory)
            try checkEveryPair(dag)
        }
    }

    @Test("text is UDID<TAB>TYPE<TAB>completed|pending per task, from the upper end down")
    func text() throws {
        let fixture = try FixtureExpectation.load("partial_completion")
        let dag = KnownDAG(fixture: fixture)
        // The longest path in the fixture: a source to its farthest descendant.
        let (from, to, distance) = try #require(
            fixture.udids.flatMap { from in dag.oracle.distances(from: from, up: false).map { (from, $0.key, $0.value) } }
                .max { ($0.2, $0.1) < ($1.2, $1.1) })
        let result = try CLI.run(["path", "-c", fixture.path, String(from.prefix(6)).uppercased(), String(to.prefix(8))])
        #expect(result.status == 0, "\(result)")
        #expect(result.lines.count == distance + 1)
        let udids = result.lines.map { String($0.prefix(32)) }
        #expect(udids.first == from && udids.last == to)
        #expect(zip(udids, udids.dropFirst()).allSatisfy { dag.oracle.hasEdge($0, $1) }, "\(udids)")
        for (line, udid) in zip(result.lines, udids) {
            let record = try #require(fixture.records[udid], "\(line)")
            #expect(line == "\(udid)\t\(record.taskType)\t\(record.completed ? "completed" : "pending")")
        }
    }

    @Test("a udid that names no task exits 1; a malformed one 64")
    func errors() throws {
        let path = CLI.fixture("four_stage")
        let missing = try CLI.run(["path", "-c", path, "5fec", "ffffffffffffffffffffffffffffffff"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "lineage: \(path): no task with udid ffffffffffffffffffffffffffffffff; list the tasks with `lineage types`.\n")
        let malformed = try CLI.run(["path", "-c", path, "5fec", "5e3"])
        #expect(malformed.status == 64)
        #expect(malformed.stderr.hasPrefix("lineage: '5e3' is not a udid: give 4 to 32 hex digits.\n"))
        let one = try CLI.run(["path", "-c", path, "5fec"])
        #expect(one.status == 64, "\(one)")
    }
}

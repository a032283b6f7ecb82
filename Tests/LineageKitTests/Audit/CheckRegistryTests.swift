import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

@Suite("Check registry")
struct CheckRegistryTests {
    @Test("the registry holds one check per logical id, in the documented report order")
    func oneCheckPerID() {
        let registered = CheckRegistry.all.map(\.id.rawValue)
        // Docs/Format.md's list, after structure and schema.
        let documented = [
            "key-format", "type-values", "edge-symmetry", "dangling", "type-consistency", "self-loop", "acyclic", "completed-values",
            "completed-known", "completed-closure",
        ]
        #expect(registered == documented)
        #expect(Verifier.checkIDs.map(\.rawValue) == ["structure", "schema"] + documented)
        #expect(Set(CheckRegistry.all.map(\.id.summary)).count == documented.count, "each check says what it guarantees in its own words")
        // Each check declares at least one sub-database it reads.
        for check in CheckRegistry.all { #expect(!check.needs.isEmpty && check.needs.allSatisfy { !$0.isEmpty }, "\(check.id.rawValue)") }
    }

    /// A check that records whether it ran.
    struct Probe: GraphCheck {
        let id: CheckID
        let needs: [[SubDatabase]]
        var runsAlongside = false
        func tally(_ graph: TaskGraph) -> Tally {
            var tally = graph.tally(id)
            tally.add(.dangling(UDID(lineagePath: "0")))
            return tally
        }
    }

    @Test("a check whose needed sub-database is missing is not run, with the missing names in its declared order")
    func notRunFromNeeds() {
        var builder = GraphBuilder(maxExamples: 5)
        builder.readTaskTypes { _ in }
        let graph = builder.finish()
        #expect(graph.present == [.taskType])
        let checks: [any GraphCheck] = [
            Probe(id: .dangling, needs: [[.taskType], [.inEdges, .outEdges]]),
            Probe(id: .typeValues, needs: [[.taskType]], runsAlongside: true),
            Probe(id: .completedKnown, needs: [[.completed], [.taskType]]),
        ]
        let results = CheckRegistry.run(checks, on: graph)
        #expect(results.map(\.id) == [.dangling, .typeValues, .completedKnown])
        #expect(results[0] == CheckResult(id: .dangling, status: .notRun, notes: [.missing([.inEdges, .outEdges])]))
        #expect(results[1].status == .failed)
        #expect(results[1].violations == 1)
        #expect(results[2].notes == [.missing([.completed])])
        #expect(FindingPhrasing.describe(results[0].notes[0]) == "needs `in_edges` and `out_edges`, which are missing")
    }

    @Test("a checkpoint without `completed`: its checks are not run with today's note, the others pass")
    func missingCompleted() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("crafted.mdb")
            var crafted = CraftedCheckpoint.dag([(Tasks.a, Tasks.b)])
            crafted.completed = nil
            try crafted.write(to: file)
            let report = try Verifier.verify(path: file.path)
            for id in [CheckID.completedValues, .completedKnown, .completedClosure] {
                #expect(report[id] == CheckResult(id: id, status: .notRun, notes: [.missing([.completed])]), "\(id.rawValue)")
            }
            for id in [CheckID.keyFormat, .typeValues, .edgeSymmetry, .dangling, .typeConsistency, .selfLoop, .acyclic] {
                #expect(report[id]?.status == .passed, "\(id.rawValue)")
            }
            let text = TextRenderer.audit(report)
            #expect(text.contains("  skip  completed-values   not run: needs `completed`, which is missing"))
            #expect(text.contains("          - [completed] the sub-database is missing"))
        }
    }
}

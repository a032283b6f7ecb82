import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("Verifier on the fixtures")
struct VerifierFixtureTests {
    @Test("every reported check passes on every fixture", arguments: FixtureExpectation.names)
    func fixturesPass(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let report = try Verifier.verify(path: fixture.checkpoint.path)
        for check in report.checks {
            #expect(check.status == .passed, "\(name): \(check.id.rawValue) \(check.examples.map(FindingPhrasing.line))")
            #expect(check.violations == 0)
            #expect(check.examples.isEmpty)
        }
        #expect(report.ok)
        #expect(!report.structureFailed)
        #expect(report.checkpoint == fixture.checkpoint.path)
        #expect(report.dag?.tasks == fixture.records.count)
        #expect(report.dag?.edges == fixture.edges.count)
        #expect(report.dag?.completed == fixture.records.values.filter(\.completed).count)
    }

    @Test("the report has one result per check id, in CheckID order", arguments: FixtureExpectation.names)
    func everyCheckReported(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let report = try Verifier.verify(path: fixture.checkpoint.path)
        #expect(report.checks.map(\.id) == Verifier.checkIDs)
        for id in Verifier.checkIDs { #expect(report[id]?.status == .passed, "\(id.rawValue)") }
    }
}

@Suite("Verifier on hand-made checkpoints")
struct VerifierViolationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let crafted: @Sendable () -> CraftedCheckpoint
        /// Checks that must fail.
        let mustFail: Set<CheckID>
        /// Checks that may also fail as a consequence.
        var mayFail: Set<CheckID> = []
        /// A udid or word the first example of the first `mustFail` check names.
        let named: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "self loop",
            crafted: {
                var c = CraftedCheckpoint.dag([(Tasks.a, Tasks.b)])
                c.outEdges!.append((Tasks.b, Tasks.b)); c.inEdges!.append((Tasks.b, Tasks.b))
                c.taskType = [(Tasks.a, "source"), (Tasks.b, "middle")]
                return c
            }, mustFail: [.selfLoop], mayFail: [.acyclic], named: Tasks.b),
        Case(
            name: "cycle",
            crafted: {
                var c = CraftedCheckpoint.dag([(Tasks.a, Tasks.b), (Tasks.b, Tasks.c), (Tasks.c, Tasks.a)])
                c.taskType = [(Tasks.a, "middle"), (Tasks.b, "middle"), (Tasks.c, "middle")]
                return c
            }, mustFail: [.acyclic], named: ""),
        Case(
            name: "dangling child",
            crafted: {
                var c = CraftedCheckpoint.dag([(Tasks.a, Tasks.b)])
                c.taskType = [(Tasks.a, "source")]
                return c
            }, mustFail: [.dangling], mayFail: [.typeConsistency], named: Tasks.b),
        Case(
            name: "in_edges not the transpose",
            crafted: {
                var c = CraftedCheckpoint.dag([(Tasks.a, Tasks.b), (Tasks.a, Tasks.c)])
                c.inEdges = [(Tasks.b, Tasks.a)]
                return c
            }, mustFail: [.edgeSymmetry], mayFail: [.typeConsistency], named: Tasks.c),
        Case(
            name: "type disagrees with edges",
            crafted: {
                var c = CraftedCheckpoint.dag([(Tasks.a, Tasks.b)])
                c.taskType = [(Tasks.a, "leaf"), (Tasks.b, "leaf")]
                return c
            }, mustFail: [.typeConsistency], named: Tasks.a),
        Case(
            name: "unknown type word",
            crafted: {
                var c = CraftedCheckpoint.dag([], tasks: [Tasks.a])
                c.taskType = [(Tasks.a, "banana\n\"x\"")]
                return c
            }, mustFail: [.typeValues], mayFail: [.typeConsistency], named: Tasks.a),
        Case(
            name: "completed parent of a pending child",
            crafted: {
                CraftedCheckpoint.dag([(Tasks.a, Tasks.b), (Tasks.b, Tasks.c)], completed: [Tasks.a, Tasks.c])
            }, mustFail: [.completedClosure], named: Tasks.a),
        Case(
            name: "completed value not 1",
            crafted: {
                var c = CraftedCheckpoint.dag([], tasks: [Tasks.a])
                c.completed = [(Tasks.a, "yes")]
                return c
            }, mustFail: [.completedValues], named: Tasks.a),
        Case(
            name: "completed task without a type",
            crafted: {
                var c = CraftedCheckpoint.dag([], tasks: [Tasks.a])
                c.completed = [(Tasks.b, "1")]
                return c
            }, mustFail: [.completedKnown], named: Tasks.b),
        Case(
            name: "key not a udid",
            crafted: {
                var c = CraftedCheckpoint.dag([], tasks: [Tasks.a])
                c.taskType!.append(("NOT-A-UDID", "source_leaf"))
                return c
            }, mustFail: [.keyFormat], named: "NOT-A-UDID"),
        Case(
            name: "missing completed sub-database",
            crafted: {
                var c = CraftedCheckpoint.dag([(Tasks.a, Tasks.b)])
                c.completed = nil
                return c
            }, mustFail: [.schema], named: "completed"),
        Case(
            name: "edge databases without DUPSORT",
            crafted: {
                var c = CraftedCheckpoint.dag([(Tasks.a, Tasks.b)])
                c.edgesDupSort = false
                return c
            }, mustFail: [.schema], named: "in_edges"),
    ]

    @Test("a violated invariant fails its check, names the task and only related checks fail", arguments: cases)
    func violation(_ testCase: Case) throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("crafted.mdb")
            try testCase.crafted().write(to: file)
            let report = try Verifier.verify(path: file.path)
            let failed = Set(report.checks.filter { $0.status == .failed }.map(\.id))
            #expect(testCase.mustFail.isSubset(of: failed), "failed: \(failed.map(\.rawValue))")
            #expect(failed.isSubset(of: testCase.mustFail.union(testCase.mayFail)), "failed: \(failed.map(\.rawValue))")
            #expect(!report.ok)
            #expect(!report.structureFailed)
            for id in testCase.mustFail {
                let check = try #require(report[id])
                #expect(check.violations >= 1)
                #expect(!check.examples.isEmpty)
                let repeated = check.examples.indices.filter { check.examples[..<$0].contains(check.examples[$0]) }
                #expect(repeated.isEmpty, "examples reported twice: \(repeated.map { FindingPhrasing.line(check.examples[$0]) })")
                if !testCase.named.isEmpty {
                    #expect(
                        check.examples.contains { FindingPhrasing.line($0).contains(testCase.named) }, "\(check.examples.map(FindingPhrasing.line))")
                }
            }
            // Whatever the damage, the rendered reports stay one line per entry and valid JSON.
            let json = JSONRenderer.audit(report, exitCode: 1)
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            #expect(parsed?["ok"] as? Bool == false)
            // A failed schema means the other commands cannot read the file: UNREADABLE (exit 2).
            let verdict = report[.schema]?.status == .failed ? "verdict: UNREADABLE" : "verdict: FAILED"
            #expect(TextRenderer.audit(report).contains(verdict))
        }
    }

    @Test("a missing sub-database leaves the checks that need it not run, not passed")
    func missingDatabaseNotRun() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("crafted.mdb")
            var crafted = CraftedCheckpoint.dag([(Tasks.a, Tasks.b)], completed: [Tasks.b])
            crafted.completed = nil
            try crafted.write(to: file)
            let report = try Verifier.verify(path: file.path)
            #expect(report[.schema]?.status == .failed)
            for id in [CheckID.completedValues, .completedKnown, .completedClosure] {
                #expect(report[id]?.status == .notRun, "\(id.rawValue) is \(String(describing: report[id]?.status))")
            }
        }
    }

    @Test("violation counts stay exact when examples are capped")
    func exactCounts() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("crafted.mdb")
            var crafted = CraftedCheckpoint.dag([], tasks: (0..<7).map { UDID(lineagePath: "\($0)").string })
            crafted.completed = (0..<7).map { (UDID(lineagePath: "\($0)").string, "2") }
            try crafted.write(to: file)
            let report = try Verifier.verify(path: file.path, maxExamples: 3)
            #expect(report[.completedValues]?.violations == 7)
            #expect(report[.completedValues]?.examples.count == 3)
            #expect(TextRenderer.audit(report).contains("... and 4 more"))
            let none = try Verifier.verify(path: file.path, maxExamples: 0)
            #expect(none[.completedValues]?.violations == 7)
            #expect(none[.completedValues]?.examples.isEmpty == true)
        }
    }

    @Test("a checkpoint written by mdb_load with the writer's content passes")
    func soundCraftedPasses() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("crafted.mdb")
            try CraftedCheckpoint.dag([(Tasks.a, Tasks.b), (Tasks.b, Tasks.c), (Tasks.b, Tasks.d)], completed: [Tasks.c, Tasks.d, Tasks.b])
                .write(to: file)
            let report = try Verifier.verify(path: file.path)
            let failed = report.checks.filter { !$0.passed }.map { "\($0.id.rawValue): \($0.examples.map(FindingPhrasing.line))" }
            #expect(failed.isEmpty)
            #expect(report.dag?.tasks == 4)
            #expect(report.dag?.edges == 3)
            #expect(report.dag?.completed == 3)
        }
    }
}

import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// `lineage diff A B` end to end: exit codes, --quiet, the closing sentence, and the JSON
/// report against Docs/diff.schema.json.
@Suite("lineage diff")
struct DiffCommandTests {
    static let joins = StagedRun(roots: 2, stages: [.fanOut(3), .passthrough, .fanIn(3), .passthrough], completion: .all)
    static let reversedJoins = StagedRun(
        roots: 2, stages: [.fanOut(3), .passthrough, .fanInReversed(3), .passthrough], completion: .all)

    @Test("a checkpoint against itself and against a byte copy: identical, exit 0")
    func identical() throws {
        try withTemporaryDirectory { directory in
            let original = CLI.fixture("partial_completion")
            let copy = directory.appendingPathComponent("copy.mdb")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: original), to: copy)
            for other in [original, copy.path] {
                let result = try CLI.run(["diff", original, other])
                #expect(result.status == 0, "\(result)")
                #expect(result.text.lines.last == "The checkpoints are identical.")
                let json = try CLI.run(["diff", original, other, "--format", "json"])
                let object = try #require(try json.json() as? [String: Any])
                #expect(object["identical"] as? Bool == true)
            }
        }
    }

    @Test("a join recording its parents in another order: same DAG, the join named, exit 1")
    func joinOrder() throws {
        try withTemporaryDirectory { directory in
            let a = directory.appendingPathComponent("a.mdb").path
            let b = directory.appendingPathComponent("b.mdb").path
            let runA = try Self.joins.write(to: a)
            let runB = try Self.reversedJoins.write(to: b)
            let result = try CLI.run(["diff", a, b])
            #expect(result.status == 1, "\(result)")
            let last = try #require(result.text.lines.last)
            #expect(last.hasPrefix("The same DAG with different udids: the lineage path first differs at "))
            let named = zip(runA.stages[3], runB.stages[3]).contains { last.contains("\($0.0.string) (\($0.1.string) in b)") }
            #expect(named, "\(last)")
            let json = try CLI.run(["diff", a, b, "--format", "json"])
            let object = try #require(try json.json() as? [String: Any])
            let shape = try #require(object["shape"] as? [String: Any])
            #expect(shape["equal"] as? Bool == true)
            #expect(shape["renamed"] as? Int == 4)
            let first = try #require(shape["first_renamed"] as? [[String: String]])
            #expect(Set(first.compactMap { $0["a"] }) == Set(runA.stages[3].map(\.string)))
            #expect(object["verdict"] as? String == "same_shape")
        }
    }

    @Test("two different pipelines: different work, exit 1")
    func differentWork() throws {
        let result = try CLI.run(["diff", CLI.fixture("four_stage"), CLI.fixture("partial_completion")])
        #expect(result.status == 1, "\(result)")
        #expect(result.text.lines.last == "Different work: the two DAGs differ in shape.")
    }

    @Test("--quiet prints nothing; the exit status tells")
    func quiet() throws {
        let same = try CLI.run(["diff", "-q", CLI.fixture("four_stage"), CLI.fixture("four_stage")])
        #expect(same.status == 0 && same.stdout.isEmpty && same.stderr.isEmpty, "\(same)")
        let different = try CLI.run(["diff", "--quiet", CLI.fixture("four_stage"), CLI.fixture("partial_completion")])
        #expect(different.status == 1 && different.stdout.isEmpty && different.stderr.isEmpty, "\(different)")
    }

    @Test("a damaged or foreign file: exit 2 with one sentence naming it")
    func unreadable() throws {
        try withTemporaryDirectory { directory in
            let good = CLI.fixture("four_stage")
            let damaged = try ReportSchemaTests.byteFlippedCopy(in: directory)
            let truncated = try ReportSchemaTests.truncatedCopy(in: directory)
            for (a, b, bad) in [(good, damaged, damaged), (truncated, good, truncated), (good, "/etc/hostname", "/etc/hostname")] {
                let result = try CLI.run(["diff", "-q", a, b])
                #expect(result.status == 2, "\(result)")
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.contains(bad), "\(result)")
            }
        }
    }

    @Test("usage errors exit 64", arguments: [["diff"], ["diff", "a.mdb"], ["diff", "a.mdb", "b.mdb", "--max-examples", "-1"]])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(result)")
    }

    @Test("the schema accepts the reports, and rejects a missing or mistyped field")
    func schema() throws {
        try withTemporaryDirectory { directory in
            let a = directory.appendingPathComponent("a.mdb").path
            let b = directory.appendingPathComponent("b.mdb").path
            try Self.joins.write(to: a)
            try Self.reversedJoins.write(to: b)
            var documents: [(label: String, json: Data)] = []
            let pairs = [(a, b), (a, a), (CLI.fixture("four_stage"), CLI.fixture("partial_completion"))]
            for (index, (x, y)) in pairs.enumerated() {
                documents.append(("pair \(index)", try CLI.run(["diff", x, y, "--format", "json", "--max-examples", "2"]).stdout))
            }
            var object = try #require(try JSONSerialization.jsonObject(with: documents[0].json) as? [String: Any])
            object["shape"] = nil
            documents.append(("missing", try JSONSerialization.data(withJSONObject: object)))
            object = try #require(try JSONSerialization.jsonObject(with: documents[0].json) as? [String: Any])
            object["identical"] = "no"
            documents.append(("wrong type", try JSONSerialization.data(withJSONObject: object)))
            let outcome = try StatusStatsSchemaTests.validate(schema: "diff.schema.json", documents)
            #expect(outcome == ["pair 0": true, "pair 1": true, "pair 2": true, "missing": false, "wrong type": false])
        }
    }
}

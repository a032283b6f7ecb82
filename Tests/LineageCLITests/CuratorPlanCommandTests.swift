import Foundation
import LineageTestSupport
import Testing

/// `lineage plan` on the Curator fixture and its file groups, against what the pipeline
/// decided (`curator_run.json`: each group's id and whether a rerun skips it).
@Suite("plan on a Curator checkpoint")
struct CuratorPlanCommandTests {
    static let checkpoint = CuratorStatusCommandTests.checkpoint
    static let groupsFile = CuratorSourcesCommandTests.groupsFile

    struct Expected {
        let id: String
        let action: String
        let paths: [String]
    }

    static func expected() throws -> [Expected] {
        try CuratorSourcesCommandTests.expectedGroups().map { group in
            Expected(
                id: try #require(group["source_id"] as? String), action: try #require(group["completed"] as? Bool) ? "skip" : "run",
                paths: try #require(group["paths"] as? [String]))
        }
    }

    /// `lineage arguments…` with `input` on stdin.
    static func run(_ arguments: [String], stdin input: String) throws -> CLI.Result {
        try CLI.run(arguments, stdin: input)
    }

    @Test("text: one row per group in input order, skip exactly the completed ones, then the summary")
    func text() throws {
        let expected = try Self.expected()
        let result = try CLI.run(["plan", Self.checkpoint, "--groups", Self.groupsFile])
        // The fixture's pending groups hash to completed shards: plan warns of them (ContractTests.planShards).
        #expect(result.status == 0 && result.stderr.hasPrefix("lineage: warning: ") && result.stderr.lines.count == 1, "\(result)")
        let rows = expected.map { group in
            "\(group.id)\t\(group.action)\t\(group.paths[0])\(group.paths.count > 1 ? " (+\(group.paths.count - 1) more)" : "")"
        }
        let shardless = result.text.lines.map { line in line.split(separator: "\t", omittingEmptySubsequences: false).prefix(3).joined(separator: "\t") }
        let skip = expected.filter { $0.action == "skip" }.count
        #expect(shardless == rows + ["12 groups: \(skip) skip, \(12 - skip) run; 0 completed sources match no given group"])
    }

    @Test("jsonl: {source_id, action, paths} per group in input order; json: one document the schema accepts")
    func json() throws {
        let expected = try Self.expected()
        let lines = try CLI.run(["plan", Self.checkpoint, "--groups", Self.groupsFile, "--format", "jsonl"])
        #expect(lines.status == 0, "\(lines)")
        let rows = try lines.recordLines(kind: "curator")
        #expect(rows.map { $0["source_id"] as? String } == expected.map(\.id))
        #expect(rows.map { $0["action"] as? String } == expected.map(\.action))
        #expect(rows.map { $0["paths"] as? [String] } == expected.map(\.paths))
        let document = try CLI.run(["plan", Self.checkpoint, "--groups", Self.groupsFile, "--format", "json"])
        let object = try #require(try document.json() as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(
            try JSONSerialization.data(withJSONObject: groups, options: .sortedKeys)
                == (try JSONSerialization.data(withJSONObject: rows, options: .sortedKeys)))
        let summary = try #require(object["summary"] as? [String: Int])
        let skip = expected.filter { $0.action == "skip" }.count
        #expect(summary == ["groups": 12, "skip": skip, "run": 12 - skip, "completed_unmatched": 0])
        let empty = try Self.run(["plan", Self.checkpoint, "--groups", "-", "--format", "json"], stdin: "")
        var broken = object
        broken["summary"] = nil
        let outcome = try StatusStatsSchemaTests.validate(
            schema: "curator-plan.schema.json",
            [("fixture", document.stdout), ("empty", empty.stdout), ("broken", try JSONSerialization.data(withJSONObject: broken))])
        #expect(outcome == ["fixture": true, "empty": true, "broken": false])
    }

    @Test("--files: one path per line, each its own group, from a file or stdin")
    func files() throws {
        let single = try Self.expected().filter { $0.paths.count == 1 }
        let input = single.map { $0.paths[0] }.joined(separator: "\n") + "\n\n"
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("files.txt")
            try Data(input.utf8).write(to: file)
            let fromFile = try CLI.run(["plan", Self.checkpoint, "--files", file.path, "--format", "jsonl"])
            let fromStdin = try Self.run(["plan", Self.checkpoint, "--files", "-", "--format", "jsonl"], stdin: input)
            for result in [fromFile, fromStdin] {
                #expect(result.status == 0, "\(result)")
                let rows = try result.jsonLines()
                #expect(rows.map { $0["source_id"] as? String } == single.map(\.id))
                #expect(rows.map { $0["action"] as? String } == single.map(\.action))
            }
        }
    }

    @Test("--groups - reads stdin (CRLF line ends too); empty input plans nothing")
    func stdin() throws {
        let expected = try Self.expected()
        let text = try String(contentsOfFile: Self.groupsFile, encoding: .utf8)
        let result = try Self.run(["plan", "-c", Self.checkpoint, "--groups", "-"], stdin: text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(result.status == 0, "\(result)")
        #expect(result.text.lines.dropLast().map { String($0.prefix(12)) } == expected.map(\.id))
        let empty = try Self.run(["plan", Self.checkpoint, "--groups", "-"], stdin: "")
        #expect(empty.status == 0 && empty.text == "0 groups: 0 skip, 0 run; 7 completed sources match no given group\n", "\(empty)")
    }

    @Test("paths spelled otherwise than the pipeline saw them match nothing: every group runs, a note on stderr says why")
    func spelling() throws {
        let relative = try Self.expected().map { String($0.paths[0].dropFirst()) }
        let result = try Self.run(["plan", Self.checkpoint, "--files", "-"], stdin: relative.joined(separator: "\n"))
        #expect(result.status == 0, "\(result)")
        #expect(result.text.lines.dropLast().allSatisfy { $0.split(separator: "\t")[1] == "run" }, "\(result.text)")
        #expect(result.text.lines.last == "12 groups: 0 skip, 12 run; 7 completed sources match no given group")
        #expect(result.stderr.contains("hashed exactly as given"), "\(result.stderr)")
        let fixture = try CLI.run(["plan", Self.checkpoint, "--groups", Self.groupsFile])
        #expect(!fixture.stderr.contains("hashed exactly as given"))
    }

    @Test("a bad line: exit 64 (the input, not the checkpoint), one sentence naming the file and the line number")
    func badLine() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("groups.jsonl")
            try Data("[\"/a.jsonl\"]\n\n[\"/b.jsonl\", 7]\n".utf8).write(to: file)
            let result = try CLI.run(["plan", Self.checkpoint, "--groups", file.path])
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.hasPrefix("lineage: \(file.path) line 3: "), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            let missing = try CLI.run(["plan", Self.checkpoint, "--groups", directory.appendingPathComponent("none").path])
            #expect(missing.status == 64 && missing.stderr.contains("cannot read the file groups"), "\(missing)")
        }
    }

    @Test("a damaged writer: named on stderr, its sources left out, so its groups run again; the plan printed, exit 2")
    func damagedWriter() throws {
        let expected = try Self.expected()
        let writers = try CuratorSourcesCommandTests.expectedWriters()
        let survivors = Set(writers.filter { $0.key != "node-a-1001.mdb" }.flatMap(\.value))
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            var random = SplitMix64(state: 9)
            let victim = metadata.appendingPathComponent("node-a-1001.mdb")
            try Data((0..<45056).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: victim)
            let result = try CLI.run(["plan", checkpoint.path, "--groups", Self.groupsFile, "--format", "jsonl"])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains(victim.path), "\(result.stderr)")
            let actions = try result.jsonLines().map { $0["action"] as? String }
            #expect(actions == expected.map { survivors.contains($0.id) ? "skip" : "run" })
            #expect(actions.filter { $0 == "skip" }.count == survivors.count)
        }
    }

    @Test("usage: exactly one of --groups and --files; a DAG file is refused as the other kind (exit 64)")
    func usage() throws {
        #expect(try CLI.run(["plan", Self.checkpoint]).status == 64)
        #expect(try CLI.run(["plan", Self.checkpoint, "--groups", Self.groupsFile, "--files", Self.groupsFile]).status == 64)
        let dag = try CLI.run(["plan", CLI.fixture("four_stage"), "--groups", Self.groupsFile])
        #expect(dag.status == 64 && dag.stderr.contains("is a task-lineage DAG checkpoint"), "\(dag)")
    }
}

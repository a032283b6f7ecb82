import Foundation
import LineageTestSupport
import Testing

/// `lineage sources`, `source-id` and `show SOURCE_ID` on the Curator checkpoint the
/// pipeline's own code wrote, against what its own reader saw (`curator_run.json`).
@Suite("sources, source-id and show on a Curator checkpoint")
struct CuratorSourcesCommandTests {
    static let checkpoint = CuratorStatusCommandTests.checkpoint
    static let groupsFile = CuratorStatusCommandTests.folder.appendingPathComponent("curator_run.groups.jsonl").path

    /// `source id -> writers holding it` (sorted names), from the pipeline reader's per-writer sets.
    static func holders(_ writers: [String: [String]]) -> [String: [String]] {
        var map: [String: [String]] = [:]
        for (name, sources) in writers { for source in sources { map[source, default: []].append(name) } }
        return map.mapValues { $0.sorted() }
    }

    static func expectedWriters() throws -> [String: [String]] {
        try #require(try CuratorStatusCommandTests.expected()["writers"] as? [String: [String]])
    }

    static func expectedGroups() throws -> [[String: Any]] {
        try #require(try CuratorStatusCommandTests.expected()["groups"] as? [[String: Any]])
    }

    @Test("text: the union, sorted, each id with the writers holding it")
    func text() throws {
        let writers = try Self.expectedWriters()
        let union = try #require(try CuratorStatusCommandTests.expected()["union"] as? [String])
        let holders = Self.holders(writers)
        let result = try CLI.run(["sources", Self.checkpoint])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.text.lines == union.sorted().map { "\($0)\t\(holders[$0]!.joined(separator: ","))" })
    }

    @Test("jsonl and json give the same rows as objects; the schema accepts the json and rejects a broken one")
    func json() throws {
        let writers = try Self.expectedWriters()
        let holders = Self.holders(writers)
        let lines = try CLI.run(["sources", Self.checkpoint, "--format", "jsonl"])
        #expect(lines.status == 0, "\(lines)")
        let rows = try lines.recordLines(kind: "curator")
        #expect(rows.compactMap { $0["source_id"] as? String } == holders.keys.sorted())
        for row in rows {
            let id = try #require(row["source_id"] as? String)
            #expect(row["writers"] as? [String] == holders[id], "\(id)")
        }
        let document = try CLI.run(["sources", Self.checkpoint, "--format", "json"])
        let array = try document.records("sources", kind: "curator")
        #expect(array.count == rows.count)
        #expect(
            try JSONSerialization.data(withJSONObject: array, options: .sortedKeys)
                == (try JSONSerialization.data(withJSONObject: rows, options: .sortedKeys)))
        let one = try CLI.run(["sources", Self.checkpoint, "--format", "json", "--writer", "node-c-3003.mdb"])
        let none = try one.records("sources", kind: "curator")
        #expect(one.status == 0 && none.isEmpty, "\(one)")
        let broken = try JSONSerialization.data(withJSONObject: [
            "schema_version": 1, "kind": "curator", "checkpoint": Self.checkpoint, "skipped_writers": [String](),
            "sources": [["source_id": "ead520a8e8d8", "writers": "node-a-1001.mdb"]],
        ])
        let outcome = try StatusStatsSchemaTests.validate(
            schema: "curator-sources.schema.json", [("json", document.stdout), ("empty", one.stdout), ("broken", broken)])
        #expect(outcome == ["json": true, "empty": true, "broken": false])
    }

    @Test("--writer limits the rows to one writer's ids (with or without .mdb); an unknown name is exit 1")
    func writer() throws {
        let writers = try Self.expectedWriters()
        for (name, sources) in writers {
            for given in [name, String(name.dropLast(4))] {
                let result = try CLI.run(["sources", Self.checkpoint, "--writer", given])
                #expect(result.status == 0, "\(result)")
                #expect(result.text.lines.map { String($0.prefix(12)) } == sources.sorted(), "\(given)")
            }
        }
        let unknown = try CLI.run(["sources", Self.checkpoint, "--writer", "node-z"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no writer file named node-z"), "\(unknown)")
    }

    @Test("a writer file of random bytes is named on stderr and left out of the union; the ids printed, exit 2")
    func damagedWriter() throws {
        let writers = try Self.expectedWriters()
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            var random = SplitMix64(state: 42)
            let victim = metadata.appendingPathComponent("node-a-1001.mdb")
            let size = try Data(contentsOf: victim).count
            try Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: victim)
            let result = try CLI.run(["sources", checkpoint.path])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains(victim.path) && result.stderr.contains("run again"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            let survivors = (writers["node-b-2002.mdb"] ?? []).sorted()
            #expect(result.text.lines == survivors.map { "\($0)\tnode-b-2002.mdb" })
        }
    }

    @Test("a DAG file is the other kind (64), a plain directory no checkpoint (2), each in one sentence; --kind curator reads it anyway")
    func notCurator() throws {
        let dag = try CLI.run(["sources", CLI.fixture("four_stage")])
        #expect(dag.status == 64 && dag.text.isEmpty && dag.stderr.contains("is a task-lineage DAG checkpoint"), "\(dag)")
        let folder = try CLI.run(["sources", CuratorStatusCommandTests.folder.path])
        #expect(folder.status == 2 && folder.text.isEmpty, "\(folder)")
        #expect(folder.stderr.contains("is not a NeMo Curator checkpoint (detected: "), "\(folder.stderr)")
        for result in [dag, folder] { #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)") }
        #expect(folder.stderr.contains("--kind curator"))
        let forced = try CLI.run(["sources", "--kind", "curator", CLI.fixture("four_stage")])
        #expect(forced.status == 0 && forced.text.isEmpty, "\(forced)")
        #expect(try CLI.run(["sources", "--kind", "dag", Self.checkpoint]).status == 64)
    }

    @Test("source-id prints each fixture group's id, in any order of its paths; no path is a usage error")
    func sourceID() throws {
        for group in try Self.expectedGroups() {
            let paths = try #require(group["paths"] as? [String])
            let result = try CLI.run(["source-id"] + paths.reversed())
            #expect(result.status == 0 && result.text == "\(group["source_id"] as? String ?? "?")\n", "\(result)")
        }
        #expect(try CLI.run(["source-id"]).status == 64)
    }

    @Test("show SOURCE_ID: the writers holding it and, with --groups, the groups mapping to it by line")
    func show() throws {
        let writers = try Self.expectedWriters()
        let groups = try Self.expectedGroups()
        for (id, names) in Self.holders(writers) {
            let line = try #require(groups.firstIndex { $0["source_id"] as? String == id }) + 1
            let text = try CLI.run(["show", "-c", Self.checkpoint, id, "--groups", Self.groupsFile])
            #expect(text.status == 0, "\(text)")
            #expect(
                text.text.lines.prefix(3) == [
                    "source id  \(id)", "writers    \(names.joined(separator: ", "))", "groups     1 in \(Self.groupsFile)",
                ])
            #expect(text.text.lines.dropFirst(3).first?.hasPrefix("  line \(line)") == true, "\(text.text)")
            let json = try CLI.run(["show", "-c", Self.checkpoint, id, "--format", "json", "--groups", Self.groupsFile])
            let object = try #require(try json.json() as? [String: Any])
            #expect(object["writers"] as? [String] == names)
            let matched = try #require(object["groups"] as? [[String: Any]])
            #expect(matched.map { $0["line"] as? Int } == [line])
            #expect(matched.first?["paths"] as? [String] == groups[line - 1]["paths"] as? [String])
        }
        let pending = try #require(groups.first { $0["completed"] as? Bool == false }?["source_id"] as? String)
        let missing = try CLI.run(["show", "-c", Self.checkpoint, pending])
        #expect(missing.status == 1 && missing.text.isEmpty && missing.stderr.contains("no readable writer holds source id \(pending)"), "\(missing)")
        #expect(try CLI.run(["show", "-c", Self.checkpoint, "--path", "0_1"]).status == 64)
        #expect(try CLI.run(["show", "-c", Self.checkpoint, "-", "--groups", "-"]).status == 64)
        #expect(try CLI.run(["show", "-c", CLI.fixture("four_stage"), "ffda", "--groups", Self.groupsFile]).status == 64)
    }

    @Test("show takes a unique prefix of 4+ digits in any case, as with udids; a prefix held by none never claims a rerun")
    func showPrefix() throws {
        let holders = Self.holders(try Self.expectedWriters())
        for (id, names) in holders {
            for query in [String(id.prefix(4)), String(id.prefix(6)).uppercased(), id.uppercased()] {
                // The fixture's ids differ in their first 4 digits (checked here, so the test cannot pass vacuously).
                #expect(holders.keys.filter { $0.hasPrefix(query.lowercased()) } == [id])
                let result = try CLI.run(["show", "-c", Self.checkpoint, query])
                #expect(result.status == 0 && result.text.lines.prefix(2) == ["source id  \(id)", "writers    \(names.joined(separator: ", "))"], "\(query): \(result)")
            }
        }
        let unused = try #require((0..<0x10000).lazy.map { String(format: "%04x", $0) }.first { p in !holders.keys.contains { $0.hasPrefix(p) } })
        let none = try CLI.run(["show", "-c", Self.checkpoint, unused])
        #expect(none.status == 1 && none.text.isEmpty, "\(none)")
        #expect(none.stderr.contains("no completed source id is or starts with \(unused)") && !none.stderr.contains("rerun"), "\(none)")
    }

    @Test("show - answers source ids from stdin on a Curator checkpoint: blocks in text, one line per query in jsonl")
    func showBatch() throws {
        let holders = Self.holders(try Self.expectedWriters())
        let ids = holders.keys.sorted()
        let input = [String(ids[0].prefix(5)).uppercased(), "", "ffff0000ffff", "nothex", ids[1]].joined(separator: "\n") + "\n"
        let text = try CLI.run(["show", "-c", Self.checkpoint, "-"], stdin: input)
        #expect(text.status == 1, "\(text)")
        #expect(
            text.text == "source id  \(ids[0])\nwriters    \(holders[ids[0]]!.joined(separator: ", "))\n\n"
                + "source id  \(ids[1])\nwriters    \(holders[ids[1]]!.joined(separator: ", "))\n", "\(text.text)")
        #expect(text.stderr.contains("no readable writer holds source id ffff0000ffff") && text.stderr.contains("source id nothex, so a rerun runs it"))
        let json = try CLI.run(["show", "-c", Self.checkpoint, "-", "--format", "jsonl"], stdin: input)
        let rows = try json.jsonLines()
        #expect(rows.map { ($0["source_id"] ?? $0["error"]) as? String } == [ids[0], "not_found", "not_found", ids[1]], "\(json)")
        #expect(rows[1]["query"] as? String == "ffff0000ffff")
        let all = try CLI.run(["show", "-c", Self.checkpoint, "-"], stdin: ids.joined(separator: "\n"))
        #expect(all.status == 0 && all.stderr.isEmpty && all.text.lines.filter { $0.hasPrefix("source id") }.count == ids.count, "\(all)")
    }
}

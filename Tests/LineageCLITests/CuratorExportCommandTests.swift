import Foundation
import LineageTestSupport
import Testing

/// `lineage export --format json` on a Curator checkpoint, checked against what the
/// pipeline's own reader saw (`curator_run.json`) and against Docs/curator-export.schema.json.
@Suite("export on a Curator checkpoint")
struct CuratorExportCommandTests {
    static let checkpoint = CuratorStatusCommandTests.checkpoint

    /// source id -> the writers holding it, from the pipeline reader's per-writer key sets.
    static func expectedHolders() throws -> [String: [String]] {
        let writers = try #require(try CuratorStatusCommandTests.expected()["writers"] as? [String: [String]])
        var holders: [String: [String]] = [:]
        for name in writers.keys.sorted() {
            for source in writers[name]! { holders[source, default: []].append(name) }
        }
        return holders
    }

    @Test("the sources are the union, each with the writers holding it; the shards and markers as the pipeline saw them")
    func fixture() throws {
        let expected = try CuratorStatusCommandTests.expected()
        // json is the default on a Curator checkpoint.
        let result = try CLI.run(["export", Self.checkpoint])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        let document = try #require(try result.json() as? [String: Any])
        #expect(document["kind"] as? String == "curator")
        let sources = try #require(document["sources"] as? [[String: Any]])
        let ids = sources.compactMap { $0["source_id"] as? String }
        #expect(ids == (expected["union"] as? [String])?.sorted())
        var holders: [String: [String]] = [:]
        for source in sources { holders[source["source_id"] as! String] = source["writers"] as? [String] }
        #expect(holders == (try Self.expectedHolders()))
        let writers = try #require(document["writers"] as? [[String: Any]])
        let sets = try #require(expected["writers"] as? [String: [String]])
        #expect(writers.compactMap { $0["name"] as? String } == sets.keys.sorted())
        for writer in writers {
            #expect(writer["completed"] as? Int == sets[writer["name"] as! String]?.count)
            #expect(writer["skipped"] as? Bool == false)
        }
        let slurm = try #require(document["slurm"] as? [String: Any])
        let oracle = try #require(expected["slurm"] as? [String: Any])
        #expect(slurm["completed"] as? [Int] == oracle["completed"] as? [Int])
        #expect(shards(fromRanges: slurm["missing"]) == oracle["missing"] as? [Int])
        #expect(document["failed_attempts"] as? [[String: Int]] == oracle["failed_attempts"] as? [[String: Int]])
        let same = try CLI.run(["export", Self.checkpoint, "--format", "json"])
        #expect(same.stdout == result.stdout)
    }

    @Test("a damaged writer: named on stderr, marked skipped, its sources left out; the document printed, exit 2")
    func skippedWriter() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let file = metadata.appendingPathComponent("node-a-1001.mdb")
            try Data(repeating: 0x5A, count: 8192).write(to: file)
            let result = try CLI.run(["export", checkpoint.path])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("node-a-1001.mdb") && result.stderr.contains("run again"), "\(result.stderr)")
            let document = try #require(try result.json() as? [String: Any])
            let writers = try #require(document["writers"] as? [[String: Any]])
            #expect(writers.filter { $0["skipped"] as? Bool == true }.compactMap { $0["name"] as? String } == ["node-a-1001.mdb"])
            let ids = (document["sources"] as? [[String: Any]])?.compactMap { $0["source_id"] as? String }
            let holders = try Self.expectedHolders()
            #expect(ids == holders.filter { $0.value.contains("node-b-2002.mdb") }.keys.sorted())
        }
    }

    @Test("dot, mermaid, --around and --by-stage are usage errors on a Curator checkpoint")
    func refusals() throws {
        for arguments in [["--format", "dot"], ["--format", "mermaid"], ["--by-stage"], ["--around", "abcd"]] {
            let result = try CLI.run(["export", Self.checkpoint] + arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
        }
        // A DAG file keeps dot as its default.
        let dag = try CLI.run(["export", CLI.fixture("four_stage")])
        #expect(dag.status == 0 && dag.text.hasPrefix("digraph"), "\(dag)")
    }

    @Test("the schema accepts the documents (sound, with a skipped writer, without Slurm) and rejects a broken one")
    func schema() throws {
        var documents: [(label: String, json: Data)] = []
        let sound = try CLI.run(["export", Self.checkpoint])
        documents.append(("fixture", sound.stdout))
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            try Data(repeating: 0x5A, count: 4096).write(to: metadata.appendingPathComponent("junk.mdb"))
            try FileManager.default.removeItem(at: metadata.appendingPathComponent(".slurm_array_completion"))
            documents.append(("junk", try CLI.run(["export", checkpoint.path]).stdout))
        }
        var broken = try #require(try sound.json() as? [String: Any])
        broken["sources"] = [["source_id": "x", "writers": []]]
        documents.append(("broken", try JSONSerialization.data(withJSONObject: broken)))
        let outcome = try StatusStatsSchemaTests.validate(schema: "curator-export.schema.json", documents)
        #expect(outcome == ["fixture": true, "junk": true, "broken": false])
    }
}

import Foundation
import LineageTestSupport
import Testing

/// `lineage status` on the Curator checkpoint the pipeline's own code wrote, checked against
/// what the pipeline's own reader saw (`curator_run.json`).
@Suite("status on a Curator checkpoint")
struct CuratorStatusCommandTests {
    static let folder = CLI.packageRoot.appendingPathComponent("Tests/LineageKitTests/Fixtures/curator")
    static let checkpoint = folder.appendingPathComponent("curator_run").path

    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("curator_run.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A writable copy of the checkpoint directory.
    static func withCopy(_ body: (_ checkpoint: URL, _ metadata: URL) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let copy = directory.appendingPathComponent("run")
            try FileManager.default.copyItem(atPath: checkpoint, toPath: copy.path)
            try body(copy, copy.appendingPathComponent(".nemo_curator_metadata"))
        }
    }

    @Test("--format json: the writers, the union and the Slurm shards the pipeline's reader saw")
    func json() throws {
        let expected = try Self.expected()
        let writers = try #require(expected["writers"] as? [String: [String]])
        let slurm = try #require(expected["slurm"] as? [String: Any])
        let result = try CLI.run(["status", Self.checkpoint, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let report = try #require(try result.json() as? [String: Any])
        #expect(report["kind"] as? String == "curator")
        let rows = try #require(report["writers"] as? [[String: Any]])
        #expect(rows.compactMap { $0["name"] as? String } == writers.keys.sorted())
        for row in rows {
            let name = try #require(row["name"] as? String)
            #expect(row["completed"] as? Int == writers[name]?.count, "\(name)")
        }
        #expect(report["union"] as? Int == (expected["union"] as? [String])?.count)
        let ours = try #require(report["slurm"] as? [String: Any])
        #expect(ours["completed"] as? [Int] == slurm["completed"] as? [Int])
        #expect(shards(fromRanges: ours["missing"]) == slurm["missing"] as? [Int])
        #expect(ours["missing_count"] as? Int == (slurm["missing"] as? [Int])?.count)
        #expect(ours["retry_array"] as? String == (slurm["missing"] as? [Int])?.map(String.init).joined(separator: ","))
        let attempts = try #require(ours["failed_attempts"] as? [[String: Int]])
        #expect(attempts == slurm["failed_attempts"] as? [[String: Int]])
    }

    @Test("text: one row per writer with its completed count and state, the union, the --array expression")
    func text() throws {
        let expected = try Self.expected()
        let writers = try #require(expected["writers"] as? [String: [String]])
        let result = try CLI.run(["status", Self.checkpoint])
        #expect(result.status == 0, "\(result)")
        let lines = result.text.lines
        for (name, sources) in writers {
            let row = try #require(lines.first { $0.hasPrefix(name + " ") }, "\(name): \(result.text)")
            let fields = row.split(separator: " ")
            #expect(fields[2] == "\(sources.count)", "\(row)")
            #expect(fields.last == (sources.isEmpty ? "empty" : "ok"), "\(row)")
        }
        #expect(
            lines.contains(
                "sources completed  \((expected["union"] as? [String])?.count ?? -1) (the union of the readable writers: a rerun skips these)"))
        #expect(lines.contains("  retry --array    2,5"), "\(result.text)")
        #expect(!result.text.contains("RUN AGAIN"))
    }

    @Test(
        "an unreadable and a truncated writer file: named loudly with what the pipeline does (skips one, fails on the other), the rest still reported"
    )
    func skippedWriters() throws {
        try Self.withCopy { checkpoint, metadata in
            try Data(repeating: 0x5A, count: 4096).write(to: metadata.appendingPathComponent("junk.mdb"))
            let original = try Data(contentsOf: metadata.appendingPathComponent("node-a-1001.mdb"))
            try original.prefix(original.count / 2).write(to: metadata.appendingPathComponent("node-a-1001.mdb"))
            // The report, then one sentence per file on stderr in every form, exit 2 (a part is damaged).
            let text = try CLI.run(["status", checkpoint.path])
            #expect(text.status == 2 && text.text.contains("writers            4 (1 skipped, 1 failing the resume)"), "\(text)")
            #expect(text.text.hasPrefix("resume fails: the pipeline's start stops on node-a-1001.mdb; move it out of the metadata folder\nincomplete: shards 2,5 of 6 to resubmit; then a rerun skips"), "\(text)")
            let retry = try CLI.run(["status", checkpoint.path, "--retry-fields"])
            #expect(retry.status == 2 && retry.text == "2,5 0 0 6\n", "\(retry)")
            let json = try CLI.run(["status", checkpoint.path, "--format", "json"])
            #expect(json.status == 2, "\(json)")
            for result in [text, retry, json] {
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 2 && lines[0].contains("junk.mdb") && lines[1].contains("node-a-1001.mdb"), "\(result.stderr)")
                #expect(lines[0].contains("the pipeline skips it") && lines[0].contains("run again"), "\(result.stderr)")
                #expect(lines[1].contains("the resumed pipeline stops before it starts on it") && lines[1].contains("SIGBUS"), "\(result.stderr)")
            }
            let report = try #require(try json.json() as? [String: Any])
            #expect(report["skipped_writers"] as? [String] == ["junk.mdb"])
            #expect(report["blocking_writers"] as? [String] == ["node-a-1001.mdb"])
            let rows = try #require(report["writers"] as? [[String: Any]])
            #expect(rows.map { $0["pipeline"] as? String } == ["skipped", "fails_resume", "read", "read"])
            let expected = try Self.expected()
            let writers = try #require(expected["writers"] as? [String: [String]])
            let survivors = Set((writers["node-b-2002.mdb"] ?? []) + (writers["node-c-3003.mdb"] ?? []))
            #expect(report["union"] as? Int == survivors.count)
        }
    }

    @Test("--fail-if-incomplete: exit 1 with shards missing, 0 on one writer file; --kind dag on it is refused (64)")
    func exitCodes() throws {
        #expect(try CLI.run(["status", Self.checkpoint, "--fail-if-incomplete"]).status == 1)
        let writer = Self.checkpoint + "/.nemo_curator_metadata/node-a-1001.mdb"
        let single = try CLI.run(["status", writer, "--fail-if-incomplete"])
        #expect(single.status == 0 && single.text.contains("kind               curator (an .mdb file"), "\(single)")
        let dag = try CLI.run(["status", "--kind", "dag", Self.checkpoint])
        #expect(dag.status == 64 && dag.stderr.contains("drop --kind dag"), "\(dag)")
        let forced = try CLI.run(["status", "--kind", "curator", CLI.fixture("four_stage"), "--format", "json"])
        #expect(forced.status == 0, "\(forced)")
        #expect((try forced.json() as? [String: Any])?["detected"] as? String == "--kind curator")
    }

    @Test("--retry-fields prints only the retry helper's lines; nothing without a job array; usage errors elsewhere")
    func retryFields() throws {
        let expected = try Self.expected()
        let slurm = try #require(expected["slurm"] as? [String: Any])
        let missing = try #require(slurm["missing"] as? [Int])
        let tail = "\(slurm["minimum_shard_index"] as? Int ?? -1) \(slurm["total_shards"] as? Int ?? -1)"
        let plain = try CLI.run(["status", Self.checkpoint, "--retry-fields"])
        #expect(plain.status == 0 && plain.text == "\(missing.map(String.init).joined(separator: ",")) 0 \(tail)\n", "\(plain)")
        let grouped = try CLI.run(["status", Self.checkpoint, "--retry-fields", "--max-array-size", "4"])
        #expect(grouped.text == "2 0 \(tail)\n1 4 \(tail)\n", "\(grouped)")
        let writer = Self.checkpoint + "/.nemo_curator_metadata/node-a-1001.mdb"
        let none = try CLI.run(["status", writer, "--retry-fields"])
        #expect(none.status == 0 && none.text.isEmpty, "\(none)")
        #expect(try CLI.run(["status", CLI.fixture("four_stage"), "--retry-fields"]).status == 64)
        #expect(try CLI.run(["status", Self.checkpoint, "--max-array-size", "4"]).status == 64)
        #expect(try CLI.run(["status", Self.checkpoint, "--retry-fields", "--max-array-size", "0"]).status == 64)
    }

    @Test("the schema accepts the reports (sound and with skipped writers) and rejects one without writers")
    func schema() throws {
        var documents: [(label: String, json: Data)] = []
        let sound = try CLI.run(["status", Self.checkpoint, "--format", "json"])
        documents.append(("fixture", sound.stdout))
        try Self.withCopy { checkpoint, metadata in
            try Data(repeating: 0x5A, count: 4096).write(to: metadata.appendingPathComponent("junk.mdb"))
            documents.append(("junk", try CLI.run(["status", checkpoint.path, "--format", "json"]).stdout))
        }
        var broken = try #require(try sound.json() as? [String: Any])
        broken["writers"] = nil
        documents.append(("broken", try JSONSerialization.data(withJSONObject: broken)))
        let outcome = try StatusStatsSchemaTests.validate(schema: "status-curator.schema.json", documents)
        #expect(outcome == ["fixture": true, "junk": true, "broken": false])
    }
}

@Suite("status: the kind of checkpoint in JSON")
struct StatusKindTests {
    @Test("a DAG file says kind dag, a Curator checkpoint kind curator")
    func kinds() throws {
        let dag = try #require(try CLI.run(["status", CLI.fixture("four_stage"), "--format", "json"]).json() as? [String: Any])
        #expect(dag["kind"] as? String == "dag")
        let curator = try #require(
            try CLI.run(["status", CuratorStatusCommandTests.checkpoint, "--format", "json"]).json() as? [String: Any])
        #expect(curator["kind"] as? String == "curator")
    }

    @Test("a manifest whose shard is 4.0, not 4: rejected as the retry helper rejects it, so shard 4 is missing")
    func floatShard() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let manifest = metadata.appendingPathComponent(".slurm_array_completion/completed_slurm_array_76a5ae88e7ec690c.json")
            let original = try String(contentsOf: manifest, encoding: .utf8)
            try #require(original.contains("\"shard_index\":4,"))
            try original.replacingOccurrences(of: "\"shard_index\":4,", with: "\"shard_index\":4.0,").write(
                to: manifest, atomically: true, encoding: .utf8)
            let report = try #require(try CLI.run(["status", checkpoint.path, "--format", "json"]).json() as? [String: Any])
            let slurm = try #require(report["slurm"] as? [String: Any])
            #expect(shards(fromRanges: slurm["missing"]) == [2, 4, 5])
            let rejected = try #require(slurm["rejected_manifests"] as? [[String: String]])
            #expect(rejected.map { $0["file"] } == ["completed_slurm_array_76a5ae88e7ec690c.json"])
            let fields = try CLI.run(["status", checkpoint.path, "--retry-fields"])
            #expect(fields.text == "2,4-5 0 0 6\n", "\(fields)")
        }
    }

    @Test("an unusable run.json: named in the JSON as slurm_problem, no slurm object, valid under the schema")
    func rejectedRunManifest() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let run = metadata.appendingPathComponent(".slurm_array_completion/run.json")
            try Data("{\"minimum_shard_index\":0,\"total_shards\":0}\n".utf8).write(to: run)
            let result = try CLI.run(["status", checkpoint.path, "--format", "json"])
            #expect(result.status == 0, "\(result)")
            let report = try #require(try result.json() as? [String: Any])
            #expect(report["slurm"] == nil)
            let problem = try #require(report["slurm_problem"] as? [String: String])
            #expect(problem["file"] == "run.json")
            let outcome = try StatusStatsSchemaTests.validate(schema: "status-curator.schema.json", [("zero shards", result.stdout)])
            #expect(outcome == ["zero shards": true])
        }
    }
}

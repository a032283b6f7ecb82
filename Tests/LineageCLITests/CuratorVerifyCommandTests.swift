import Foundation
import LineageTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `lineage verify` on NeMo Curator checkpoints: the pipeline-written fixture is sound in
/// every format; damaged copies give the check id, the verdict and the exit code a CI
/// script relies on, and every JSON report matches Docs/verify-report.schema.json.
@Suite("verify on a Curator checkpoint")
struct CuratorVerifyCommandTests {
    static let checkpoint = CuratorStatusCommandTests.checkpoint

    static let checkIDs = [
        "writer-structure", "writer-schema", "source-keys", "source-values", "slurm-run", "slurm-manifests", "slurm-leftovers",
    ]

    /// Adds entries to a writer file with py-lmdb, as the pipeline's writer opens it.
    static func put(_ entries: [([UInt8], [UInt8])], into file: URL) throws {
        let pairs = entries.map { key, value in
            "(bytes([\(key.map(String.init).joined(separator: ","))]), bytes([\(value.map(String.init).joined(separator: ","))]))"
        }
        let script = """
            import lmdb, sys
            env = lmdb.open(sys.argv[1], subdir=False, lock=False, max_dbs=1)
            db = env.open_db(b"completed_sources")
            with env.begin(write=True) as txn:
                for key, value in [\(pairs.joined(separator: ", "))]:
                    txn.put(key, value, db=db)
            env.close()
            """
        let result = try CLI.exec("/usr/bin/env", ["python3", "-c", script, file.path])
        try #require(result.status == 0, "python3 with the lmdb module is needed (pip install lmdb): \(result)")
    }

    /// The JSON report of `path`, its check `id`, and the exit status; the report is validated.
    static func report(_ path: String, check id: String) throws -> (report: [String: Any], check: [String: Any], status: Int32) {
        let result = try CLI.run(["verify", "--format", "jsonl", path])
        let report = try #require(try result.json() as? [String: Any], "\(result)")
        for (label, errors) in try ReportSchemaTests.validate([(path, result.stdout)]) {
            #expect(errors == nil, "\(label): \(errors ?? "")")
        }
        let checks = try #require(report["checks"] as? [[String: Any]])
        #expect(checks.map { $0["id"] as? String } == Self.checkIDs)
        let check = try #require(checks.first { $0["id"] as? String == id })
        return (report, check, result.status)
    }

    @Test("the fixture verifies OK: text, JSON (valid under the schema) and JUnit, exit 0")
    func fixture() throws {
        let text = try CLI.run(["verify", Self.checkpoint])
        #expect(text.status == 0, "\(text)")
        #expect(text.lines.last == "verdict: OK, all 7 checks passed", "\(text)")
        for id in Self.checkIDs { #expect(text.lines.contains { $0.hasPrefix("  pass  \(id) ") }, "\(id): \(text.text)") }

        let (report, _, status) = try Self.report(Self.checkpoint, check: "writer-structure")
        #expect(status == 0)
        #expect(report["kind"] as? String == "curator" && report["schema_version"] as? Int == 4 && report["ok"] as? Bool == true)
        let expected = try CuratorStatusCommandTests.expected()
        #expect(report["sources"] as? Int == (expected["union"] as? [String])?.count)
        #expect(report["writers"] as? Int == (expected["writers"] as? [String: Any])?.count)

        #if canImport(FoundationXML)
            let junit = try CLI.run(["verify", "--format", "junit", Self.checkpoint])
            #expect(junit.status == 0, "\(junit)")
            let suites = try ReportSchemaTests.junitCases(junit.stdout)
            let cases = try #require(suites["lineage verify \(Self.checkpoint)"], "\(suites.keys)")
            #expect(cases.map(\.name) == Self.checkIDs)
            #expect(cases.allSatisfy { $0.children.isEmpty }, "every test case passes")
        #endif
    }

    @Test("DAG and Curator paths in one list: JSON Lines of both kinds, each valid; --kind overrides detection")
    func mixed() throws {
        let dag = CLI.fixture("four_stage")
        let writer = URL(fileURLWithPath: Self.checkpoint).appendingPathComponent(".nemo_curator_metadata/node-a-1001.mdb").path
        let result = try CLI.run(["verify", "--format", "jsonl", dag, Self.checkpoint, writer])
        #expect(result.status == 0, "\(result)")
        let lines = try result.jsonLines()
        #expect(lines.map { $0["kind"] as? String } == ["dag", "curator", "curator"])
        #expect(lines.map { $0["checkpoint"] as? String } == [dag, Self.checkpoint, writer])
        try ReportSchemaTests.expectValid(result.text.lines.enumerated().map { ("line \($0.offset + 1)", Data($0.element.utf8)) })
        let text = try CLI.run(["verify", dag, Self.checkpoint])
        #expect(text.lines.last == "2 of 2 checkpoints sound", "\(text)")

        // Read as a DAG file, the directory is what it was before detection existed.
        let asDAG = try CLI.run(["verify", "--kind", "dag", Self.checkpoint])
        #expect(asDAG.status == 2 && asDAG.stderr.contains("data.mdb"), "\(asDAG)")
        // A DAG file read as a writer file: four sub-databases that are not completed_sources.
        let forced = try CLI.run(["verify", "--kind", "curator", "--format", "jsonl", dag])
        #expect(forced.status == 1, "\(forced)")
        #expect(forced.text.contains("unexpected-sub-database"), "\(forced)")
        // A directory forced to be Curator without the metadata folder is unreadable, not an empty success.
        try withTemporaryDirectory { directory in
            let empty = try CLI.run(["verify", "--kind", "curator", directory.path])
            #expect(empty.status == 2, "\(empty)")
            #expect(empty.stderr.contains("no .nemo_curator_metadata/ folder"), "\(empty.stderr)")
        }
    }

    @Test("a writer file of random bytes or a truncated one: exit 2, named on stderr, the rest still checked")
    func damagedWriters() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            var generator = SplitMix64(state: 7)
            try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: metadata.appendingPathComponent("junk.mdb"))
            let (junk, structure, status) = try Self.report(checkpoint.path, check: "writer-structure")
            #expect(status == 2)
            #expect(structure["status"] as? String == "failed")
            #expect((structure["examples"] as? [[String: Any]])?.first?["file"] as? String == "junk.mdb")
            #expect(junk["unreadable_writers"] as? [String] == ["junk.mdb"])
            let text = try CLI.run(["verify", checkpoint.path])
            #expect(text.status == 2)
            #expect(text.lines.last?.hasPrefix("verdict: UNREADABLE, writer file unreadable: junk.mdb") == true, "\(text)")
            #expect(text.stderr.contains("junk.mdb: the writer file cannot be read"), "\(text.stderr)")
            #expect(text.stderr.contains("so the sources it completed run again"), "\(text.stderr)")
            #expect(text.text.contains("  pass  slurm-manifests "), "the rest is still checked: \(text.text)")

            try FileManager.default.removeItem(at: metadata.appendingPathComponent("junk.mdb"))
            let file = metadata.appendingPathComponent("node-b-2002.mdb")
            let bytes = try Data(contentsOf: file)
            try bytes.prefix(bytes.count - 4096).write(to: file)
            let (truncated, _, truncatedStatus) = try Self.report(checkpoint.path, check: "writer-structure")
            #expect(truncatedStatus == 2)
            #expect(truncated["damaged_writers"] as? [String] == ["node-b-2002.mdb"])
            let damaged = try CLI.run(["verify", checkpoint.path])
            #expect(damaged.lines.last?.hasPrefix("verdict: DAMAGED, writer file damaged: node-b-2002.mdb") == true, "\(damaged)")
            #expect(damaged.stderr.contains("node-b-2002.mdb: the writer file is damaged"), "\(damaged.stderr)")
        }
    }

    @Test("a writer without the sub-database is a note: exit 0")
    func noSubDatabase() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let script = "import lmdb, sys\nlmdb.open(sys.argv[1], subdir=False, lock=False, max_dbs=1).close()"
            let file = metadata.appendingPathComponent("node-d-4004.mdb")
            let made = try CLI.exec("/usr/bin/env", ["python3", "-c", script, file.path])
            try #require(made.status == 0, "python3 with lmdb: \(made)")
            let (_, schema, status) = try Self.report(checkpoint.path, check: "writer-schema")
            #expect(status == 0)
            #expect(schema["status"] as? String == "passed")
            #expect((schema["note"] as? String)?.contains("node-d-4004.mdb") == true, "\(schema)")
            let text = try CLI.run(["verify", checkpoint.path])
            #expect(text.status == 0 && text.lines.last == "verdict: OK, all 7 checks passed", "\(text)")
            #expect(text.text.contains("note: no completed_sources sub-database (nothing completed, not a failure): node-d-4004.mdb"), "\(text)")
        }
    }

    @Test(
        "a value other than 1, a non-UTF-8 key, a control-character key: the check id, FAILED, exit 1",
        arguments: [
            ([UInt8]("late".utf8), [UInt8]("0".utf8), "source-values", "bad-value"),
            ([0x73, 0xc3, 0x28], [0x31], "source-keys", "key-not-utf8"),
            ([UInt8]("line\nbreak".utf8), [0x31], "source-keys", "key-control-character"),
        ])
    func badEntries(key: [UInt8], value: [UInt8], id: String, code: String) throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            try Self.put([(key, value)], into: metadata.appendingPathComponent("node-a-1001.mdb"))
            let (_, check, status) = try Self.report(checkpoint.path, check: id)
            #expect(status == 1)
            #expect(check["violations"] as? Int == 1)
            let example = try #require((check["examples"] as? [[String: Any]])?.first)
            #expect(example["code"] as? String == code && example["file"] as? String == "node-a-1001.mdb", "\(example)")
            let text = try CLI.run(["verify", checkpoint.path])
            #expect(text.lines.last == "verdict: FAILED, 1 of 7 checks failed", "\(text)")
            #expect(text.lines.contains { $0.hasPrefix("  FAIL  \(id) ") })
        }
    }

    @Test(
        "manifests: a bad status, a mismatched identity, a wrong digest, a missing run.json: exit 1",
        arguments: [
            ("status", "slurm-manifests", "bad-status"), ("identity", "slurm-manifests", "identity-mismatch"),
            ("digest", "slurm-manifests", "name-digest"), ("no run.json", "slurm-run", "run-missing"),
        ])
    func manifests(change: String, id: String, code: String) throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let folder = metadata.appendingPathComponent(".slurm_array_completion")
            // The fixture's manifest of shard 3 (named by its digest).
            let shard3 = folder.appendingPathComponent("completed_slurm_array_d72579fd6bd71b15.json")
            let original = try String(contentsOf: shard3, encoding: .utf8)
            try #require(original.contains("\"shard_index\":3"), "the fixture's shard 3 manifest moved: \(original)")
            switch change {
            case "status":
                try original.replacingOccurrences(of: "\"completed\"", with: "\"running\"").write(to: shard3, atomically: true, encoding: .utf8)
            case "identity":
                try FileManager.default.removeItem(at: folder.appendingPathComponent("run.json"))
                try "{\"minimum_shard_index\":0,\"total_shards\":8}\n".write(
                    to: folder.appendingPathComponent("run.json"), atomically: true, encoding: .utf8)
            case "digest":
                try FileManager.default.moveItem(at: shard3, to: folder.appendingPathComponent("completed_slurm_array_0000000000000003.json"))
            default: try FileManager.default.removeItem(at: folder.appendingPathComponent("run.json"))
            }
            let (_, check, status) = try Self.report(checkpoint.path, check: id)
            #expect(status == 1)
            #expect(check["status"] as? String == "failed")
            let codes = (check["examples"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes.first == code, "\(check)")
            let text = try CLI.run(["verify", checkpoint.path])
            #expect(text.lines.last?.hasPrefix("verdict: FAILED") == true, "\(text)")
        }
    }

    @Test("a leftover .tmp manifest is noted, not a failure: exit 0")
    func leftover() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let name = ".completed_slurm_array_d72579fd6bd71b15.json.a8f3k1.tmp"
            try Data().write(to: metadata.appendingPathComponent(".slurm_array_completion").appendingPathComponent(name))
            let (_, check, status) = try Self.report(checkpoint.path, check: "slurm-leftovers")
            #expect(status == 0)
            #expect(check["status"] as? String == "passed")
            #expect((check["note"] as? String)?.contains(name) == true, "\(check)")
            let text = try CLI.run(["verify", checkpoint.path])
            #expect(text.status == 0 && text.lines.last == "verdict: OK, all 7 checks passed", "\(text)")
        }
    }
}

import Foundation
import LineageTestSupport
import Testing

/// `lineage doctor`: the pre-flight check before resubmitting, on both kinds.
@Suite("doctor")
struct DoctorCommandTests {
    /// The checks of a JSON report by id: (status, summary, details).
    static func checks(_ result: CLI.Result) throws -> [String: (status: String, summary: String, details: [String])] {
        let report = try #require(try result.json() as? [String: Any], "\(result)")
        let list = try #require(report["checks"] as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: list.map {
                ($0["id"] as? String ?? "", ($0["status"] as? String ?? "", $0["summary"] as? String ?? "", $0["details"] as? [String] ?? []))
            })
    }

    /// The file system type `df` reports for `path` (an oracle apart from lineage's reading
    /// of /proc/self/mountinfo).
    static func dfType(_ path: String) throws -> String {
        let result = try CLI.exec("/bin/df", ["--output=fstype", path])
        return result.text.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// The verdict line the checks of a report make: the file system and the free space
    /// depend on the machine the tests run on (a tmpfs /tmp warns).
    static func verdict(_ checks: [String: (status: String, summary: String, details: [String])]) -> String {
        let failed = checks.values.filter { $0.status == "fail" }.count
        let warned = checks.values.filter { $0.status == "warn" }.count
        let warnings = "\(warned == 0 ? "no" : String(warned)) warning\(warned == 1 ? "" : "s")"
        return failed == 0 ? "doctor: OK, \(warnings)\n" : "doctor: FAILED, \(failed) failed, \(warnings)\n"
    }

    @Test("a sound Curator checkpoint: every check about it passes; the file system is the one df names")
    func sound() throws {
        let checkpoint = CuratorStatusCommandTests.checkpoint
        let json = try CLI.run(["doctor", checkpoint, "--format", "json"])
        let checks = try Self.checks(json)
        for id in ["permissions", "leftovers", "writer-names", "writer-count", "pipeline-read"] {
            #expect(checks[id]?.status == "pass", "\(id): \(String(describing: checks[id]))")
        }
        let machine = [checks["filesystem"]?.status, checks["free-space"]?.status]
        #expect(json.status == (machine.contains("fail") ? 1 : 0), "\(json)")
        let text = try CLI.run(["doctor", checkpoint])
        #expect(text.status == json.status && text.text.hasSuffix(Self.verdict(checks)), "\(text)")
        #expect(Set(checks.keys) == ["filesystem", "permissions", "free-space", "leftovers", "writer-names", "writer-count", "pipeline-read"])
        #expect(checks["filesystem"]?.summary.hasPrefix(try Self.dfType(checkpoint) + ":") == true, "\(String(describing: checks["filesystem"]))")
        #expect(checks["writer-count"]?.summary.hasPrefix("3 writer files, read here in") == true)
        #expect(checks["pipeline-read"]?.summary == "the pipeline's start reads all 3 writer files")
        #expect(checks["free-space"]?.summary.contains("of 1.0 GiB") == true, "the writers' map size, from their meta pages")
        let lines = try CLI.run(["doctor", checkpoint, "--format", "jsonl"]).text.split(separator: "\n")
        #expect(lines.count == checks.count)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["schema_version"] as? Int == 1 && object["kind"] as? String == "curator" && object["checkpoint"] as? String == checkpoint)
        }
    }

    @Test("leftover lock and temporary files, an odd writer name, a writer the resumed start fails on: warned, failed, named on stderr, exit 2")
    func findings() throws {
        try CuratorPipelineReadTests.withDamage(failing: true) { checkpoint, metadata in
            try Data().write(to: metadata.appendingPathComponent("node-a-1001.mdb-lock"))
            try Data().write(to: metadata.appendingPathComponent(".slurm_array_completion/.completed_slurm_array_7.json.tmp"))
            try FileManager.default.copyItem(
                at: metadata.appendingPathComponent("node-c-3003.mdb"), to: metadata.appendingPathComponent("node-c-3003 copy.mdb"))
            let result = try CLI.run(["doctor", checkpoint.path, "--format", "json"])
            // A writer file the start fails on decides the status as on every command.
            #expect(result.status == 2 && result.stderr.contains("node-b-2002.mdb: "), "\(result)")
            let checks = try Self.checks(result)
            #expect(checks["leftovers"]?.status == "warn")
            #expect(checks["leftovers"]?.details == ["node-a-1001.mdb-lock", ".slurm_array_completion/.completed_slurm_array_7.json.tmp"])
            #expect(checks["writer-names"]?.status == "warn" && checks["writer-names"]?.details == ["node-c-3003 copy.mdb"])
            #expect(checks["pipeline-read"]?.status == "fail", "\(String(describing: checks["pipeline-read"]))")
            #expect(checks["pipeline-read"]?.details.first?.hasPrefix("node-b-2002.mdb: the resumed start stops on it") == true)
            let text = try CLI.run(["doctor", checkpoint.path])
            #expect(text.status == 2 && text.text.hasSuffix(Self.verdict(checks)), "\(text)")
            #expect(checks.values.filter { $0.status == "fail" }.count == 1 + (checks["filesystem"]?.status == "fail" ? 1 : 0))
        }
    }

    @Test("on tmpfs: the file system check warns that the checkpoint does not survive a reboot", .enabled(if: (try? dfType("/dev/shm")) == "tmpfs"))
    func tmpfs() throws {
        let directory = URL(fileURLWithPath: "/dev/shm").appendingPathComponent("lineage-doctor-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: CuratorStatusCommandTests.checkpoint, toPath: directory.path)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["doctor", directory.path, "--format", "json"])
        let checks = try Self.checks(result)
        #expect(result.status == (checks["free-space"]?.status == "fail" ? 1 : 0) && checks["filesystem"]?.status == "warn", "\(result)")
        #expect(checks["filesystem"]?.summary.hasPrefix("tmpfs: memory only") == true)
    }

    @Test(
        "as user nobody in a folder it cannot write: the permissions check fails, exit 1",
        .enabled(if: ReadOnlyTests.asNobody != nil, "needs root and setpriv or runuser"))
    func notWritable() throws {
        let prefix = try #require(ReadOnlyTests.asNobody)
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            try ReadOnlyTests.requireReachable(metadata.appendingPathComponent("node-a-1001.mdb").path, as: prefix)
            let result = try CLI.run(["doctor", checkpoint.path, "--format", "json"], prefix: prefix)
            #expect(result.status == 1, "\(result)")
            let checks = try Self.checks(result)
            #expect(checks["permissions"]?.status == "fail")
            #expect(
                checks["permissions"]?.summary.hasPrefix("this user (uid 65534) cannot create files in") == true,
                "\(String(describing: checks["permissions"]))")
            #expect(checks["pipeline-read"]?.status == "pass", "reading needs no write permission")
        }
    }

    @Test("a DAG file: the file system, permissions, free space against its map size, its lock file")
    func dag() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("ckpt.mdb")
            try FileManager.default.copyItem(atPath: CLI.fixture("four_stage"), toPath: file.path)
            let clean = try CLI.run(["doctor", file.path, "--format", "json"])
            let cleanChecks = try Self.checks(clean)
            #expect(cleanChecks.keys.sorted() == ["filesystem", "free-space", "leftovers", "permissions", "structure"])
            #expect(cleanChecks["structure"]?.status == "pass")
            #expect(cleanChecks["leftovers"]?.status == "pass" && cleanChecks["permissions"]?.status == "pass", "\(clean)")
            try Data().write(to: directory.appendingPathComponent("ckpt.mdb-lock"))
            let locked = try Self.checks(try CLI.run(["doctor", file.path, "--format", "json"]))
            #expect(locked["leftovers"]?.status == "warn" && locked["leftovers"]?.details == ["ckpt.mdb-lock"])
            let missing = try CLI.run(["doctor", directory.appendingPathComponent("nope.mdb").path])
            #expect(missing.status == 2 && missing.stderr.contains("nope.mdb"), "\(missing)")
            // Read as every DAG command reads it: not LMDB is an error; a truncated file
            // gets the checks, a failed structure check, and exit 2 with the usual sentence.
            let text = directory.appendingPathComponent("text.mdb")
            try Data("not lmdb".utf8).write(to: text)
            #expect(try CLI.run(["doctor", text.path]).status == 2)
            let truncated = directory.appendingPathComponent("truncated.mdb")
            try Data(try Data(contentsOf: file).prefix(10_000)).write(to: truncated)
            let damaged = try CLI.run(["doctor", truncated.path, "--format", "json"])
            #expect(damaged.status == 2 && damaged.stderr.contains("run `lineage verify"), "\(damaged)")
            #expect(try Self.checks(damaged)["structure"]?.status == "fail")
            // A directory holding data.mdb: its lock file is lock.mdb, beside it.
            let folder = directory.appendingPathComponent("env")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent("data.mdb"))
            try Data().write(to: folder.appendingPathComponent("lock.mdb"))
            let environment = try Self.checks(try CLI.run(["doctor", folder.path, "--format", "json"]))
            #expect(environment["leftovers"]?.details == ["lock.mdb"], "\(String(describing: environment["leftovers"]))")
            #expect(try CLI.run(["doctor", CuratorStatusCommandTests.checkpoint, "--kind", "dag"]).status == 64)
        }
    }
}

/// `Docs/doctor.schema.json` and `Docs/why.schema.json` against the commands' JSON.
@Suite("doctor and why JSON schemas")
struct DoctorWhySchemaTests {
    @Test("doctor's document on both kinds, sound and with findings, and each jsonl line, validate; a broken one does not")
    func doctor() throws {
        var documents: [(label: String, json: Data)] = []
        documents.append(("curator", try CLI.run(["doctor", CuratorStatusCommandTests.checkpoint, "--format", "json"]).stdout))
        documents.append(("dag", try CLI.run(["doctor", CLI.fixture("four_stage"), "--format", "json"]).stdout))
        try CuratorPipelineReadTests.withDamage(failing: true) { checkpoint, _ in
            documents.append(("failing", try CLI.run(["doctor", checkpoint.path, "--format", "json"]).stdout))
        }
        let broken = String(decoding: documents[0].json, as: UTF8.self).replacingOccurrences(of: "\"status\": \"pass\"", with: "\"status\": \"ok\"")
        documents.append(("broken", Data(broken.utf8)))
        let outcome = try StatusStatsSchemaTests.validate(schema: "doctor.schema.json", documents)
        #expect(outcome == ["curator": true, "dag": true, "failing": true, "broken": false])
        // Each jsonl line is the schema's `line`: validated as a document of that shape.
        let lines = try CLI.run(["doctor", CuratorStatusCommandTests.checkpoint, "--format", "jsonl"]).text.split(separator: "\n")
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["schema_version", "kind", "checkpoint", "id", "status", "summary", "details"])
        }
    }

    @Test("why's answer validates for a skipped id, a group that runs again, a Lance set; a broken one does not")
    func why() throws {
        let checkpoint = CuratorStatusCommandTests.checkpoint
        var documents: [(label: String, json: Data)] = [
            ("id", try CLI.run(["why", checkpoint, "fdc0", "--format", "json"]).stdout),
            ("paths", try CLI.run(["why", checkpoint, "/lustre/datasets/cc-2024/part-00007-0.jsonl", "--format", "json"]).stdout),
            (
                "lance",
                try CLI.run(["why", checkpoint, "--lance", "s3://b/d.lance", "--dataset-version", "7", "--fragments", "3,1,2", "--format", "json"])
                    .stdout
            ),
        ]
        let broken = String(decoding: documents[0].json, as: UTF8.self).replacingOccurrences(of: "\"from\": \"id\"", with: "\"from\": \"guess\"")
        documents.append(("broken", Data(broken.utf8)))
        let outcome = try StatusStatsSchemaTests.validate(schema: "why.schema.json", documents)
        #expect(outcome == ["id": true, "paths": true, "lance": true, "broken": false])
    }
}

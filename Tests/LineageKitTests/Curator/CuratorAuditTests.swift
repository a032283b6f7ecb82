import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

/// verify's audit of a Curator checkpoint: the pipeline-written fixture passes every check;
/// damaged copies fail the check named for what was broken, and only that one.
@Suite("Curator checkpoint: verify's audit")
struct CuratorAuditTests {
    /// Writes entries with py-lmdb as the pipeline's writer does (one file, no lock file):
    /// `databases` maps a sub-database name to its (key, value) byte pairs.
    static func writeWithPython(
        _ path: URL, databases: [String: [([UInt8], [UInt8])]], dupSort: Bool = false, maxDBs: Int = 1
    ) throws {
        let spec = databases.map { name, entries in
            "\(name.debugDescription): ["
                + entries.map { "(bytes.fromhex('\(hex($0.0))'), bytes.fromhex('\(hex($0.1))'))" }
                .joined(separator: ", ") + "]"
        }
        let script = """
            import lmdb, sys
            env = lmdb.open(sys.argv[1], subdir=False, lock=False, max_dbs=\(maxDBs))
            for name, entries in {\(spec.joined(separator: ", "))}.items():
                db = env.open_db(name.encode(), dupsort=\(dupSort ? "True" : "False"))
                with env.begin(write=True) as txn:
                    for key, value in entries:
                        txn.put(key, value, db=db)
            env.close()
            """
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, path.path])
        try #require(result.status == 0, "python3 with the lmdb module is needed (pip install lmdb): \(result)")
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func audit(_ path: URL) throws -> VerifyReport {
        CuratorAudit.verify(try #require(CuratorLocation.detect(path: path.path)), maxExamples: 5)
    }

    /// The checks that did not pass.
    static func failing(_ report: VerifyReport) -> [CheckID] { report.checks.filter { $0.status == .failed }.map(\.id) }
    /// The checks on entries that did not run because a writer file was left out.
    static func notRun(_ report: VerifyReport) -> [CheckID] { report.checks.filter { $0.status == .notRun }.map(\.id) }

    @Test("the fixture passes every check, in the stable order; the union is what the pipeline's reader saw")
    func fixture() throws {
        let expected = try CuratorFixture.load()
        let report = try Self.audit(CuratorFixture.directory)
        #expect(report.checks.map(\.id) == CuratorAudit.checkIDs)
        #expect(report.ok, "\(report.checks.filter { !$0.passed })")
        #expect(report.curator!.writers == expected.writers.count)
        #expect(report.curator!.sources == expected.union.count)
        #expect(report.checks.allSatisfy { $0.notes.isEmpty }, "the fixture needs no remark: \(report.checks.map(\.notes))")
        // One writer file given alone: the Slurm checks do not apply.
        let single = try Self.audit(CuratorFixture.metadata.appendingPathComponent("node-b-2002.mdb"))
        #expect(single.ok && single.curator!.writers == 1 && single.curator!.sources == expected.writers["node-b-2002.mdb"]?.count)
        #expect(single[.slurmRun]?.notes == [.notJobArray])
    }

    @Test("each fixture manifest's name is the digest of its identity, as computed here")
    func manifestNames() throws {
        let folder = CuratorFixture.metadata.appendingPathComponent(CuratorSlurm.folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(CuratorSlurm.manifestPrefix) }
        #expect(names.count == 4)
        for name in names {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any])
            let computed = CuratorSlurm.manifestName(
                minimumShardIndex: try #require(object["minimum_shard_index"] as? Int), shardIndex: try #require(object["shard_index"] as? Int),
                totalShards: try #require(object["total_shards"] as? Int))
            #expect(computed == name)
        }
    }

    @Test("a writer file of random bytes is unreadable; the other writers are still checked and counted")
    func randomBytes() throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            var generator = SplitMix64(state: 11)
            try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: metadata.appendingPathComponent("junk.mdb"))
            let report = try Self.audit(checkpoint)
            #expect(Self.failing(report) == [.writerStructure])
            #expect(Self.notRun(report) == [.writerSchema, .sourceKeys, .sourceValues])
            #expect(report.curator!.unreadableWriters == ["junk.mdb"] && report.curator!.damagedWriters.isEmpty)
            let example = try #require(report[.writerStructure]?.examples.first)
            #expect(example.file == "junk.mdb" && example.problem.code == "unreadable")
            #expect(report.curator!.sources == (try CuratorFixture.load()).union.count)
            #expect(report[.sourceKeys]?.notes == [.writersSkipped(["junk.mdb"])])
        }
    }

    @Test("a truncated writer file is damaged: a structure finding located in that file, its sources left out")
    func truncated() throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            let file = metadata.appendingPathComponent("node-a-1001.mdb")
            let bytes = try Data(contentsOf: file)
            try bytes.prefix(bytes.count / 2).write(to: file)
            let report = try Self.audit(checkpoint)
            #expect(Self.failing(report) == [.writerStructure])
            #expect(Self.notRun(report) == [.writerSchema, .sourceKeys, .sourceValues])
            #expect(report.curator!.damagedWriters == ["node-a-1001.mdb"])
            #expect(report[.writerStructure]?.examples.allSatisfy { $0.file == "node-a-1001.mdb" } == true)
            #expect(report[.writerStructure]?.examples.first?.problem.code == "meta")
            let expected = try CuratorFixture.load()
            let others = Set(expected.writers.filter { $0.key != "node-a-1001.mdb" }.values.joined())
            #expect(report.curator!.sources == others.count)
        }
    }

    @Test("a writer file without the sub-database is a note, not a failure")
    func noSubDatabase() throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            // Opened, never written: the writer died before opening completed_sources.
            try Self.writeWithPython(metadata.appendingPathComponent("node-d-4004.mdb"), databases: [:])
            let report = try Self.audit(checkpoint)
            #expect(report.ok, "\(report.checks.filter { !$0.passed })")
            #expect(report[.writerSchema]?.notes == [.noSubDatabase(["node-d-4004.mdb"])])
        }
    }

    @Test("a value other than 1, a non-UTF-8 key and a control-character key each fail their check")
    func badEntries() throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            let file = metadata.appendingPathComponent("node-b-2002.mdb")
            let bad: [UInt8] = [0x61, 0xff, 0x62]
            let control = Array("tab\tkey".utf8)
            try Self.writeWithPython(
                file, databases: ["completed_sources": [(Array("two".utf8), Array("2".utf8)), (bad, [0x31]), (control, [0x31])]])
            let report = try Self.audit(checkpoint)
            #expect(Self.failing(report) == [.sourceKeys, .sourceValues])
            #expect(report[.sourceValues]?.examples.map(\.problem) == [.sourceValue(key: Array("two".utf8), value: Array("2".utf8))])
            #expect(report[.sourceKeys]?.examples.map(\.problem.code).sorted() == ["key-control-character", "key-not-utf8"])
            #expect(report[.sourceKeys]?.examples.allSatisfy { $0.file == "node-b-2002.mdb" } == true)
            // The pipeline's `key.decode()` raises on the non-UTF-8 key: its start fails, and
            // the other commands count nothing from the file.
            let writer = CuratorWriter.read(path: file.path)
            guard case .failsResume(let reason) = writer.resume else { Issue.record("\(writer.resume)"); return }
            #expect(reason.contains("UnicodeDecodeError") && writer.sources.isEmpty && writer.blocksResume)
            // Without it, a control character decodes and counts, as it does for the pipeline.
            try FileManager.default.removeItem(at: file)
            try Self.writeWithPython(
                file, databases: ["completed_sources": [(Array("two".utf8), Array("2".utf8)), (control, [0x31])]])
            let readable = CuratorWriter.read(path: file.path)
            #expect(readable.resume == .read(keys: 2) && Array(readable.sources) == ["tab\tkey", "two"])
        }
    }

    @Test("another named sub-database and MDB_DUPSORT fail writer-schema")
    func schema() throws {
        try withTemporaryDirectory { directory in
            let extra = directory.appendingPathComponent("extra.mdb")
            try Self.writeWithPython(
                extra, databases: ["completed_sources": [([0x61], [0x31])], "pending": [([0x62], [0x31])]], maxDBs: 2)
            let report = CuratorAudit.verify(CuratorLocation.forced(path: extra.path))
            #expect(Self.failing(report) == [.writerSchema])
            #expect(report[.writerSchema]?.examples.map(\.problem) == [.unexpectedSubDatabase("pending")])
            let dupSort = directory.appendingPathComponent("dupsort.mdb")
            try Self.writeWithPython(dupSort, databases: ["completed_sources": [([0x61], [0x31])]], dupSort: true)
            let flagged = CuratorAudit.verify(try #require(CuratorLocation.detect(path: dupSort.path)))
            #expect(flagged[.writerSchema]?.examples.map(\.problem) == [.writerFlags(0x04)])
        }
    }

    @Test(
        "manifests: a bad status, a mismatched identity, a wrong digest, a shard out of range, a float field",
        arguments: [
            (#"{"minimum_shard_index":0,"shard_index":2,"status":"failed","total_shards":6}"#, ["bad-status"]),
            (#"{"minimum_shard_index":0,"shard_index":2,"status":"completed","total_shards":7}"#, ["identity-mismatch"]),
            (#"{"minimum_shard_index":0,"shard_index":6,"status":"completed","total_shards":6}"#, ["shard-range"]),
            (#"{"minimum_shard_index":0,"shard_index":2.0,"status":"completed","total_shards":6}"#, ["not-an-integer"]),
            (#"["completed"]"#, ["not-an-object"]),
        ])
    func manifests(json: String, codes: [String]) throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            let folder = metadata.appendingPathComponent(CuratorSlurm.folder)
            // Named by its own identity when it has one, so only the broken rule fails.
            let name =
                json.contains("\"total_shards\":7")
                ? CuratorSlurm.manifestName(minimumShardIndex: 0, shardIndex: 2, totalShards: 7)
                : json.contains("\"shard_index\":6")
                    ? CuratorSlurm.manifestName(minimumShardIndex: 0, shardIndex: 6, totalShards: 6)
                    : CuratorSlurm.manifestName(minimumShardIndex: 0, shardIndex: 2, totalShards: 6)
            try Data((json + "\n").utf8).write(to: folder.appendingPathComponent(name))
            let report = try Self.audit(checkpoint)
            #expect(Self.failing(report) == [.slurmManifests])
            #expect(report[.slurmManifests]?.examples.map(\.problem.code) == codes)
            #expect(report[.slurmManifests]?.examples.first?.file == name)
        }
    }

    @Test("a manifest under another name fails name-digest; manifests without run.json fail slurm-run")
    func digestAndMissingRun() throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            let folder = metadata.appendingPathComponent(CuratorSlurm.folder)
            let json = #"{"minimum_shard_index":0,"shard_index":2,"status":"completed","total_shards":6}"#
            try Data(json.utf8).write(to: folder.appendingPathComponent("completed_slurm_array_0123456789abcdef.json"))
            let report = try Self.audit(checkpoint)
            #expect(Self.failing(report) == [.slurmManifests])
            #expect(
                report[.slurmManifests]?.examples.map(\.problem)
                    == [.nameDigest(expected: CuratorSlurm.manifestName(minimumShardIndex: 0, shardIndex: 2, totalShards: 6))])

            try FileManager.default.removeItem(at: folder.appendingPathComponent(CuratorSlurm.runFile))
            let noRun = try Self.audit(checkpoint)
            #expect(Self.failing(noRun) == [.slurmRun, .slurmManifests])
            #expect(noRun[.slurmRun]?.examples.map(\.problem) == [.runMissing(manifests: 5)])
            #expect(noRun[.slurmManifests]?.notes == [.noUsableRun])
        }
    }

    @Test(
        "run.json: not an object, a float, out of range",
        arguments: [
            ("[0, 6]", "not-an-object"), (#"{"minimum_shard_index":0,"total_shards":6.0}"#, "not-an-integer"),
            (#"{"minimum_shard_index":0,"total_shards":0}"#, "run-range"), (#"{"minimum_shard_index":-1,"total_shards":6}"#, "run-range"),
        ])
    func run(json: String, code: String) throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            let file = metadata.appendingPathComponent(CuratorSlurm.folder).appendingPathComponent(CuratorSlurm.runFile)
            try Data(json.utf8).write(to: file)
            let report = try Self.audit(checkpoint)
            #expect(report[.slurmRun]?.examples.map(\.problem.code) == [code])
            #expect(report[.slurmManifests]?.notes == [.noUsableRun])
        }
    }

    @Test("a leftover temporary manifest is noted; the checkpoint is still sound")
    func leftover() throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            let name = ".completed_slurm_array_47b3f5c4088852a6.json.k2j4h5.tmp"
            try Data("{\"minimum".utf8).write(to: metadata.appendingPathComponent(CuratorSlurm.folder).appendingPathComponent(name))
            let report = try Self.audit(checkpoint)
            #expect(report.ok)
            #expect(report[.slurmLeftovers]?.notes == [.leftovers([name])])
        }
    }

    @Test(
        "manifest JSON: integers as Python reads them",
        arguments: [
            ("1", 1), ("-3", -3), ("1.0", nil), ("1e3", nil), ("true", nil), ("\"1\"", nil), ("99999999999999999999", nil),
        ] as [(String, Int?)])
    func integers(text: String, value: Int?) throws {
        let parsed = try #require(CuratorJSON.parse(Array("{\"n\": \(text)}".utf8)))
        guard case .object(let fields) = parsed else { Issue.record("not an object"); return }
        #expect(fields["n"]?.integer == value)
        #expect(CuratorJSON.parse(Array("{\"n\": 1,}".utf8)) == nil)
    }
}

@Suite("The Curator checks as a registry")
struct CuratorCheckRegistryTests {
    @Test("seven checks with distinct ids, in report order; the report lists them in that order")
    func registry() throws {
        #expect(CuratorAudit.checks.count == 7)
        #expect(Set(CuratorAudit.checkIDs.map(\.rawValue)).count == 7)
        #expect(
            CuratorAudit.checkIDs.map(\.rawValue) == [
                "writer-structure", "writer-schema", "source-keys", "source-values", "slurm-run", "slurm-manifests", "slurm-leftovers",
            ])
    }

    @Test("when no writer file could be read, the checks on entries are not run, saying which files were skipped; the others run")
    func notRunFromNeeds() throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            for name in try FileManager.default.contentsOfDirectory(atPath: metadata.path) where name.hasSuffix(".mdb") {
                try Data("not LMDB".utf8).write(to: metadata.appendingPathComponent(name))
            }
            let report = CuratorAudit.verify(try #require(CuratorLocation.detect(path: checkpoint.path)))
            let skipped = report.curator!.unreadableWriters.sorted()
            #expect(skipped.count == 3)
            for id in [CheckID.writerSchema, .sourceKeys, .sourceValues] {
                #expect(report[id] == CheckResult(id: id, status: .notRun, notes: [.writersSkipped(skipped)]), "\(id)")
            }
            #expect(report[.writerStructure]?.status == .failed && report[.writerStructure]?.violations == 3)
            #expect(report[.slurmManifests]?.status == .passed)
            #expect(VerifyOutcome.report(report).verdict == .unreadable)
        }
    }
}

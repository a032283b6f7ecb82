import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

@Suite("Curator checkpoint: detection and reading")
struct CuratorReaderTests {
    @Test("the checkpoint directory, the metadata folder and one writer file are detected, each with its reason")
    func detection() throws {
        let byDirectory = try #require(CuratorLocation.detect(path: CuratorFixture.directory.path))
        #expect(byDirectory.reason == .checkpointDirectory)
        #expect(byDirectory.metadataDirectory == CuratorFixture.metadata.path)
        let byFolder = try #require(CuratorLocation.detect(path: CuratorFixture.metadata.path))
        #expect(byFolder.reason == .metadataDirectory)
        let writer = CuratorFixture.metadata.appendingPathComponent("node-a-1001.mdb").path
        let byFile = try #require(CuratorLocation.detect(path: writer))
        #expect(byFile.reason == .writerFile)
        #expect(byFile.writerFile == writer && byFile.metadataDirectory == nil)
    }

    @Test("DAG checkpoints, other directories and missing paths are not Curator checkpoints")
    func notDetected() throws {
        for name in FixtureExpectation.names {
            #expect(CuratorLocation.detect(path: FixtureExpectation.checkpoint(name).path) == nil, "\(name)")
        }
        #expect(CuratorLocation.detect(path: FixtureExpectation.directory.path) == nil)
        #expect(CuratorLocation.detect(path: FixtureExpectation.directory.appendingPathComponent("none.mdb").path) == nil)
    }

    @Test("reading the fixture gives what the pipeline's own reader saw: writers, union, Slurm shards, failed attempts")
    func fixtureMatchesPipelineReader() throws {
        let expected = try CuratorFixture.load()
        let location = try #require(CuratorLocation.detect(path: CuratorFixture.directory.path))
        let checkpoint = CuratorCheckpoint.read(location)
        #expect(checkpoint.writers.map(\.name) == expected.writers.keys.sorted())
        for writer in checkpoint.writers {
            #expect(writer.sources.sorted() == expected.writers[writer.name], "\(writer.name)")
            #expect(writer.state == (expected.writers[writer.name]?.isEmpty == true ? .empty : .ok), "\(writer.name)")
        }
        #expect(checkpoint.union == expected.union)
        let multi = checkpoint.holders.filter { $0.writers.count > 1 }
        let expectedMulti = expected.union.filter { id in expected.writers.values.filter { $0.contains(id) }.count > 1 }
        #expect(multi.map(\.source) == expectedMulti)
        let slurm = try #require(checkpoint.slurm)
        #expect(slurm.minimumShardIndex == expected.slurm.minimum_shard_index)
        #expect(slurm.totalShards == expected.slurm.total_shards)
        #expect(slurm.completed == expected.slurm.completed)
        #expect(slurm.missing == ShardRanges(expected.slurm.missing))
        #expect(slurm.problems.isEmpty)
        #expect(checkpoint.slurmProblem == nil)
        let attempts = expected.slurm.failed_attempts.map {
            CuratorFailedAttempt(attempt: .slurm(job: $0.job, arrayTask: $0.array_task, restart: $0.restart, shard: $0.shard))
        }
        #expect(checkpoint.failedAttempts == attempts.sorted())
    }

    @Test("one writer file given alone: only that writer, no Slurm state")
    func singleWriter() throws {
        let expected = try CuratorFixture.load()
        let path = CuratorFixture.metadata.appendingPathComponent("node-b-2002.mdb").path
        let checkpoint = CuratorCheckpoint.read(try #require(CuratorLocation.detect(path: path)))
        #expect(checkpoint.writers.map(\.name) == ["node-b-2002.mdb"])
        #expect(checkpoint.union == expected.writers["node-b-2002.mdb"])
        #expect(checkpoint.slurm == nil && checkpoint.failedAttempts.isEmpty)
    }

    @Test("random bytes, a truncated copy and a writer without the sub-database: their states, the rest still read")
    func damagedWriters() throws {
        let expected = try CuratorFixture.load()
        try CuratorFixture.withCopy { checkpoint, metadata in
            var random = SplitMix64(state: 11)
            let noise = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) })
            try noise.write(to: metadata.appendingPathComponent("aa-random.mdb"))
            let original = try Data(contentsOf: metadata.appendingPathComponent("node-a-1001.mdb"))
            try original.prefix(original.count / 2).write(to: metadata.appendingPathComponent("ab-truncated.mdb"))
            let bare = try RawCheckpointWriter(
                creating: metadata.appendingPathComponent("ac-bare.mdb").path, databases: [], mapSize: 1 << 20)
            try bare.close()
            try noise.write(to: metadata.appendingPathComponent(".hidden.mdb"))
            let read = CuratorCheckpoint.read(try #require(CuratorLocation.detect(path: checkpoint.path)))
            let states = Dictionary(uniqueKeysWithValues: read.writers.map { ($0.name, $0.state) })
            #expect(states["aa-random.mdb"] == .unreadable("not an LMDB file"))
            if case .damaged? = states["ab-truncated.mdb"] {} else { Issue.record("truncated: \(String(describing: states["ab-truncated.mdb"]))") }
            #expect(states["ac-bare.mdb"] == .noSubDatabase)
            // The pipeline skips random bytes (lmdb.open raises) and faults on the truncated
            // copy's missing pages (SIGBUS): its resume does not start.
            #expect(read.skippedWriters.map(\.name) == ["aa-random.mdb"])
            #expect(read.blockingWriters.map(\.name) == ["ab-truncated.mdb"])
            #expect(!read.writers.contains { $0.name == ".hidden.mdb" }, "the pipeline's *.mdb glob skips hidden names")
            #expect(read.union == expected.union, "the truncated copy contributes nothing")
        }
    }

    @Test("a writer file with another sub-database beside completed_sources is not detected as a writer file")
    func foreignWriter() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("foreign.mdb").path
            let writer = try RawCheckpointWriter(
                creating: path, databases: [(name: "completed_sources", dupsort: false), (name: "other", dupsort: false)],
                mapSize: 1 << 20)
            try writer.close()
            #expect(CuratorLocation.detect(path: path) == nil)
            let forced = CuratorCheckpoint.read(CuratorLocation.forced(path: path))
            #expect(forced.writers.map(\.state) == [.empty])
        }
    }

    @Test("manifests with a bad status or a mismatched identity are rejected; a missing run.json means no Slurm state")
    func badManifests() throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            let folder = metadata.appendingPathComponent(".slurm_array_completion")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("completed_") }.sorted()
            let first = folder.appendingPathComponent(names[0])
            let second = folder.appendingPathComponent(names[1])
            let firstText = try String(contentsOf: first, encoding: .utf8)
            let secondText = try String(contentsOf: second, encoding: .utf8)
            try firstText.replacingOccurrences(of: "\"completed\"", with: "\"failed\"").write(to: first, atomically: false, encoding: .utf8)
            try secondText.replacingOccurrences(of: "\"total_shards\":6", with: "\"total_shards\":7")
                .write(to: second, atomically: false, encoding: .utf8)
            let location = try #require(CuratorLocation.detect(path: checkpoint.path))
            let slurm = try #require(CuratorCheckpoint.read(location).slurm)
            #expect(slurm.problems.map(\.file) == [names[0], names[1]])
            #expect(slurm.completed.count == 2 && slurm.missing.count == 4)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("run.json"))
            #expect(CuratorCheckpoint.read(location).slurm == nil)
        }
    }

    @Test("reading leaves a read-only copy untouched: no lock file, same bytes, same mtime")
    func readOnly() throws {
        try CuratorFixture.withCopy { checkpoint, metadata in
            let old = Date(timeIntervalSince1970: 1_600_000_000)
            let files = try FileManager.default.contentsOfDirectory(atPath: metadata.path).filter { $0.hasSuffix(".mdb") }.sorted()
            var before: [String: Data] = [:]
            for name in files {
                let path = metadata.appendingPathComponent(name).path
                before[name] = try Data(contentsOf: URL(fileURLWithPath: path))
                try FileManager.default.setAttributes([.modificationDate: old, .posixPermissions: 0o444], ofItemAtPath: path)
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: metadata.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: metadata.path) }
            let read = CuratorCheckpoint.read(try #require(CuratorLocation.detect(path: checkpoint.path)))
            #expect(read.writers.allSatisfy { !$0.state.isSkipped })
            #expect(try FileManager.default.contentsOfDirectory(atPath: metadata.path).filter { $0.hasSuffix(".mdb") }.sorted() == files)
            for name in files {
                let path = metadata.appendingPathComponent(name).path
                #expect(!FileManager.default.fileExists(atPath: path + "-lock"))
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before[name], "\(name)")
                #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == old, "\(name)")
            }
        }
    }
}

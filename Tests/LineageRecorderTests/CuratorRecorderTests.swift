import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// The Curator recorder writes what the pipeline's own reading rules read back (py-lmdb and
/// the JSON rules, `CuratorPipelineReader`), what lmdb-utils see, and what our reader sees;
/// its manifests are the pipeline's bytes.
@Suite("Curator recorder")
struct CuratorRecorderTests {
    static let fixtureSlurm = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("LineageKitTests/Fixtures/curator/curator_run/.nemo_curator_metadata/.slurm_array_completion")

    /// Shapes: the default, bigger trees (branch pages), positional and random ids, no job
    /// array, every writer busy, every shard failed.
    static let shapes: [CuratorRun] = {
        var runs = [CuratorRun()]
        var big = CuratorRun()
        (big.writers, big.sourcesPerWriter, big.overlap, big.deleted, big.seed) = (4, 400, 30, 25, 7)
        big.syncEachCommit = false
        runs.append(big)
        var mixed = CuratorRun()
        (mixed.writers, mixed.emptyWriters, mixed.sourcesPerWriter, mixed.positional, mixed.random) = (3, 0, 12, 3, 2)
        (mixed.shards, mixed.failedShards, mixed.minimumShardIndex) = (0, 0, 0)
        runs.append(mixed)
        var failing = CuratorRun()
        (failing.shards, failing.failedShards, failing.minimumShardIndex, failing.seed) = (3, 3, 10, 3)
        runs.append(failing)
        return runs
    }()

    @Test("the pipeline's reading rules read back what the recorder was told to write", arguments: shapes.indices)
    func pipelineRoundTrip(shape: Int) throws {
        try #require(CuratorPipelineReader.isAvailable, "python3 with the lmdb module is needed: run make test-deps")
        let run = Self.shapes[shape]
        let plan = run.plan()
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("run")
            try run.write(to: out.path)
            let read = try CuratorPipelineReader.read(out)
            #expect(read.skipped.isEmpty && read.bad_values.isEmpty && read.temporary_files.isEmpty, "\(read)")
            #expect(read.writers.keys.sorted() == plan.writers.map(\.file))
            for writer in plan.writers {
                #expect(read.writers[writer.file] == writer.completed, "\(writer.file)")
            }
            #expect(read.union == plan.union)
            if run.shards == 0 {
                #expect(read.slurm == nil)
            } else {
                let slurm = try #require(read.slurm)
                #expect(slurm.errors.isEmpty, "\(slurm.errors)")
                #expect(slurm.minimum_shard_index == run.minimumShardIndex && slurm.total_shards == run.shards)
                #expect(slurm.completed == plan.completedShards)
                #expect(slurm.missing == plan.failedShards)
            }
            let attempts = plan.failedAttempts.map { attempt -> CuratorPipelineReader.Attempt? in
                guard case .slurm(let job, let task, let restart, let shard) = attempt.attempt else { return nil }
                return .init(job: job, array_task: task, restart: restart, shard: shard)
            }
            #expect(read.failed_attempts == attempts.compactMap { $0 })
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: out.path + "/.nemo_curator_metadata")
                    .filter { $0.hasSuffix("-lock") }.isEmpty)
        }
    }

    @Test("our reader agrees with the pipeline's rules on a recorded run", arguments: shapes.indices)
    func ourReaderAgrees(shape: Int) throws {
        let run = Self.shapes[shape]
        let plan = run.plan()
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("run")
            try run.write(to: out.path)
            let location = try #require(CuratorLocation.detect(path: out.path))
            let checkpoint = CuratorCheckpoint.read(location)
            #expect(checkpoint.writers.map(\.name) == plan.writers.map(\.file))
            #expect(checkpoint.writers.map { Array($0.sources) } == plan.writers.map(\.completed))
            #expect(checkpoint.union == plan.union)
            var counts: [String: Int] = [:]
            for writer in plan.writers { for source in writer.completed { counts[source, default: 0] += 1 } }
            let multi = counts.filter { $0.value > 1 }.keys.sorted()
            let status = CuratorStatus(checkpoint, examples: 3)
            #expect(status.union == plan.union.count)
            #expect(status.multiWriter == .init(count: multi.count, examples: Array(multi.prefix(3))))
            #expect(status.positional.count == plan.union.filter(CuratorStatus.isPositional).count)
            #expect(status.neverMatching.count == run.random * (run.writers - run.emptyWriters))
            #expect(checkpoint.slurm?.completed ?? [] == plan.completedShards)
            #expect(checkpoint.slurm?.missing ?? ShardRanges([]) == ShardRanges(plan.failedShards))
            #expect(checkpoint.failedAttempts == plan.failedAttempts)
        }
    }

    @Test("manifests are byte-identical to the pipeline's for the same shard identity")
    func manifestsMatchThePipeline() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtureSlurm.path).sorted()
        let run = try Data(contentsOf: Self.fixtureSlurm.appendingPathComponent("run.json"))
        let identity = try #require(try JSONSerialization.jsonObject(with: run) as? [String: Int])
        let (low, total) = (try #require(identity["minimum_shard_index"]), try #require(identity["total_shards"]))
        #expect(Data(CuratorManifests.runJSON(minimumShardIndex: low, totalShards: total).utf8) == run)
        let manifests = names.filter { $0.hasPrefix("completed_slurm_array_") }
        #expect(manifests.count == 4)
        try withTemporaryDirectory { directory in
            try CuratorManifests.writeRun(metadataDirectory: directory.path, minimumShardIndex: low, totalShards: total)
            for name in manifests {
                let bytes = try Data(contentsOf: Self.fixtureSlurm.appendingPathComponent(name))
                let fields = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
                let shard = try #require(fields["shard_index"] as? Int)
                let written = try CuratorManifests.writeCompleted(
                    metadataDirectory: directory.path, minimumShardIndex: low, shard: shard, totalShards: total)
                #expect(written == name)
                let folder = directory.appendingPathComponent(".slurm_array_completion")
                #expect(try Data(contentsOf: folder.appendingPathComponent(written)) == bytes, "\(name)")
            }
            let folder = directory.appendingPathComponent(".slurm_array_completion").path
            let ours = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(ours == names, "no temporary file is left behind")
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/run.json")) == run)
        }
    }

    @Test("mdb_stat and mdb_dump -s completed_sources agree with a recorded writer file")
    func lmdbUtilsAgree() throws {
        var run = CuratorRun()
        (run.writers, run.emptyWriters, run.sourcesPerWriter, run.overlap, run.deleted) = (2, 0, 500, 20, 40)
        run.syncEachCommit = false
        let plan = run.plan()
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("run")
            try run.write(to: out.path)
            let writer = plan.writers[1]
            let file = out.appendingPathComponent(".nemo_curator_metadata/" + writer.file)
            let stat = try Oracle.stat(file)
            #expect(stat.contains("Status of completed_sources"), "\(stat)")
            #expect(stat.components(separatedBy: "\n").contains("  Entries: \(writer.completed.count)"), "\(stat)")
            let dump = Dump(try Oracle.dump(file))
            let database = try #require(dump["completed_sources"])
            #expect(database.header["dupsort"] == nil)
            #expect(database.entries.keys.sorted() == writer.completed)
            #expect(database.entries.values.allSatisfy { $0 == ["1"] })
            #expect(dump.databases.keys.sorted() == ["", "completed_sources"] || dump.databases.keys.sorted() == ["completed_sources"])
        }
    }

    @Test("the same parameters write the same bytes")
    func deterministic() throws {
        try withTemporaryDirectory { directory in
            let first = directory.appendingPathComponent("a")
            let second = directory.appendingPathComponent("b")
            try CuratorRun().write(to: first.path)
            try CuratorRun().write(to: second.path)
            for writer in CuratorRun().plan().writers {
                let path = ".nemo_curator_metadata/" + writer.file
                #expect(
                    try Data(contentsOf: first.appendingPathComponent(path)) == Data(contentsOf: second.appendingPathComponent(path)))
            }
        }
    }

    @Test("a directory that is not empty is refused and left alone")
    func refusesNonEmpty() throws {
        try withTemporaryDirectory { directory in
            let keep = directory.appendingPathComponent("keep")
            try Data("keep".utf8).write(to: keep)
            #expect(throws: RecorderError.fileExists(path: directory.path)) { try CuratorRun().write(to: directory.path) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["keep"])
        }
    }

    @Test("file-group ids are the pipeline's: every group of its fixture run")
    func sourceIDs() throws {
        let json = Self.fixtureSlurm.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("curator_run.json")
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let groups = try #require(fixture["groups"] as? [[String: Any]])
        #expect(groups.count == 12)
        for group in groups {
            let paths = try #require(group["paths"] as? [String])
            #expect(CuratorRun.sourceID(paths: paths.reversed()) == group["source_id"] as? String, "\(paths)")
        }
    }
}

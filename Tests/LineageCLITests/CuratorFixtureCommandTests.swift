import Foundation
import LineageRecorder
import LineageTestSupport
import Testing

/// `lineage fixture curator` writes a Curator checkpoint directory that the pipeline's own
/// reading rules (py-lmdb and the JSON rules) read back as the run it was asked for, and
/// that `lineage status` reads the same way.
@Suite("lineage fixture curator")
struct CuratorFixtureCommandTests {
    static let shapes: [(flags: [String], run: CuratorRun)] = {
        var custom = CuratorRun()
        (custom.writers, custom.emptyWriters, custom.sourcesPerWriter, custom.overlap, custom.deleted) = (5, 2, 20, 3, 2)
        (custom.positional, custom.random, custom.shards, custom.failedShards, custom.seed) = (2, 1, 10, 3, 9)
        let flags = [
            "--writers", "5", "--empty", "2", "--sources", "20", "--overlap", "3", "--deleted", "2", "--positional", "2",
            "--random", "1", "--shards", "10", "--failed", "3", "--seed", "9", "--no-sync",
        ]
        var local = CuratorRun()
        (local.shards, local.failedShards) = (0, 0)
        return [([], CuratorRun()), (flags, custom), (["--shards", "0", "--failed", "0"], local)]
    }()

    @Test("the pipeline's reading rules and lineage status read back the run asked for", arguments: shapes.indices)
    func roundTrip(shape: Int) throws {
        try #require(CuratorPipelineReader.isAvailable, "python3 with the lmdb module is needed: run make test-deps")
        let (flags, run) = Self.shapes[shape]
        let plan = run.plan()
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("run")
            let result = try CLI.run(["fixture", "curator", out.path] + flags)
            #expect(result.status == 0, "\(result)")
            #expect(result.text.hasPrefix("wrote \(out.path): \(run.writers) writer files"), "\(result.text)")
            let read = try CuratorPipelineReader.read(out)
            #expect(read.skipped.isEmpty && read.bad_values.isEmpty && read.temporary_files.isEmpty, "\(read)")
            #expect(read.writers == Dictionary(uniqueKeysWithValues: plan.writers.map { ($0.file, $0.completed) }))
            #expect(read.union == plan.union)
            #expect(read.slurm?.completed ?? [] == plan.completedShards)
            #expect(read.slurm?.missing ?? [] == plan.failedShards)
            #expect(read.slurm?.errors ?? [] == [])
            #expect(read.failed_attempts.map(\.shard) == plan.failedShards)

            let status = try CLI.run(["status", out.path, "--format", "json"])
            #expect(status.status == 0, "\(status)")
            let report = try #require(try status.json() as? [String: Any])
            #expect(report["union"] as? Int == read.union.count)
            let rows = try #require(report["writers"] as? [[String: Any]])
            #expect(rows.compactMap { $0["name"] as? String } == read.writers.keys.sorted())
            for row in rows {
                let name = try #require(row["name"] as? String)
                #expect(row["completed"] as? Int == read.writers[name]?.count, "\(name)")
            }
            let slurm = report["slurm"] as? [String: Any]
            #expect(shards(fromRanges: slurm?["missing"]) == read.slurm?.missing)
        }
    }

    @Test("an existing, non-empty OUT is refused in one sentence and left alone")
    func refusesNonEmpty() throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try Data("keep".utf8).write(to: out.appendingPathComponent("keep"))
            for path in [out.path, out.appendingPathComponent("keep").path] {
                let refused = try CLI.run(["fixture", "curator", path])
                #expect(refused.status == 2, "\(refused)")
                #expect(refused.stderr.contains(path) && refused.stderr.lines.count == 1, "\(refused.stderr)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["keep"])
            let empty = directory.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            #expect(try CLI.run(["fixture", "curator", empty.path]).status == 0)
        }
    }

    @Test("impossible shapes are usage errors", arguments: [["--overlap", "9"], ["--failed", "7"], ["--writers", "0"]])
    func usage(flags: [String]) throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("out")
            let result = try CLI.run(["fixture", "curator", out.path] + flags)
            #expect(result.status == 64, "\(result)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }
}

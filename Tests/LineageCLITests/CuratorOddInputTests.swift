import Foundation
import LineageTestSupport
import Testing

/// Curator directories as they can be on disk after accidents: what each command says.
@Suite("Curator checkpoints with odd files")
struct CuratorOddInputTests {
    @Test("a run.json whose last shard is past Int.max is unusable: a warning, never a crash")
    func shardOverflow() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            for run in [
                #"{"minimum_shard_index": 9223372036854775807, "total_shards": 6}"#,
                #"{"minimum_shard_index": 1, "total_shards": 9223372036854775807}"#,
            ] {
                try Data(run.utf8).write(to: metadata.appendingPathComponent(".slurm_array_completion/run.json"))
                let status = try CLI.run(["status", checkpoint.path])
                #expect(status.status == 0 && status.stderr.contains("run.json cannot be used"), "\(status)")
                // The other readers of the Slurm state answer too (no trap on the sum).
                for command in [["doctor"], ["why", "9b426eab69ec"], ["export"], ["plan", "--files", "-"]] {
                    let result = try CLI.run([command[0], checkpoint.path] + command.dropFirst(), stdin: "/data/a.jsonl\n")
                    #expect([0, 1].contains(result.status) && !result.stderr.contains("Fatal error"), "\(command): \(result)")
                }
                let verify = try CLI.run(["verify", checkpoint.path])
                #expect(verify.status == 1 && verify.text.contains("the last shard within 2^63 - 1"), "\(verify)")
            }
        }
    }

    @Test("a directory named *.mdb in the metadata folder: the pipeline's lmdb.open fails on it, so it is skipped")
    func directoryWriter() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let folder = metadata.appendingPathComponent("node-d-4.mdb")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: metadata.appendingPathComponent("node-a-1001.mdb"), to: folder.appendingPathComponent("data.mdb"))
            let result = try CLI.run(["status", checkpoint.path, "--format", "json"])
            #expect(result.status == 2, "\(result)")
            let report = try #require(try result.json() as? [String: Any])
            #expect(report["skipped_writers"] as? [String] == ["node-d-4.mdb"])
            let oracle = try PipelineFileOracle.read([folder.path])
            #expect(oracle.first?.outcome == "skipped", "\(oracle)")
        }
    }

    @Test("a writer file the model cannot decide is said to be one the start may fail on, not one it fails on")
    func undecided() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            // Meta page 0 says data format 3: py-lmdb hands it to its LMDB 1.0 engine.
            let file = metadata.appendingPathComponent("node-b-2002.mdb")
            var bytes = Array(try Data(contentsOf: file))
            bytes[20] = 3
            try Data(bytes).write(to: file)
            let result = try CLI.run(["status", checkpoint.path])
            #expect(result.status == 2, "\(result)")
            #expect(result.text.hasPrefix("resume may fail: the pipeline's start may stop on node-b-2002.mdb"), "\(result.text)")
            #expect(result.text.contains("(0 skipped, 1 that may fail it)") && result.stderr.contains("may fail on it"), "\(result)")
        }
    }

    @Test("status --groups: every stranded group is warned about with --max-examples 0; without run.json the shards are unknown, not 0")
    func strandedEdges() throws {
        let groups = CuratorStatusCommandTests.folder.appendingPathComponent("curator_run.groups.jsonl").path
        let none = try CLI.run(["status", CuratorStatusCommandTests.checkpoint, "--groups", groups, "--max-examples", "0", "--fail-if-incomplete"])
        #expect(none.status == 1 && none.stderr.contains("warning: 4 groups run again"), "\(none)")
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            try FileManager.default.removeItem(at: metadata.appendingPathComponent(".slurm_array_completion/run.json"))
            let text = try CLI.run(["status", checkpoint.path, "--groups", groups])
            #expect(text.text.contains("stranded groups  unknown: no usable run.json"), "\(text)")
            let json = try CLI.run(["status", checkpoint.path, "--groups", groups, "--format", "json"])
            let report = try #require(try json.json() as? [String: Any])
            #expect(report["stranded"] is NSNull, "\(json.text)")
            let outcome = try StatusStatsSchemaTests.validate(schema: "status-curator.schema.json", [("unknown", json.stdout)])
            #expect(outcome == ["unknown": true])
        }
        let missing = try CLI.run(["status", "no-such-checkpoint", "--groups", groups])
        #expect(missing.status == 2 && missing.stderr.contains("no-such-checkpoint: no such file"), "\(missing)")
    }
}

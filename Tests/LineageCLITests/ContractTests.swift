import Foundation
import LineageTestSupport
import Testing

/// The contract every command keeps on both checkpoint kinds (Docs/CLI.md, "The contract").
@Suite("One contract across commands and both kinds")
struct ContractTests {
    static let dag = CLI.fixture("four_stage")
    static let curator = CuratorStatusCommandTests.checkpoint
    static let groups = CuratorSourcesCommandTests.groupsFile

    /// Every reading command, with the operands it needs besides the checkpoint, and the
    /// kinds it reads (the table `WrongKind.commands` must match).
    static let commands: [(name: String, arguments: @Sendable (String) -> [String], dag: Bool, curator: Bool)] = [
        ("status", { ["status", $0] }, true, true),
        ("show", { ["show", "-c", $0, "5fec"] }, true, true),
        ("edges", { ["edges", $0] }, true, false),
        ("types", { ["types", $0] }, true, false),
        ("verify", { ["verify", $0] }, true, true),
        ("export", { ["export", $0] }, true, true),
        ("export-dot", { ["export-dot", $0] }, true, false),
        ("ancestors", { ["ancestors", "-c", $0, "5fec"] }, true, false),
        ("descendants", { ["descendants", "-c", $0, "5fec"] }, true, false),
        ("path", { ["path", "-c", $0, "5fec", "8719"] }, true, false),
        ("stats", { ["stats", $0] }, true, false),
        ("diff", { ["diff", $0, $0] }, true, false),
        ("sources", { ["sources", $0] }, false, true),
        ("plan", { ["plan", $0, "--groups", ContractTests.groups] }, false, true),
        ("why", { ["why", $0, "ead520a8e8d8"] }, false, true),
        ("watch", { ["watch", $0, "--once"] }, true, true),
    ]

    @Test("a command given a kind it does not read says so in one sentence naming the commands that do, exit 64")
    func wrongKind() throws {
        for command in Self.commands {
            for (path, reads, kind, others) in [
                (Self.dag, command.dag, "a task-lineage DAG checkpoint", Self.commands.filter(\.dag).map(\.name)),
                (Self.curator, command.curator, "a NeMo Curator checkpoint", Self.commands.filter(\.curator).map(\.name)),
            ] {
                let result = try CLI.run(command.arguments(path))
                if reads {
                    #expect(result.status != 64 && !result.stderr.contains("reads "), "\(command.name) on \(path): \(result)")
                    continue
                }
                #expect(result.status == 64 && result.text.isEmpty, "\(command.name) on \(path): \(result)")
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1, "\(result.stderr)")
                #expect(result.stderr.hasPrefix("lineage: \(path) is \(kind) ("), "\(result.stderr)")
                #expect(result.stderr.contains("`lineage \(command.name)` reads"), "\(result.stderr)")
                for name in others { #expect(result.stderr.contains(" \(name)"), "\(name) not named: \(result.stderr)") }
            }
        }
    }

    @Test("--kind dag on a Curator checkpoint says to drop it, exit 64")
    func forcedKind() throws {
        for arguments in [["status"], ["export"], ["sources"], ["watch"], ["show", "--kind", "dag", Self.curator, "fdc0"]] {
            let command = arguments.count == 1 ? arguments + [Self.curator, "--kind", "dag"] : arguments
            let result = try CLI.run(command)
            #expect(result.status == 64 && result.stderr.contains("drop --kind dag"), "\(command): \(result)")
        }
    }

    @Test("the checkpoint is given the same three ways to every command: first argument, -c, LINEAGE_CHECKPOINT")
    func checkpointOperand() throws {
        let d = Self.dag
        let forms: [(positional: [String], option: [String], environment: [String])] = [
            (["show", d, "5fec"], ["show", "-c", d, "5fec"], ["show", "5fec"]),
            (["show", d, "--path", "0_0"], ["show", "-c", d, "--path", "0_0"], ["show", "--path", "0_0"]),
            (["ancestors", d, "5e3e"], ["ancestors", "-c", d, "5e3e"], ["ancestors", "5e3e"]),
            (["descendants", d, "5fec"], ["descendants", "-c", d, "5fec"], ["descendants", "5fec"]),
            (["path", d, "5fec", "5e3e"], ["path", "-c", d, "5fec", "5e3e"], ["path", "5fec", "5e3e"]),
            (["show", Self.curator, "FDC0"], ["show", "-c", Self.curator, "FDC0"], ["show", "FDC0"]),
            (["types", d], ["types", "-c", d], ["types"]),
            (["diff", d, d], ["diff", "-c", d, d], ["diff", d, d]),
        ]
        for form in forms {
            let positional = try CLI.run(form.positional)
            #expect(positional.status == 0 && !positional.text.isEmpty, "\(form.positional): \(positional)")
            let option = try CLI.run(form.option)
            let path = form.positional[1]
            let environment = try CLI.run(form.environment, environment: ["LINEAGE_CHECKPOINT": path])
            #expect(option.text == positional.text && option.status == positional.status, "\(form.option): \(option)")
            #expect(environment.text == positional.text && environment.status == positional.status, "\(form.environment): \(environment)")
            if form.positional[0] != "diff" {
                let both = try CLI.run(form.option.prefix(1) + [path] + form.option.dropFirst())
                #expect(both.status == 64 && both.stderr.contains("not both"), "\(both)")
            }
        }
    }

    @Test("a file given where a task goes is taken for what it is: did you mean it as the checkpoint?")
    func fileForUDID() throws {
        for command in ["show", "ancestors", "descendants"] {
            let result = try CLI.run([command, Self.dag])
            #expect(result.status == 64 && result.text.isEmpty, "\(result)")
            #expect(
                result.stderr.contains(
                    "is a file, not a udid: give the checkpoint and then a udid (lineage \(command) \(Self.dag) ...), or the checkpoint with -c"),
                "\(result.stderr)")
        }
        let path = try CLI.run(["path", "-c", Self.dag, Self.dag, "5fec"])
        #expect(path.status == 64 && path.stderr.contains("is a file, not a udid"), "\(path)")
        let one = try CLI.run(["diff", Self.dag])
        #expect(one.status == 64 && one.stderr.contains("Give two checkpoints"), "\(one)")
    }

    @Test("verify --quiet prints nothing on stdout; stderr has one line for every checkpoint that is not OK, FAILED included")
    func verifyQuiet() throws {
        try withTemporaryDirectory { directory in
            let bad = try ReportSchemaTests.badTypeCopy(in: directory)
            let missing = directory.appendingPathComponent("none.mdb").path
            let quiet = try CLI.run(["verify", "-q", Self.dag, bad, missing, Self.curator])
            #expect(quiet.status == 2 && quiet.stdout.isEmpty, "\(quiet)")
            let lines = quiet.stderr.split(separator: "\n")
            #expect(lines.count == 2, "\(quiet.stderr)")
            #expect(lines.first?.hasPrefix("lineage: \(bad): FAILED, 1 of 12 checks failed (type-values)") == true, "\(quiet.stderr)")
            #expect(lines.last?.hasPrefix("lineage: \(missing): no such file") == true, "\(quiet.stderr)")
            // Not quiet, with stdout thrown away: the same lines tell a FAILED file.
            let loud = try CLI.run(["verify", bad])
            #expect(loud.status == 1 && loud.stderr == String(lines[0]) + "\n", "\(loud.stderr)")
            let sound = try CLI.run(["verify", "--quiet", Self.dag, Self.curator])
            #expect(sound.status == 0 && sound.stdout.isEmpty && sound.stderr.isEmpty, "\(sound)")
        }
    }

    @Test("an LMDB file whose two meta pages are zeroed is damaged, not 'not an LMDB file'; nothing is counted in its report")
    func zeroedMetaPages() throws {
        try withTemporaryDirectory { directory in
            var bytes = try Data(contentsOf: URL(fileURLWithPath: Self.dag))
            bytes.replaceSubrange(0..<8192, with: Data(count: 8192))
            let file = directory.appendingPathComponent("zeroed.mdb")
            try bytes.write(to: file)
            let verify = try CLI.run(["verify", file.path])
            #expect(verify.status == 2 && verify.text.lines.last?.hasPrefix("verdict: DAMAGED") == true, "\(verify)")
            #expect(verify.text.lines.first == "\(file.path): nothing counted, the structure is damaged", "\(verify.text)")
            let json = try CLI.run(["verify", file.path, "--format", "jsonl"])
            let report = try #require(try json.json() as? [String: Any])
            #expect(report["verdict"] as? String == "DAMAGED" && report["tasks"] is NSNull, "\(json.text)")
            let types = try CLI.run(["types", file.path])
            #expect(types.status == 2 && !types.stderr.contains("not an LMDB file") && types.stderr.contains("lineage verify"), "\(types)")
            let missing = try CLI.run(["verify", directory.appendingPathComponent("none.mdb").path])
            #expect(missing.stderr.contains("no such file; check the path") && !missing.stderr.contains("-c PATH"), "\(missing.stderr)")
        }
    }

    /// Every key of a JSON value, at any depth.
    static func keys(_ value: Any) -> [String] {
        if let object = value as? [String: Any] { return object.keys + object.values.flatMap(keys) }
        if let array = value as? [Any] { return array.flatMap(keys) }
        return []
    }

    /// Every `by_type` object of a JSON value, at any depth.
    static func byType(_ value: Any) -> [[String: Any]] {
        if let object = value as? [String: Any] {
            return (object["by_type"].map { [$0 as? [String: Any] ?? [:]] } ?? []) + object.values.flatMap(byType)
        }
        if let array = value as? [Any] { return array.flatMap(byType) }
        return []
    }

    @Test("json is one document and jsonl one object per line on every command and both kinds, each with schema_version and kind, in one vocabulary")
    func jsonEverywhere() throws {
        let d = Self.dag
        let c = Self.curator
        let commands: [[String]] = [
            ["verify", d, c], ["verify", d], ["status", d], ["status", c], ["stats", d], ["diff", d, d], ["types", d],
            ["types", d, "--summary"], ["edges", d], ["show", d, "5fec"], ["show", c, "ead5"], ["ancestors", d, "5e3e"],
            ["descendants", d, "5fec"], ["descendants", d, "5fec", "--count"], ["path", d, "5fec", "5e3e"], ["export", d], ["export", c],
            ["sources", c], ["plan", c, "--groups", Self.groups], ["why", c, "fdc0"],
        ]
        var documents: [String: [(label: String, json: Data)]] = [:]
        for command in commands {
            let json = try CLI.run(command + ["--format", "json"])
            #expect(json.status == 0, "\(command): \(json)")
            let value = try JSONSerialization.jsonObject(with: json.stdout)
            let object = try #require(value as? [String: Any], "\(command): not one object")
            #expect(object["schema_version"] is Int && ["dag", "curator", "mixed"].contains(object["kind"] as? String), "\(command)")
            let all = Self.keys(object)
            #expect(!all.contains("type") && !all.contains("types"), "\(command): a task's type is task_type, counts per type by_type")
            for counts in Self.byType(object) {
                for (name, row) in counts {
                    #expect(Set((row as? [String: Any])?.keys.map { $0 } ?? []) == ["total", "completed", "pending"], "\(command) \(name)")
                }
            }
            let schema: String? =
                switch command[0] {
                case "verify": "verify-report.schema.json"
                case "status": command[1] == c ? "status-curator.schema.json" : "status.schema.json"
                case "stats", "diff": "\(command[0]).schema.json"
                case "sources", "plan": "curator-\(command[0]).schema.json"
                case "export" where command[1] == c: "curator-export.schema.json"
                default: nil
                }
            if let schema { documents[schema, default: []].append((command.joined(separator: " "), json.stdout)) }

            let lines = try CLI.run(command + ["--format", "jsonl"])
            guard command[0] != "export" else {
                #expect(lines.status == 64, "export writes one document: \(lines)")
                continue
            }
            #expect(lines.status == 0, "\(command): \(lines)")
            for line in try lines.jsonLines() {
                #expect(line["schema_version"] is Int && ["dag", "curator"].contains(line["kind"] as? String), "\(command): \(line)")
                #expect(!Self.keys(line).contains("type"), "\(command)")
            }
        }
        for (schema, list) in documents {
            for (label, valid) in try StatusStatsSchemaTests.validate(schema: schema, list) { #expect(valid, "\(label) under \(schema)") }
        }
    }

    @Test("verify --format json: one document for any number of paths whose reports are the jsonl lines")
    func verifyDocument() throws {
        try withTemporaryDirectory { directory in
            let bad = try ReportSchemaTests.badTypeCopy(in: directory)
            let paths = [Self.dag, Self.curator, bad, directory.appendingPathComponent("none.mdb").path]
            let json = try CLI.run(["verify", "--format", "json"] + paths)
            let lines = try CLI.run(["verify", "--format", "jsonl"] + paths)
            #expect(json.status == 2 && lines.status == 2)
            let document = try #require(try json.json() as? [String: Any])
            #expect(document["kind"] as? String == "mixed" && document["verdict"] as? String == "UNREADABLE" && document["exit_code"] as? Int == 2)
            #expect(document["checkpoints"] as? Int == 4 && document["sound"] as? Int == 2 && document["ok"] as? Bool == false)
            let reports = try #require(document["reports"] as? [[String: Any]])
            #expect(reports.map { $0["checkpoint"] as? String } == paths)
            #expect(
                try JSONSerialization.data(withJSONObject: reports, options: .sortedKeys)
                    == JSONSerialization.data(withJSONObject: try lines.jsonLines(), options: .sortedKeys))
            let outcome = try StatusStatsSchemaTests.validate(schema: "verify-report.schema.json", [("document", json.stdout)])
            #expect(outcome == ["document": true])
        }
    }

    @Test("status answers on its first line, and no line of its report is wider than 100 columns (paths aside)")
    func statusHeadline() throws {
        let cases: [(path: String, headline: String)] = [
            (CLI.fixture("partial_completion"), "incomplete: 5 of 9 tasks will run again (4 completed are kept)"),
            (CLI.fixture("four_stage_completed"), "complete: a resume has nothing to do (8 tasks completed)"),
            (Self.curator, "incomplete: shards 2,5 of 6 to resubmit; a rerun skips 7 completed sources"),
        ]
        for (path, headline) in cases {
            let result = try CLI.run(["status", path])
            #expect(result.text.lines.first == headline, "\(result.text)")
            for line in result.text.lines where !line.contains(path) { #expect(line.count <= 100, "\(line.count) columns: \(line)") }
        }
        for name in CLI.fixtureNames {
            let result = try CLI.run(["status", CLI.fixture(name), "--max-examples", "5"])
            for line in result.text.lines where !line.contains(CLI.fixture(name)) { #expect(line.count <= 100, "\(name): \(line)") }
        }
        let complete = try CLI.run(["status", CLI.fixture("four_stage_completed")])
        #expect(!complete.text.contains("the real rerun can be larger"), "nothing runs again on a complete checkpoint")
    }

    @Test("stats on a damaged file prints what the meta page and the stored records still say, as mdb_stat -a does, then exits 2")
    func statsOnDamage() throws {
        try withTemporaryDirectory { directory in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.dag))
            let file = directory.appendingPathComponent("truncated.mdb")
            try bytes.prefix(bytes.count - 4096).write(to: file)
            let sound = try #require(try CLI.run(["stats", Self.dag, "--format", "json"]).json() as? [String: Any])
            let json = try CLI.run(["stats", file.path, "--format", "json"])
            #expect(json.status == 2 && json.stderr.contains("lineage verify"), "\(json)")
            let damaged = try #require(try json.json() as? [String: Any])
            #expect(damaged["damaged"] as? Bool == true && damaged["tasks"] == nil)
            let (a, b) = (try #require(sound["lmdb"] as? [String: Any]), try #require(damaged["lmdb"] as? [String: Any]))
            for key in ["page_size", "last_txn", "pages_used", "databases", "main"] {
                #expect(
                    try JSONSerialization.data(withJSONObject: [a[key] ?? NSNull()], options: .sortedKeys)
                        == JSONSerialization.data(withJSONObject: [b[key] ?? NSNull()], options: .sortedKeys), "\(key)")
            }
            let text = try CLI.run(["stats", file.path])
            #expect(text.status == 2 && text.text.contains("structure    damaged") && text.text.contains("task_type        1"), "\(text)")
            let outcome = try StatusStatsSchemaTests.validate(schema: "stats.schema.json", [("damaged", json.stdout)])
            #expect(outcome == ["damaged": true])
        }
    }

    @Test("ancestors - and descendants - walk from every udid on stdin: the single walks' rows, each led by the task walked from")
    func walkBatch() throws {
        let fixture = try FixtureExpectation.load("retries_and_joins")
        let queries = Array(fixture.udids.prefix(5))
        for command in ["ancestors", "descendants"] {
            var expected: [String] = []
            var counts: [String] = []
            for udid in queries {
                let single = try CLI.run([command, fixture.path, udid])
                expected += single.text.lines.map { "\(udid)\t\($0)" }
                counts.append("\(udid)\t\(single.text.lines.count)")
            }
            let input = (queries.map { String($0.prefix(8)).uppercased() } + ["ffffffffff"]).joined(separator: "\n") + "\n"
            let batch = try CLI.run([command, fixture.path, "-"], stdin: input)
            #expect(batch.status == 1 && batch.text.lines == expected, "\(command): \(batch)")
            #expect(batch.stderr.contains("no task with a udid starting with ffffffffff"), "\(batch.stderr)")
            let count = try CLI.run([command, fixture.path, "-", "--count"], stdin: input)
            #expect(count.text.lines == counts, "\(count)")
            let json = try CLI.run([command, fixture.path, "-", "--format", "json"], stdin: input)
            let rows = try json.records("tasks")
            #expect(rows.filter { $0["error"] == nil }.count == expected.count && rows.last?["error"] as? String == "not_found", "\(json.text)")
        }
    }

    @Test("--max-examples is the one name of the example limit: accepted by every command that lists examples, -1 a range error")
    func maxExamples() throws {
        for arguments in [
            ["verify", Self.dag], ["verify", Self.curator], ["status", Self.dag], ["status", Self.curator], ["stats", Self.dag],
            ["diff", Self.dag, Self.dag],
        ] {
            let one = try CLI.run(arguments + ["--max-examples", "1"])
            #expect(one.status == 0, "\(arguments): \(one)")
            let negative = try CLI.run(arguments + ["--max-examples", "-1"])
            #expect(negative.status == 64 && negative.stderr.hasPrefix("lineage: --max-examples must be 0 or more"), "\(arguments): \(negative)")
        }
        // It limits every list it prints: the Curator status's failed attempts too.
        let limited = try CLI.run(["status", Self.curator, "--max-examples", "1"])
        #expect(limited.text.contains("... and 1 more (--max-examples N shows more"), "\(limited.text)")
    }

    @Test("a run.json claiming 10^12 shards costs what the files on disk cost: the missing shards are ranges, never listed")
    func hugeShardCount() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let run = metadata.appendingPathComponent(".slurm_array_completion/run.json")
            try Data(#"{"minimum_shard_index":0,"total_shards":1000000000000}"#.utf8).write(to: run)
            // Every manifest names 6 shards, so each is rejected: all 10^12 shards are missing.
            let retry = try CLI.run(["status", checkpoint.path, "--retry-fields"])
            #expect(retry.status == 0 && retry.text == "0-999999999999 0 0 1000000000000\n", "\(retry)")
            let grouped = try CLI.run(["status", checkpoint.path, "--retry-fields", "--max-array-size", "250000000000"])
            #expect(grouped.text.lines == (0..<4).map { "0-249999999999 \($0 * 250_000_000_000) 0 1000000000000" }, "\(grouped)")
            let json = try CLI.run(["status", checkpoint.path, "--format", "json"])
            let slurm = try #require((try json.json() as? [String: Any])?["slurm"] as? [String: Any])
            #expect(slurm["missing"] as? [[Int]] == [[0, 999_999_999_999]] && slurm["missing_count"] as? Int == 1_000_000_000_000)
            let text = try CLI.run(["status", checkpoint.path])
            #expect(text.text.contains("0 completed, 1,000,000,000,000 missing"), "\(text.text)")
            let export = try CLI.run(["export", checkpoint.path])
            #expect(export.status == 0 && export.stdout.count < 100_000, "\(export.stdout.count) bytes")
        }
    }

    @Test("a failed job array is never complete: without run.json the failed attempts without a manifest still fail the gate and are listed")
    func failedArrayWithoutRun() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            try FileManager.default.removeItem(at: metadata.appendingPathComponent(".slurm_array_completion/run.json"))
            let gate = try CLI.run(["status", checkpoint.path, "--fail-if-incomplete"])
            #expect(gate.status == 1, "\(gate)")
            #expect(gate.text.lines.first == "incomplete: shards 2,5 failed without completing; a rerun skips 7 completed sources", "\(gate.text)")
            #expect(gate.text.lines.dropFirst().first == "  (no usable run.json, so shards that never started are unknown)")
            let retry = try CLI.run(["status", checkpoint.path, "--retry-fields"])
            #expect(retry.text == "2,5 0 ? ?\n" && retry.stderr.contains("no usable run.json"), "\(retry)")
            let json = try CLI.run(["status", checkpoint.path, "--format", "json"])
            let report = try #require(try json.json() as? [String: Any])
            #expect((report["failed_attempts"] as? [[String: Int]])?.map { $0["shard"] } == [2, 5], "\(json.text)")
            #expect(report["unfinished_shards"] as? [[Int]] == [[2, 2], [5, 5]])
            let outcome = try StatusStatsSchemaTests.validate(schema: "status-curator.schema.json", [("no run.json", json.stdout)])
            #expect(outcome == ["no run.json": true])
        }
    }

    @Test("half-written JSON never: a batch or a list whose checkpoint cannot be read prints nothing on stdout, whatever the format")
    func noHalfDocuments() throws {
        try withTemporaryDirectory { directory in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.dag))
            let truncated = directory.appendingPathComponent("truncated.mdb").path
            try bytes.prefix(30000).write(to: URL(fileURLWithPath: truncated))
            let writer = Self.curator + "/.nemo_curator_metadata/node-a-1001.mdb"
            for arguments in [
                ["ancestors", truncated, "-"], ["descendants", truncated, "-"], ["show", truncated, "-"],
                ["show", directory.appendingPathComponent("none.mdb").path, "-"], ["types", truncated], ["edges", truncated],
            ] {
                let result = try CLI.run(arguments + ["--format", "json"], stdin: "5fec\n")
                #expect(result.status == 2 && result.stdout.isEmpty, "\(arguments): \(result)")
            }
            // A writer file given to show - is read as what it is: one document.
            let batch = try CLI.run(["show", writer, "-", "--format", "json"], stdin: "19cb\n")
            #expect(try batch.records("answers", kind: "curator").count == 1, "\(batch)")
            // The ambiguous line of a walk batch lists its candidates, as show - does.
            let (path, prefix, candidates) = try UdidOptionTests.ambiguous(in: directory)
            let walk = try CLI.run(["descendants", path, "-", "--format", "jsonl"], stdin: prefix + "\n")
            #expect(try walk.recordLines().first?["candidates"] as? [String] == candidates, "\(walk)")
        }
    }

    @Test("stats reports what a damaged file still says also when LINEAGE_CHECKPOINT names it; diff takes A from it")
    func environmentEverywhere() throws {
        try withTemporaryDirectory { directory in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.dag))
            let truncated = directory.appendingPathComponent("truncated.mdb").path
            try bytes.prefix(bytes.count - 4096).write(to: URL(fileURLWithPath: truncated))
            let stats = try CLI.run(["stats"], environment: ["LINEAGE_CHECKPOINT": truncated])
            #expect(stats.status == 2 && stats.text.contains("structure    damaged"), "\(stats)")
            let diff = try CLI.run(["diff", Self.dag], environment: ["LINEAGE_CHECKPOINT": Self.dag])
            #expect(diff.status == 0 && diff.text.contains("identical"), "\(diff)")
            let show = try CLI.run(["show", "5fec", "--path", "0"], environment: ["LINEAGE_CHECKPOINT": Self.dag])
            #expect(show.status == 64 && show.stderr.contains("either a udid or --path"), "\(show)")
        }
    }

    @Test(
        "a folder of manifests without writer files is read: shards and retry fields, and a clear word that sources are unknown; an empty manifest is a finding"
    )
    func manifestsOnly() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            for name in try FileManager.default.contentsOfDirectory(atPath: metadata.path) where name.hasSuffix(".mdb") {
                try FileManager.default.removeItem(at: metadata.appendingPathComponent(name))
            }
            let status = try CLI.run(["status", checkpoint.path])
            #expect(status.status == 0, "\(status)")
            #expect(
                status.text.lines.first == "incomplete: shards 2,5 of 6 to resubmit; no writer files here: finished sources unknown", "\(status.text)"
            )
            #expect(status.text.contains("sources completed  unknown: no writer files in this folder"))
            #expect(try CLI.run(["status", checkpoint.path, "--retry-fields"]).text == "2,5 0 0 6\n")
            // A half-written (empty) manifest: rejected, its shard missing, never an abort.
            let folder = metadata.appendingPathComponent(".slurm_array_completion")
            let manifest = try #require(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first { $0.hasPrefix("completed_") })
            try Data().write(to: folder.appendingPathComponent(manifest))
            let after = try CLI.run(["status", checkpoint.path, "--format", "json"])
            #expect(after.status == 0, "\(after)")
            let slurm = try #require((try after.json() as? [String: Any])?["slurm"] as? [String: Any])
            #expect((slurm["rejected_manifests"] as? [[String: String]])?.map { $0["file"] } == [manifest])
            #expect((slurm["missing_count"] as? Int) == 3)
            let verify = try CLI.run(["verify", checkpoint.path])
            #expect(verify.status == 1 && verify.stderr.contains("FAILED") && verify.stderr.contains("slurm-manifests"), "\(verify)")
        }
    }

    @Test("plan names each group's shard as the pipeline assigns it (hashlib over the source id) and warns of groups stranded on completed shards")
    func planShards() throws {
        let json = try CLI.run(["plan", Self.curator, "--groups", Self.groups, "--format", "jsonl"])
        let rows = try json.recordLines(kind: "curator")
        let ids = rows.compactMap { $0["source_id"] as? String }
        // The pipeline's own rule, computed by Python's hashlib (slurm_array_shard_for_task).
        let script = "import hashlib,sys\nfor i in sys.argv[1:]: print(int(hashlib.sha256(i.encode()).hexdigest()[:16], 16) % 6 + 0)"
        let oracle = try CLI.exec("/usr/bin/env", ["python3", "-c", script] + ids)
        #expect(rows.map { $0["shard"] as? Int } == oracle.text.lines.map { Int($0) }, "\(oracle)")
        let missing = Set([2, 5])
        #expect(rows.allSatisfy { ($0["shard_state"] as? String) == (missing.contains($0["shard"] as? Int ?? -1) ? "missing" : "completed") })
        let stranded = rows.filter { $0["action"] as? String == "run" && $0["shard_state"] as? String == "completed" }
        #expect(
            !stranded.isEmpty && json.stderr.contains("warning: \(stranded.count) groups run again although their shards are marked completed"),
            "\(json.stderr)")
        let text = try CLI.run(["plan", Self.curator, "--groups", Self.groups])
        #expect(
            text.text.lines.first?.hasSuffix("\tshard \(rows[0]["shard"] as? Int ?? -1) \(rows[0]["shard_state"] as? String ?? "")") == true,
            "\(text.text)")
    }

    @Test("status --groups/--files names the groups that run again on shards marked completed (hashlib over the ids), fails the gate, warns")
    func statusStranded() throws {
        let plan = try CLI.run(["plan", Self.curator, "--groups", Self.groups, "--format", "jsonl"]).recordLines(kind: "curator")
        let ids = plan.filter { $0["action"] as? String == "run" }.compactMap { $0["source_id"] as? String }
        // The pipeline's own rule, by Python's hashlib: the shard of each group that runs again.
        let script = "import hashlib,sys\nfor i in sys.argv[1:]: print(int(hashlib.sha256(i.encode()).hexdigest()[:16], 16) % 6 + 0)"
        let shards = try CLI.exec("/usr/bin/env", ["python3", "-c", script] + ids).text.lines.compactMap { Int($0) }
        let expected = zip(ids, shards).filter { ![2, 5].contains($0.1) }
        #expect(!expected.isEmpty)
        let json = try CLI.run(["status", Self.curator, "--groups", Self.groups, "--format", "json", "--max-examples", "20"])
        #expect(json.status == 0, "\(json)")
        let stranded = try #require((try json.json() as? [String: Any])?["stranded"] as? [String: Any])
        #expect(stranded["count"] as? Int == expected.count)
        let examples = try #require(stranded["examples"] as? [[String: Any]])
        #expect(examples.map { $0["source_id"] as? String } == expected.map(\.0) && examples.map { $0["shard"] as? Int } == expected.map(\.1))
        #expect(json.stderr.contains("warning: \(expected.count) groups run again although their shards are marked completed"), "\(json.stderr)")
        let outcome = try StatusStatsSchemaTests.validate(schema: "status-curator.schema.json", [("stranded", json.stdout)])
        #expect(outcome == ["stranded": true])
        let gate = try CLI.run(["status", Self.curator, "--groups", Self.groups, "--fail-if-incomplete"])
        #expect(gate.status == 1 && gate.text.contains("  stranded groups  \(expected.count) run again on shards marked completed"), "\(gate)")
        // --files: one path per line; a path no completed group has runs again too.
        let files = try CLI.run(["status", Self.curator, "--files", "-", "--format", "json"], stdin: "/never/completed.jsonl\n")
        let one = try #require((try files.json() as? [String: Any])?["stranded"] as? [String: Any])
        // Stranded exactly when plan says it runs on a shard marked completed.
        let row = try #require(
            try CLI.run(["plan", Self.curator, "--files", "-", "--format", "jsonl"], stdin: "/never/completed.jsonl\n").recordLines(kind: "curator")
                .first)
        let strandedByPlan = row["action"] as? String == "run" && row["shard_state"] as? String == "completed"
        #expect(one["count"] as? Int == (strandedByPlan ? 1 : 0), "\(files)")
        #expect(try CLI.run(["status", CLI.fixture("four_stage"), "--groups", Self.groups]).status == 64)
    }

    @Test(
        "source-id --lance hashes the dataset path, the version and the fragment ids as the pipeline's LanceReadTask does (hashlib over random inputs)"
    )
    func lanceSourceIDs() throws {
        var generator = SplitMix64(state: 26_09)
        var cases: [(dataset: String, version: Int, fragments: [Int])] = [("s3://bucket/ds.lance", 7, [3, 1, 2])]
        for index in 0..<20 {
            let fragments = (0..<Int.random(in: 1...6, using: &generator)).map { _ in Int.random(in: 0...5000, using: &generator) }
            cases.append(
                (
                    "/lustre/lance/set-\(index)-\(Int.random(in: 0...999, using: &generator)).lance", Int.random(in: 0...300, using: &generator),
                    fragments
                ))
        }
        // get_deterministic_hash over [path, str(version), *map(str, fragments)]: sorted, each followed by |, SHA-256, 12 hex digits.
        let script = """
            import hashlib, json, sys
            for dataset, version, fragments in json.loads(sys.argv[1]):
                items = [dataset, str(version)] + [str(f) for f in fragments]
                print(hashlib.sha256("".join(s + "|" for s in sorted(items)).encode()).hexdigest()[:12])
            """
        let input = try JSONSerialization.data(withJSONObject: cases.map { [$0.dataset, $0.version, $0.fragments] as [Any] })
        let oracle = try CLI.exec("/usr/bin/env", ["python3", "-c", script, String(decoding: input, as: UTF8.self)])
        #expect(oracle.status == 0 && oracle.text.lines.count == cases.count, "\(oracle)")
        #expect(oracle.text.lines.first == "d130fe98e0f7", "the example in Docs/CLI.md (source-id)")
        for (index, item) in cases.enumerated() {
            let result = try CLI.run([
                "source-id", "--lance", item.dataset, "--dataset-version", String(item.version),
                "--fragments", item.fragments.map(String.init).joined(separator: ","),
            ])
            #expect(result.status == 0 && result.text == oracle.text.lines[index] + "\n", "\(item): \(result)")
        }
        #expect(try CLI.run(["source-id", "--lance", "x.lance", "--dataset-version", "1", "--fragments", "1,a"]).status == 64)
    }

    @Test("plan reads Lance fragment sets beside path arrays: the same id as source-id --lance; a malformed one names its line")
    func planLance() throws {
        let input =
            #"{"lance": "s3://bucket/ds.lance", "version": 7, "fragments": [3, 1, 2]}"# + "\n" + #"["/lustre/datasets/cc-2024/part-00000-0.jsonl"]"#
            + "\n"
        let result = try CLI.run(["plan", Self.curator, "--groups", "-", "--format", "jsonl"], stdin: input)
        #expect(result.status == 0, "\(result)")
        let rows = try result.recordLines(kind: "curator")
        #expect(rows.map { $0["source_id"] as? String } == ["d130fe98e0f7", "ead520a8e8d8"])
        #expect(rows.map { $0["action"] as? String } == ["run", "skip"])
        // The Lance row names the dataset, its version and fragments, not paths.
        let lance = try #require(rows.first?["lance"] as? [String: Any])
        #expect(lance["dataset"] as? String == "s3://bucket/ds.lance" && lance["version"] as? Int == 7 && lance["fragments"] as? [Int] == [3, 1, 2])
        #expect(rows.last?["lance"] == nil)
        let text = try CLI.run(["plan", Self.curator, "--groups", "-"], stdin: input)
        #expect(text.text.lines.first?.hasPrefix("d130fe98e0f7\trun\ts3://bucket/ds.lance (version 7, fragments 3,1,2)\tshard ") == true, "\(text)")
        let json = try CLI.run(["plan", Self.curator, "--groups", "-", "--format", "json"], stdin: input)
        let outcome = try StatusStatsSchemaTests.validate(schema: "curator-plan.schema.json", [("lance", json.stdout)])
        #expect(outcome == ["lance": true])
        let bad = try CLI.run(["plan", Self.curator, "--groups", "-"], stdin: #"{"lance": "x", "version": "7", "fragments": [1]}"# + "\n")
        #expect(bad.status == 64 && bad.stderr.contains("stdin line 1: \"version\" must be an integer"), "\(bad)")
    }

    @Test("why answers for every file group of the fixture as the pipeline's reader saw it: skipped exactly when completed, with its shard")
    func whyEveryGroup() throws {
        for group in try CuratorPlanCommandTests.expected() {
            let json = try CLI.run(["why", Self.curator, "--format", "json"] + group.paths)
            #expect(json.status == 0, "\(group.paths): \(json)")
            let answer = try #require(try json.json() as? [String: Any])
            #expect(answer["source_id"] as? String == group.id && answer["from"] as? String == "paths")
            #expect(answer["skipped"] as? Bool == (group.action == "skip"), "\(group.id)")
            #expect((answer["conclusion"] as? String)?.hasPrefix(group.action == "skip" ? "a rerun skips it" : "a rerun runs it again") == true)
            let plan = try CLI.run(
                ["plan", Self.curator, "--groups", "-", "--format", "jsonl"],
                stdin: try String(decoding: JSONSerialization.data(withJSONObject: group.paths), as: UTF8.self) + "\n")
            #expect(try plan.recordLines(kind: "curator").first?["shard"] as? Int == answer["shard"] as? Int, "the shard plan names")
            // A completed id by a prefix in any case; an id no writer holds only whole (a prefix names no source).
            let byID = try CLI.run(["why", Self.curator, group.action == "skip" ? String(group.id.prefix(6)).uppercased() : group.id])
            #expect(byID.status == 0 && byID.text.hasPrefix("source id        \(group.id)\n"), "\(byID)")
            if group.action == "run" {
                #expect(try CLI.run(["why", Self.curator, String(group.id.prefix(6))]).status == 1)
            }
        }
        let ambiguous = try CLI.run(["why", Self.curator, "ffff"])
        #expect(ambiguous.status == 1 && ambiguous.text.isEmpty, "\(ambiguous)")
    }
}

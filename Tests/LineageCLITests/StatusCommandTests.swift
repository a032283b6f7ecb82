import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `lineage status` end to end, against answers computed in the test from the fixtures' JSON.
@Suite("lineage status")
struct StatusCommandTests {
    static func counts(_ object: Any?) -> [Int] {
        let dict = object as? [String: Any] ?? [:]
        return ["total", "completed", "pending"].map { dict[$0] as? Int ?? -1 }
    }

    static func expected(_ oracle: LineageOracle, _ udids: [String]) -> [Int] {
        let done = udids.filter { oracle.records[$0]?.completed == true }.count
        return [udids.count, done, udids.count - done]
    }

    @Test("--format json on every fixture: counts, types, stages, sources, leaves and the resume plan", arguments: FixtureExpectation.names)
    func json(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let oracle = LineageOracle(fixture)
        let result = try CLI.run(["status", fixture.path, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        #expect(result.lines.count == 1)
        let report = try #require(try result.json() as? [String: Any])
        #expect(report["checkpoint"] as? String == fixture.path)
        #expect(report["tasks"] as? Int == fixture.records.count)
        #expect(report["completed"] as? Int == oracle.skip.count)
        #expect(report["pending"] as? Int == oracle.rerun.count)
        let byType = try #require(report["by_type"] as? [String: Any])
        for type in TaskType.allCases.map(\.rawValue) {
            #expect(Self.counts(byType[type]) == Self.expected(oracle, oracle.udids { $0.taskType == type }), "\(type)")
        }
        #expect(Self.counts(report["sources"]) == Self.expected(oracle, oracle.sources))
        #expect(Self.counts(report["leaves"]) == Self.expected(oracle, oracle.leaves))
        let stages = try #require(report["stages"] as? [[String: Any]])
        #expect(stages.map { $0["stage"] as? Int } == Array(oracle.stageRows.indices))
        #expect(stages.map { $0["tasks"] as? Int } == oracle.stageRows.map(\.tasks))
        #expect(stages.map { $0["completed"] as? Int } == oracle.stageRows.map(\.completed))
        let resume = try #require(report["resume"] as? [String: Any])
        let examples = try #require(resume["examples"] as? [String: [String]])
        for (key, udids) in [
            ("skip", oracle.skip), ("rerun", oracle.rerun), ("frontier", oracle.frontier), ("pending_sources", oracle.pendingSources),
        ] {
            #expect(resume[key] as? Int == udids.count, "\(key)")
            #expect(examples[key] == Array(udids.prefix(3)), "\(key)")
        }
        let leaves = oracle.leaves
        let percent = leaves.isEmpty ? 100 : Double(leaves.filter { oracle.records[$0]?.completed == true }.count) * 100 / Double(leaves.count)
        let shown = try #require(report["percent_leaves_completed"] as? Double)
        #expect(shown <= percent && percent - shown < 0.1)
    }

    @Test("text: the aligned report of partial_completion, its numbers from the JSON twin")
    func text() throws {
        let fixture = try FixtureExpectation.load("partial_completion")
        let oracle = LineageOracle(fixture)
        let result = try CLI.run(["status", "-c", fixture.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let lines = result.lines
        let leafCounts = Self.expected(oracle, oracle.leaves)
        #expect(lines.contains("leaves completed   \(leafCounts[1]) of \(leafCounts[0]) (40.0%)"))
        #expect(lines.contains("tasks              \(oracle.records.count) (\(oracle.skip.count) completed, \(oracle.rerun.count) pending)"))
        // One row per stage under the stage header: stage, tasks, completed, pending.
        let header = try #require(lines.firstIndex { $0.hasPrefix("stage ") })
        let rows = lines[(header + 1)...].prefix { $0.first?.isNumber == true }.map { $0.split(separator: " ").compactMap { Int($0) } }
        #expect(
            rows
                == oracle.stageRows.enumerated().map { [$0.offset, $0.element.tasks, $0.element.completed, $0.element.tasks - $0.element.completed] })
        // Plan rows start with two spaces and a word; example lines are indented further.
        let plan = lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
        #expect(
            plan == [
                "skip \(oracle.skip.count) completed:", "rerun \(oracle.rerun.count) pending:", "frontier \(oracle.frontier.count) completed",
                "pending sources \(oracle.pendingSources.count)",
            ])
        #expect(oracle.pendingSources.count == 1 && result.text.contains("e.g. \(oracle.pendingSources[0])\n"))
        #expect(lines.contains("Tasks the interrupted run never reached are not in the file, so the real rerun can be larger."))
        #expect(!result.text.contains("warning"))
    }

    @Test("four_stage_rooted shows five stage rows")
    func fiveStages() throws {
        let result = try CLI.run(["status", CLI.fixture("four_stage_rooted")])
        let header = try #require(result.lines.firstIndex { $0.hasPrefix("stage ") })
        let rows = result.lines[(header + 1)...].prefix { $0.first?.isNumber == true }
        #expect(rows.map { $0.split(separator: " ").compactMap { Int($0) }[1] } == [1, 3, 3, 1, 1])
    }

    @Test("--fail-if-incomplete: exit 1 when anything is pending, 0 when all is completed, the report printed either way")
    func failIfIncomplete() throws {
        let pending = try CLI.run(["status", CLI.fixture("partial_completion"), "--fail-if-incomplete"])
        #expect(pending.status == 1, "\(pending)")
        #expect(pending.text.contains("resume plan"))
        #expect(pending.stderr.isEmpty)
        let done = try CLI.run(["status", CLI.fixture("four_stage_completed"), "--fail-if-incomplete"])
        #expect(done.status == 0, "\(done)")
        let plain = try CLI.run(["status", CLI.fixture("partial_completion")])
        #expect(plain.status == 0)
    }

    @Test("the checkpoint as argument, -c or LINEAGE_CHECKPOINT gives the same report; both at once is a usage error")
    func checkpointForms() throws {
        let path = CLI.fixture("killed_midrun")
        let byArgument = try CLI.run(["status", path])
        let byOption = try CLI.run(["status", "-c", path])
        let byEnvironment = try CLI.run(["status"], environment: ["LINEAGE_CHECKPOINT": path])
        #expect(byArgument.status == 0 && byArgument.text == byOption.text && byOption.text == byEnvironment.text)
        let both = try CLI.run(["status", "-c", path, path])
        #expect(both.status == 64)
        let none = try CLI.run(["status"])
        #expect(none.status == 64)
        let negative = try CLI.run(["status", path, "--examples", "-1"])
        #expect(negative.status == 64)
    }

    @Test("damaged, truncated and missing checkpoints: exit 2 with one sentence; status prints nothing, stats what the file still says")
    func refusals() throws {
        try withTemporaryDirectory { directory in
            let truncated = try ReportSchemaTests.truncatedCopy(in: directory)
            let flipped = try ReportSchemaTests.byteFlippedCopy(in: directory)
            let missing = directory.appendingPathComponent("missing.mdb").path
            for command in ["status", "stats"] {
                for path in [truncated, flipped, missing] {
                    let result = try CLI.run([command, path])
                    #expect(result.status == 2, "\(command) \(path): \(result)")
                    // stats on a damaged file that still has a usable meta page reports it (ContractTests.statsOnDamage).
                    #expect(result.stdout.isEmpty || (command == "stats" && path != missing && result.text.contains("structure    damaged")), "\(result)")
                    #expect(result.stderr.contains(path) && result.stderr.lines.count == 1, "\(result)")
                }
            }
        }
    }

    @Test("a completed task with a pending child: one warning line, the report still printed, exit 0")
    func openClosure() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("open.mdb")
            try CraftedCheckpoint.dag([(Tasks.a, Tasks.b), (Tasks.b, Tasks.c)], completed: [Tasks.a]).write(to: url)
            let result = try CLI.run(["status", url.path])
            #expect(result.status == 0, "\(result)")
            #expect(result.lines.filter { $0.hasPrefix("warning:") }.count == 1)
            #expect(result.text.contains("warning: 1 completed tasks have a pending child"))
            let json = try #require(try CLI.run(["status", url.path, "--format", "json"]).json() as? [String: Any])
            #expect(json["completed_with_pending_child"] as? Int == 1)
        }
    }

    @Test("status and stats create no file beside the checkpoint and work on a read-only copy")
    func readOnly() throws {
        try withTemporaryDirectory { directory in
            let copy = directory.appendingPathComponent("ckpt.mdb")
            try FileManager.default.copyItem(at: FixtureExpectation.checkpoint("partial_completion"), to: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy.path)
            for command in ["status", "stats"] {
                let result = try CLI.run([command, copy.path])
                #expect(result.status == 0, "\(result)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["ckpt.mdb"])
        }
    }
}

/// Progress of `status` and `stats` on a terminal, as `verify` draws it.
@Suite("status and stats progress")
struct StatusProgressTests {
    @Test("the reading phases are shown on a terminal and erased; --no-progress keeps it quiet", arguments: ["status", "stats"])
    func progress(command: String) throws {
        let run = try PseudoTerminal.run([command, CLI.fixture("four_stage")])
        #expect(run.status == 0, "\(run)")
        // Both threads announce their phases; which is drawn last depends on the scheduler.
        #expect(run.screen.contains("lineage \(command): reading "), "\(run)")
        #expect(PseudoTerminal.visibleLines(run.screen).isEmpty, "\(run)")
        let quiet = try PseudoTerminal.run([command, "--no-progress", CLI.fixture("four_stage")])
        #expect(quiet.status == 0 && quiet.screen.isEmpty, "\(quiet)")
    }
}

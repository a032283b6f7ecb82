import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `lineage watch` and the totals fallback of `status` and `types --summary`, beside real
/// writers: `lineage fixture live` (DAG) and py-lmdb writer processes (Curator). The
/// writers log what they committed and when (wall clock), so rates and ETAs are held to
/// the pace the writer really kept. Each writer is capped by a number of commits.
@Suite("watch: a running pipeline's progress, rate, ETA and stalls")
struct WatchCommandTests {
    /// A running `lineage watch ... --format jsonl`, read line by line as it prints.
    struct Stream {
        let process = Process()
        private let pipe = Pipe()
        private var pending: [UInt8] = []

        init(_ arguments: [String]) throws {
            process.executableURL = CLI.binary
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["LINEAGE_CHECKPOINT"] = nil
            process.environment = environment
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try CLI.start(process)
        }

        /// The next line, or `nil` once the process closed its stdout. A safety net turns a
        /// silent minute into a failure (no timing is asserted by it).
        mutating func nextLine() throws -> String? {
            let fd = pipe.fileHandleForReading.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 65536)
            var quiet = 0
            while true {
                if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[..<end], as: UTF8.self)
                    pending.removeSubrange(...end)
                    return line
                }
                var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&fds, 1, 100)
                if ready == 0 {
                    quiet += 1
                    try #require(quiet < 600, "watch printed nothing for a minute")
                    continue
                }
                let count = read(fd, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return nil }
                pending += buffer[0..<count]
            }
        }

        /// The next snapshot as JSON.
        mutating func next() throws -> [String: Any]? {
            guard let line = try nextLine() else { return nil }
            return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    /// `TASKS EDGES COMPLETED SECONDS` lines of `fixture live --log`, or `COUNT SECONDS` of the Curator writers.
    static func log(_ path: String) -> [(count: Int, time: Double)] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let count = Int(fields[fields.count - 2]), let time = Double(fields[fields.count - 1]) else { return nil }
            return (count, time)
        }
    }

    /// The count a log says was committed at wall-clock `time` (the last line at or before it).
    static func count(in log: [(count: Int, time: Double)], at time: Double) -> Int {
        log.last { $0.time <= time }?.count ?? 0
    }

    static func seconds(_ iso: Any?) throws -> Double {
        // 2026-12-05T00:31:12.345Z
        let text = try #require(iso as? String)
        let numbers = text.split(whereSeparator: { "-T:.Z".contains($0) }).compactMap { Int($0) }
        try #require(numbers.count == 7, "not a time: \(text)")
        var parts = tm()
        parts.tm_year = Int32(numbers[0] - 1900)
        parts.tm_mon = Int32(numbers[1] - 1)
        parts.tm_mday = Int32(numbers[2])
        parts.tm_hour = Int32(numbers[3])
        parts.tm_min = Int32(numbers[4])
        parts.tm_sec = Int32(numbers[5])
        return Double(timegm(&parts)) + Double(numbers[6]) / 1000
    }

    /// A copy of the fixture `name` in `directory` last changed an hour ago, so a watch
    /// calls it idle whatever the clone's file times are.
    static func idleCopy(_ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("\(name).mdb").path
        try FileManager.default.copyItem(atPath: CLI.fixture(name), toPath: path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        return path
    }

    static func startLive(_ arguments: [String]) throws -> Process {
        let writer = Process()
        writer.executableURL = CLI.binary
        writer.arguments = ["fixture", "live"] + arguments
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try CLI.start(writer)
        return writer
    }

    // MARK: - Beside lineage fixture live, 200,000 tasks at 50 transactions a second

    @Test(
        "200,000 tasks at 50 tx/s: status and types --summary answer with exact totals; watch has a snapshot per interval, the writer's rate, an ETA range holding the truth"
    )
    func fastDAGWriter() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("live.mdb").path
            let logPath = directory.appendingPathComponent("log.txt").path
            let writer = try Self.startLive([
                file, "--initial-tasks", "200000", "--max-tasks", "200000", "--rate", "50", "--commits", "1500", "--duration", "600", "--log",
                logPath,
            ])
            defer { if writer.isRunning { writer.terminate() } }
            // The paced phase, which completes tasks, has begun once the log counts a completion.
            while writer.isRunning, (Self.log(logPath).last?.count ?? 0) == 0 { usleep(20_000) }
            try #require(writer.isRunning, "lineage fixture live stopped before its paced phase")

            var totalsOnly = 0
            for command in [["status", "--format", "json"], ["types", "--summary", "--format", "json"], ["status"]] {
                let result = try CLI.run(command + [file, "--wait", "0.5"])
                let completed = Set(Self.log(logPath).map(\.count))
                #expect(result.status == 0, "\(command): \(result)")
                #expect(
                    result.stderr.contains("live: the pipeline is still writing this checkpoint") || result.text.contains("live: "),
                    "\(command): \(result)")
                if command.contains("json") {
                    let report = try #require(try result.json() as? [String: Any])
                    #expect((report["tasks"] ?? report["total"]) as? Int == 200_000, "\(command): \(result)")
                    let done = try #require(report["completed"] as? Int)
                    #expect(completed.contains(done), "\(command): \(done) completed is no committed state")
                    #expect(report["pending"] as? Int == 200_000 - done)
                    if report["unavailable"] != nil { totalsOnly += 1 }
                } else {
                    #expect(result.text.contains("200000 ("), "\(result)")
                }
            }
            print("status and types --summary beside 50 tx/s on 200,000 tasks: \(totalsOnly) of 2 JSON answers from the totals")

            var stream = try Stream(["watch", file, "--interval", "0.2", "--format", "jsonl"])
            defer { stream.stop() }
            var snapshots: [[String: Any]] = []
            while snapshots.count < 16, let snapshot = try stream.next() { snapshots.append(snapshot) }
            stream.stop()
            writer.terminate()
            writer.waitUntilExit()
            try #require(snapshots.count == 16, "watch stopped early")
            let log = Self.log(logPath)
            let times = try snapshots.map { try Self.seconds($0["time"]) }
            #expect(snapshots.map { $0["snapshot"] as? Int } == Array(1...16))
            // A snapshot every interval: the median gap is the interval (loose bounds for a loaded machine).
            let gaps = zip(times.dropFirst(), times).map { $0 - $1 }.sorted()
            #expect(gaps[gaps.count / 2] >= 0.18 && gaps[gaps.count / 2] < 0.6, "gaps \(gaps)")
            var etaHeld = 0
            for (index, snapshot) in snapshots.enumerated() {
                #expect(snapshot["tasks"] as? Int == 200_000)
                let done = try #require(snapshot["completed"] as? Int)
                #expect(log.contains { $0.count == done }, "snapshot \(index + 1): \(done) is no committed state")
                guard index >= 10 else { continue }
                // The writer's pace over the same window, from its own log.
                let truth =
                    Double(Self.count(in: log, at: times[index]) - Self.count(in: log, at: times[index - 10])) / (times[index] - times[index - 10])
                    * 60
                let rate = try #require(snapshot["rate_per_minute"] as? Double)
                #expect(abs(rate - truth) <= 0.2 * truth, "snapshot \(index + 1): rate \(rate)/min, the writer's \(truth)/min")
                let eta = try #require(snapshot["eta_seconds"] as? [String: Any], "\(snapshot)")
                let remaining = Double(200_000 - done) / (truth / 60)
                let low = try #require(eta["low"] as? Double)
                if low <= remaining, remaining <= (eta["high"] as? Double ?? .infinity) { etaHeld += 1 }
            }
            #expect(etaHeld >= 1, "no ETA range held the true remaining time")
            try Self.expectSchema(snapshots)
        }
    }

    // MARK: - --until-complete, --once, --timeout

    @Test("--until-complete returns 0 when the writer completes the last task; the last snapshot says complete")
    func untilComplete() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("live.mdb").path
            let logPath = directory.appendingPathComponent("log.txt").path
            let writer = try Self.startLive([
                file, "--initial-tasks", "300", "--max-tasks", "300", "--rate", "200", "--commits", "2000", "--duration", "600", "--log", logPath,
            ])
            defer { if writer.isRunning { writer.terminate() } }
            while writer.isRunning, Self.log(logPath).isEmpty { usleep(10_000) }
            let result = try CLI.run(["watch", file, "--until-complete", "--interval", "0.1", "--timeout", "120", "--format", "jsonl"])
            #expect(result.status == 0, "\(result)")
            let last = try #require(try result.jsonLines().last)
            #expect(last["complete"] as? Bool == true && last["pending"] as? Int == 0, "\(last)")
            #expect(Self.log(logPath).last?.count == 300, "the writer's log does not end at 300 completed")
            #expect(try result.jsonLines().count >= 2, "watched one snapshot only: the writer finished before the watch began")
        }
    }

    @Test("--once --until-complete: 0 on a complete checkpoint, 1 on an incomplete one; --timeout: 1")
    func onceAndTimeout() throws {
        let complete = try CLI.run(["watch", CLI.fixture("four_stage_completed"), "--once", "--until-complete"])
        #expect(complete.status == 0, "\(complete)")
        let incomplete = try CLI.run(["watch", CLI.fixture("killed_midrun"), "--once", "--until-complete"])
        #expect(incomplete.status == 1, "\(incomplete)")
        let timeout = try CLI.run(["watch", CLI.fixture("killed_midrun"), "--until-complete", "--timeout", "0.3", "--interval", "0.1"])
        #expect(timeout.status == 1, "\(timeout)")
        #expect(try timeout.jsonLines().count >= 2, "\(timeout)")
    }

    // MARK: - Curator: two writer files at a known pace, one paused

    /// Writes `completed_sources` keys `argv[3:]` into `argv[1]` (py-lmdb, no lock file, one
    /// transaction each, as the pipeline's writer), pausing `argv[2]` seconds after each; logs
    /// `COUNT SECONDS` after each commit to `argv[1] + ".log"`.
    static let curatorWriter = """
        import lmdb, sys, time
        path, pause, keys = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
        env = lmdb.open(path, subdir=False, lock=False, max_dbs=1, map_size=1 << 28)
        db = env.open_db(b"completed_sources")
        with open(path + ".log", "w") as log:
            for count, key in enumerate(keys, 1):
                with env.begin(write=True, db=db) as txn:
                    txn.put(key.encode(), b"1")
                log.write("%d %.3f\\n" % (count, time.time()))
                log.flush()
                time.sleep(pause)
        """

    @Test("Curator: the union's rate is the writers' pace, a paused writer is named stalled within --stall, --until-complete returns with the groups")
    func curatorWriters() throws {
        try withTemporaryDirectory { directory in
            let metadata = directory.appendingPathComponent(".nemo_curator_metadata")
            try FileManager.default.createDirectory(at: metadata, withIntermediateDirectories: true)
            // 600 one-file groups; their source ids, as the pipeline computes them, split between two writers.
            let paths = (0..<600).map { String(format: "/data/part-%04d.jsonl", $0) }
            let filesList = directory.appendingPathComponent("files.txt")
            try (paths.joined(separator: "\n") + "\n").write(to: filesList, atomically: true, encoding: .utf8)
            var hasher = CuratorSourceID.Hasher()
            let ids = paths.map { hasher.id(of: [$0]).description }
            var writers: [Process] = []
            defer { writers.forEach { if $0.isRunning { $0.terminate() } } }
            for (index, name) in ["host-a-11.mdb", "host-b-22.mdb"].enumerated() {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments =
                    ["python3", "-c", Self.curatorWriter, metadata.appendingPathComponent(name).path, "0.02"]
                    + Array(ids[(index * 300)..<(index * 300 + 300)])
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try CLI.start(process)
                writers.append(process)
            }
            let logs = ["host-a-11.mdb", "host-b-22.mdb"].map { metadata.appendingPathComponent($0 + ".log").path }
            while writers.allSatisfy(\.isRunning), logs.contains(where: { Self.log($0).isEmpty }) { usleep(10_000) }
            let bothRunning = writers.allSatisfy { $0.isRunning }
            try #require(bothRunning, "a py-lmdb writer stopped early (make test-deps installs lmdb)")

            var stream = try Stream([
                "watch", directory.path, "--files", filesList.path, "--interval", "0.2", "--stall", "0.02", "--until-complete", "--timeout", "120",
                "--format", "jsonl",
            ])
            defer { stream.stop() }
            var snapshots: [[String: Any]] = []
            var pausedAt: Double?
            var stalledSeenAt: Double?
            while let snapshot = try stream.next() {
                snapshots.append(snapshot)
                let time = try Self.seconds(snapshot["time"])
                let stalled = (snapshot["stalled"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                // The other writer is named only once it has stopped too (it finished): --stall after its last commit.
                if stalled.contains("host-a-11.mdb") {
                    let lastCommit = Self.log(logs[0]).last?.time ?? 0
                    #expect(time >= lastCommit + 1.2 - 0.25, "the moving writer was called stalled: \(snapshot)")
                }
                if pausedAt != nil, stalledSeenAt == nil, stalled.contains("host-b-22.mdb") {
                    stalledSeenAt = time
                    kill(writers[1].processIdentifier, SIGCONT)
                }
                if pausedAt == nil, snapshots.count == 12 {
                    kill(writers[1].processIdentifier, SIGSTOP)
                    pausedAt = Double(Date().timeIntervalSince1970)
                }
            }
            stream.process.waitUntilExit()
            #expect(stream.process.terminationStatus == 0, "watch --until-complete exit \(stream.process.terminationStatus)")
            let last = try #require(snapshots.last)
            #expect(last["complete"] as? Bool == true && (last["groups"] as? [String: Any])?["completed"] as? Int == 600, "\(last)")
            let paused = try #require(pausedAt)
            let seen = try #require(stalledSeenAt, "the paused writer was never named stalled")
            print("watch named the paused Curator writer stalled \(seen - paused) s after the pause (--stall 1.2 s)")
            // --stall 0.02 minutes is 1.2 s; named by the snapshot after that, give or take a loaded machine.
            #expect(seen - paused >= 1.2 - 0.25 && seen - paused <= 1.2 + 1.5, "named \(seen - paused) s after the pause")
            // The rate over the snapshots before the pause: the two writers' pace, from their logs.
            let merged = logs.map(Self.log)
            let times = try snapshots.map { try Self.seconds($0["time"]) }
            for index in 10..<12 {
                let truth =
                    Double(merged.map { Self.count(in: $0, at: times[index]) - Self.count(in: $0, at: times[index - 10]) }.reduce(0, +))
                    / (times[index] - times[index - 10]) * 60
                let rate = try #require(snapshots[index]["rate_per_minute"] as? Double)
                #expect(abs(rate - truth) <= 0.2 * truth, "snapshot \(index + 1): rate \(rate)/min, the writers' \(truth)/min")
            }
            try Self.expectSchema(snapshots)
        }
    }

    // MARK: - The terminal

    @Test("on a terminal: one screen redrawn in place within 80 columns; Ctrl-C restores the terminal and dies of SIGINT")
    func screen() throws {
        try withTemporaryDirectory { directory in try screen(idle: try Self.idleCopy("killed_midrun", in: directory)) }
    }

    func screen(idle checkpoint: String) throws {
        var frames = 0
        let run = try PseudoTerminal.run(
            ["watch", checkpoint, "--interval", "0.05"], stdout: .terminal, columns: 80,
            interrupt: (
                SIGINT,
                { screen in
                    frames = screen.components(separatedBy: "\u{1b}[H").count - 1
                    return frames >= 3
                }
            ))
        #expect(run.killedBySignal && run.status == SIGINT, "\(run)")
        #expect(run.screen.hasPrefix("\u{1b}[?1049h\u{1b}[?25l"), "\(run)")
        #expect(run.screen.hasSuffix("\u{1b}[?25h\u{1b}[?1049l"), "the terminal was not restored: \(run)")
        let drawn = run.screen.components(separatedBy: "\u{1b}[H").dropFirst()
        #expect(drawn.count >= 3)
        for frame in drawn.dropLast() {
            // Each frame starts at the top, ends clearing what is below it, and fits 80 x 24.
            #expect(frame.hasSuffix("\u{1b}[J"), "\(frame.debugDescription)")
            // The terminal turns each \n into \r\n (ONLCR); the screen writes \r\n itself.
            let lines = frame.replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n")
            #expect(lines.count < 24)
            for line in lines {
                let visible = line.replacingOccurrences(of: "\u{1b}[K", with: "").replacingOccurrences(of: "\u{1b}[J", with: "")
                    .replacingOccurrences(of: "\u{1b}[1m", with: "").replacingOccurrences(of: "\u{1b}[0m", with: "")
                #expect(visible.count <= 80, "\(visible)")
            }
            #expect(frame.contains("lineage watch: ") && frame.contains("tasks      9 recorded"))
        }
        // The fixture has not changed for longer than --stall's default: its idle line is emphasised...
        #expect(run.screen.contains("\u{1b}[1midle"), "\(run)")
        // ...but never under NO_COLOR.
        let plain = try PseudoTerminal.run(
            ["watch", checkpoint, "--interval", "0.05"], stdout: .terminal, columns: 80, environment: ["NO_COLOR": "1"],
            interrupt: (SIGINT, { $0.components(separatedBy: "\u{1b}[H").count > 2 }))
        #expect(plain.screen.contains("idle ") && !plain.screen.contains("\u{1b}[1m"), "\(plain)")
        // A terminal without escape sequences gets plain snapshots one after another.
        let dumb = try PseudoTerminal.run(
            ["watch", checkpoint, "--interval", "0.05"], stdout: .terminal, term: "dumb",
            interrupt: (SIGINT, { $0.components(separatedBy: "lineage watch:").count > 2 }))
        #expect(!dumb.screen.contains("\u{1b}"), "\(dumb)")
    }

    // MARK: - Formats

    /// Validates snapshots against Docs/watch.schema.json.
    static func expectSchema(_ snapshots: [[String: Any]]) throws {
        let documents = try snapshots.enumerated().map { ("snapshot \($0.offset + 1)", try JSONSerialization.data(withJSONObject: $0.element)) }
        for (label, problem) in try ReportSchemaTests.validate(schema: "watch.schema.json", documents) {
            #expect(problem == nil, "\(label): \(problem ?? "")")
        }
    }

    @Test("JSON lines of both kinds match the schema; the schema refuses a broken line")
    func schema() throws {
        var lines: [[String: Any]] = []
        for path in [CLI.fixture("four_stage"), CuratorStatusCommandTests.checkpoint] {
            let result = try CLI.run(["watch", path, "--once", "--format", "json"])
            #expect(result.status == 0, "\(result)")
            lines.append(try #require(try result.json() as? [String: Any]))
        }
        try Self.expectSchema(lines)
        var broken = lines[0]
        broken["eta_seconds"] = 12
        let verdicts = try ReportSchemaTests.validate(schema: "watch.schema.json", [("broken", try JSONSerialization.data(withJSONObject: broken))])
        #expect(verdicts["broken"] != nil && verdicts["broken"]! != nil, "the schema accepted eta_seconds: 12")
    }

    /// Parses a Prometheus text file with prometheus_client's parser: `name{labels}` -> value.
    static func parsePrometheus(_ path: String) throws -> [String: Double] {
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = {}
            for family in text_string_to_metric_families(open(sys.argv[1]).read()):
                for s in family.samples:
                    labels = ",".join("%s=%s" % kv for kv in sorted(s.labels.items()) if kv[0] not in ("checkpoint", "kind"))
                    out[s.name + ("{" + labels + "}" if labels else "")] = s.value
            print(json.dumps(out))
            """
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, path])
        try #require(result.status == 0, "prometheus_client could not parse the file (make test-deps installs it): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Double])
    }

    @Test("--format prom --output: a file prometheus_client parses, with the JSON's numbers, replaced atomically")
    func prometheus() throws {
        try withTemporaryDirectory { directory in
            let output = directory.appendingPathComponent("lineage.prom").path
            let dag = try CLI.run(["watch", try Self.idleCopy("killed_midrun", in: directory), "--once", "--format", "prom", "--output", output])
            #expect(dag.status == 0 && dag.stdout.isEmpty, "\(dag)")
            let metrics = try Self.parsePrometheus(output)
            #expect(
                metrics["lineage_up"] == 1 && metrics["lineage_completed"] == 0 && metrics["lineage_total"] == 9 && metrics["lineage_pending"] == 9)
            #expect(metrics["lineage_stage_tasks{stage=2,state=pending}"] == 5, "\(metrics)")
            #expect(metrics["lineage_busy_snapshots_total"] == 0 && metrics["lineage_idle"] == 1, "\(metrics)")
            #expect(metrics["lineage_last_change_timestamp_seconds"] != nil)

            let curator = try CLI.run(["watch", CuratorStatusCommandTests.checkpoint, "--once", "--format", "prom", "--output", output])
            #expect(curator.status == 0, "\(curator)")
            let json = try #require(try CLI.run(["watch", CuratorStatusCommandTests.checkpoint, "--once"]).json() as? [String: Any])
            let parsed = try Self.parsePrometheus(output)
            #expect(parsed["lineage_sources"] == (json["sources"] as? Int).map(Double.init))
            #expect(parsed["lineage_writer_completed{writer=node-a-1001.mdb}"] == 5, "\(parsed)")
            #expect(parsed["lineage_shards{state=missing}"] == 2, "\(parsed)")

            // A running watch replaces the file whole each time: no temporary file is left beside it.
            let running = try CLI.run([
                "watch", CLI.fixture("four_stage_completed"), "--until-complete", "--interval", "0.05", "--format", "prom", "--output", output,
            ])
            #expect(running.status == 0, "\(running)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["killed_midrun.mdb", "lineage.prom"])
            let unwritable = try CLI.run([
                "watch", CLI.fixture("four_stage"), "--once", "--format", "prom", "--output",
                directory.appendingPathComponent("no/such/dir.prom").path,
            ])
            #expect(unwritable.status == 2 && unwritable.stderr.hasPrefix("lineage: cannot write "), "\(unwritable)")
        }
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["--interval", "0"], ["--interval", "0.0004"], ["--interval", "1e19"], ["--interval", "nan"], ["--format", "json"],
            ["--timeout", "5"], ["--until-complete", "--timeout", "1e300"], ["--format", "prom"], ["--output", "x.prom"], ["--stall", "-1"],
            ["--stall", "1e300"], ["--format", "jsonl", "--output", "x.prom"],
        ])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(["watch", CLI.fixture("four_stage")] + arguments)
        #expect(result.status == 64, "\(arguments): \(result)")
        #expect(result.stderr.hasPrefix("lineage: "), "\(result)")
    }

    @Test("a Curator checkpoint without a total cannot be waited on; --groups on a DAG is refused; a missing path exits 2")
    func refusals() throws {
        try withTemporaryDirectory { directory in
            let empty = directory.appendingPathComponent("empty.txt")
            try Data().write(to: empty)
            let result = try CLI.run(["watch", CuratorStatusCommandTests.checkpoint, "--files", empty.path, "--until-complete", "--once"])
            #expect(result.status == 64 && result.stderr.contains("lists no file group"), "\(result)")
        }
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            try FileManager.default.removeItem(at: metadata.appendingPathComponent(".slurm_array_completion/run.json"))
            let result = try CLI.run(["watch", checkpoint.path, "--until-complete", "--once"])
            #expect(result.status == 64 && result.stderr.contains("--groups or --files"), "\(result)")
        }
        let dag = try CLI.run(["watch", CLI.fixture("four_stage"), "--files", "/dev/null", "--once"])
        #expect(dag.status == 64, "\(dag)")
        let missing = try CLI.run(["watch", "/nonexistent/ckpt.mdb", "--once"])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/ckpt.mdb"), "\(missing)")
    }

    // MARK: - status and types --summary fall back to the totals (deterministic)

    @Test("two commits during the whole-file read: status and types --summary answer from the totals, exit 0, with the live note")
    func totalsFallback() throws {
        for command in [["status", "--format", "json"], ["types", "--summary", "--format", "json"], ["status"], ["types", "--summary"]] {
            try LiveReadTests.withDAGCopy { path, txnid, pageSize in
                let (result, stops) = try LiveReadTests.runStoppedInRead(
                    Array(command.prefix(1)) + ["-c", path] + Array(command.dropFirst()) + ["--wait", "0"], name: "ckpt.mdb"
                ) { _ in
                    try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: pageSize)
                }
                #expect(stops >= 2, "\(command): the totals were not read after the torn read")
                #expect(result.status == 0, "\(command): \(result)")
                let expected = try FixtureExpectation.load("four_stage")
                let done = expected.records.values.filter(\.completed).count
                let note = "live: the pipeline is still writing this checkpoint (transaction \(txnid + 2) when its totals were read)"
                if command.contains("json") {
                    let report = try #require(try result.json() as? [String: Any])
                    #expect((report["tasks"] ?? report["total"]) as? Int == expected.records.count)
                    #expect(report["completed"] as? Int == done && report["by_type"] is NSNull, "\(report)")
                    #expect((report["unavailable"] as? [String])?.contains("by_type") == true)
                    #expect(result.stderr.contains(note), "\(result)")
                    if command[0] == "status" {
                        let verdicts = try ReportSchemaTests.validate(schema: "status.schema.json", [("totals", result.stdout)])
                        #expect(verdicts["totals"]! == nil, "\(verdicts)")
                    }
                } else {
                    #expect(result.text.contains("unavailable: ") && result.text.contains(note), "\(result)")
                }
            }
        }
    }

    /// Runs `watch` with the stop hook, advancing the file's transaction ids by two at the
    /// stops numbered in `tearing` (1 is the opening read, 2 the first snapshot's totals).
    static func watchStopped(_ arguments: [String], path: String, pageSize: Int, tearing: Set<Int>) throws -> ProcessOutput {
        var environment = ProcessInfo.processInfo.environment
        environment["LINEAGE_CHECKPOINT"] = nil
        environment["LINEAGE_TEST_STOP_IN_READ"] = "ckpt.mdb"
        var stops = 0
        return try runProcess(CLI.binary, arguments, environment: environment) { process in
            while process.isRunning {
                guard LiveReadTests.isStopped(process.processIdentifier) else {
                    sched_yield()
                    continue
                }
                stops += 1
                if tearing.contains(stops) { try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: pageSize) }
                kill(process.processIdentifier, SIGCONT)
            }
        }
    }

    @Test("a snapshot whose totals the writer tore: counted as busy, not shown; --once ends 75")
    func busySnapshot() throws {
        try LiveReadTests.withDAGCopy { path, _, pageSize in
            let result = try Self.watchStopped(
                ["watch", path, "--wait", "0", "--interval", "0.05", "--until-complete", "--timeout", "0.5"], path: path, pageSize: pageSize,
                tearing: [2])
            let lines = try result.jsonLines()
            // four_stage is incomplete: the watch runs to --timeout (exit 1); its first line is the one after the torn read.
            #expect(result.status == 1, "\(result)")
            let first = try #require(lines.first, "\(result)")
            #expect(first["snapshot"] as? Int == 1 && first["busy_snapshots"] as? Int == 1, "\(first)")
            #expect(first["tasks"] as? Int == (try FixtureExpectation.load("four_stage")).records.count)
        }
        try LiveReadTests.withDAGCopy { path, _, pageSize in
            let once = try Self.watchStopped(["watch", path, "--wait", "0", "--once"], path: path, pageSize: pageSize, tearing: [2])
            #expect(once.status == 75 && once.stdout.isEmpty, "\(once)")
            #expect(once.stderr.contains("the pipeline is writing this checkpoint"), "\(once)")
        }
    }

    @Test("every snapshot torn: --until-complete still ends at --timeout, exit 1")
    func busyUntilTimeout() throws {
        try LiveReadTests.withDAGCopy { path, _, pageSize in
            let result = try Self.watchStopped(
                ["watch", path, "--wait", "0", "--interval", "0.05", "--until-complete", "--timeout", "0.5"], path: path, pageSize: pageSize,
                tearing: Set(2...100_000))
            #expect(result.status == 1 && result.stdout.isEmpty, "\(result)")
        }
    }

    @Test("a Curator checkpoint removed while watched ends the watch: exit 2, naming it")
    func curatorGone() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, _ in
            var stream = try Stream(["watch", checkpoint.path, "--interval", "0.05"])
            defer { stream.stop() }
            _ = try #require(try stream.next())
            try FileManager.default.removeItem(at: checkpoint)
            while try stream.nextLine() != nil {}
            stream.process.waitUntilExit()
            #expect(stream.process.terminationStatus == 2)
        }
    }

    @Test("a damaged writer file counts nothing in every snapshot, read or remembered; a removed one is forgotten")
    func damagedWriter() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let damaged = metadata.appendingPathComponent("node-c-3003.mdb")
            try Data(try Data(contentsOf: damaged).prefix(4096)).write(to: damaged)
            let result = try CLI.run(["watch", checkpoint.path, "--interval", "0.05", "--until-complete", "--timeout", "0.4"])
            let lines = try result.jsonLines()
            #expect(result.status == 1 && lines.count >= 3, "\(result)")
            for line in lines {
                let writers = try #require(line["writers"] as? [[String: Any]])
                let row = try #require(writers.first { $0["name"] as? String == "node-c-3003.mdb" })
                #expect(row["completed"] is NSNull, "snapshot \(line["snapshot"] ?? 0): \(row)")
            }
        }
    }

    @Test("with --type, types --summary cannot answer from the totals: BUSY")
    func typeFilterStaysBusy() throws {
        try LiveReadTests.withDAGCopy { path, _, pageSize in
            let (result, _) = try LiveReadTests.runStoppedInRead(
                ["types", "--summary", "--type", "leaf", "-c", path, "--wait", "0"], name: "ckpt.mdb"
            ) { _ in
                try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: pageSize)
            }
            #expect(result.status == 75, "\(result)")
        }
    }
}

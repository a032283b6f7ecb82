import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// Reads of a checkpoint the pipeline is writing, driven by work, not by clocks.
///
/// The deterministic tests stop the binary between the two looks of its read
/// (`LINEAGE_TEST_STOP_IN_READ`), advance the file's transaction ids as commits would, and
/// let it go on: two commits make the read torn (BUSY, exit 75, nothing printed but the
/// report), one keeps it consistent (the answer, with the live note). The real-writer
/// tests run a writer capped by a number of commits beside the reads, and need at least
/// one consistent answer while it writes. The long soak is `make bench-live`.
@Suite("Reading a checkpoint the pipeline is writing")
struct LiveReadTests {
    /// Runs `lineage arguments…` stopped in its read of the file whose path ends in `name`;
    /// the first time it stops, `change(pid)` runs, then it goes on. Returns what it printed
    /// and how many times it stopped.
    static func runStoppedInRead(
        _ arguments: [String], name: String, change: (_ pid: Int32) throws -> Void
    ) throws -> (output: ProcessOutput, stops: Int) {
        var environment = ProcessInfo.processInfo.environment
        environment["LINEAGE_CHECKPOINT"] = nil
        environment["LINEAGE_TEST_STOP_IN_READ"] = name
        var stops = 0
        let output = try runProcess(CLI.binary, arguments, environment: environment) { process in
            // Each stop is answered at once; the loop ends when the process has exited.
            while process.isRunning {
                guard isStopped(process.processIdentifier) else {
                    sched_yield()
                    continue
                }
                if stops == 0 { try change(process.processIdentifier) }
                stops += 1
                kill(process.processIdentifier, SIGCONT)
            }
        }
        return (output, stops)
    }

    /// Whether the process is stopped by a signal: state `T` in /proc/PID/stat (the
    /// field after the command name, which ends at the last parenthesis).
    static func isStopped(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first == "T"
    }

    /// A copy of the four-stage fixture and its newest transaction id.
    static func withDAGCopy(_ body: (_ path: String, _ txnid: UInt64, _ pageSize: Int) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ckpt.mdb").path
            try FileManager.default.copyItem(atPath: CLI.fixture("four_stage"), toPath: path)
            let meta = try #require(MetaCheck(file: try MappedFile(path: path)).meta)
            try body(path, meta.txnid, meta.pageSize)
        }
    }

    // MARK: - Deterministic: the ids moved during the read

    @Test(
        "two commits during the read: exit 75, the BUSY sentence with both ids, no partial output",
        arguments: [
            // status and types --summary answer from the totals instead (WatchCommandTests.totalsFallback).
            ["types"], ["edges"], ["stats"], ["export"], ["export-dot"], ["show", "ffda"], ["descendants", "5fec"],
        ])
    func tornDAG(command: [String]) throws {
        try Self.withDAGCopy { path, txnid, pageSize in
            let arguments = Array(command.prefix(1)) + ["-c", path] + Array(command.dropFirst()) + ["--wait", "0"]
            let (result, stops) = try Self.runStoppedInRead(arguments, name: "ckpt.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: pageSize)
            }
            #expect(stops == 1, "\(command)")
            #expect(result.status == 75, "\(command): \(result)")
            #expect(result.stdout.isEmpty, "\(command) printed a torn read: \(result.text)")
            #expect(
                result.stderr
                    == "lineage: \(path): the pipeline is writing this checkpoint: transaction \(txnid) -> \(txnid + 2) during the read; try again, or give --wait SECONDS to wait longer.\n",
                "\(command): \(result.stderr)")
        }
    }

    @Test("verify of a torn read: verdict BUSY with the ids, in text and in JSON the schema accepts")
    func tornVerify() throws {
        try Self.withDAGCopy { path, txnid, pageSize in
            let (json, _) = try Self.runStoppedInRead(["verify", "--format", "jsonl", "--wait", "0", path], name: "ckpt.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: pageSize)
            }
            #expect(json.status == 75, "\(json)")
            let report = try #require(try json.json() as? [String: Any])
            #expect(report["verdict"] as? String == "BUSY")
            #expect(report["transactions"] as? [String: UInt64] == ["first": txnid, "last": txnid + 2])
            #expect(report["attempts"] as? Int == 1)
            try ReportSchemaTests.expectValid([("BUSY", json.stdout)])
            let (text, _) = try Self.runStoppedInRead(["verify", "--wait", "0", path], name: "ckpt.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: pageSize)
            }
            #expect(text.status == 75, "\(text)")
            #expect(text.text.contains("verdict: BUSY"), "\(text)")
            #expect(!text.text.contains("checks passed") && !text.text.contains("PASS"), "\(text)")
        }
    }

    @Test("one commit during the read: the answer as usual, with the live note naming both ids")
    func oneCommitDAG() throws {
        try Self.withDAGCopy { path, txnid, pageSize in
            func note(_ first: UInt64) -> String {
                "live: the pipeline is still writing this checkpoint (transaction \(first) when the read began, \(first + 1) when it ended); these numbers are a moment's picture."
            }
            let (text, stops) = try Self.runStoppedInRead(["status", path, "--wait", "0"], name: "ckpt.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: path, by: 1, pageSize: pageSize)
            }
            #expect(stops == 1)
            #expect(text.status == 0, "\(text)")
            #expect(text.lines.last == note(txnid), "\(text)")
            // The rest is what a quiet read of the file prints.
            let quiet = try CLI.run(["status", path])
            #expect(text.lines.dropLast() == quiet.lines[...], "\(text)")
            let (json, _) = try Self.runStoppedInRead(["status", path, "--format", "json", "--wait", "0"], name: "ckpt.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: path, by: 1, pageSize: pageSize)
            }
            #expect(json.status == 0, "\(json)")
            #expect((try json.json() as? [String: Any])?["tasks"] as? Int == 8, "\(json)")
            #expect(json.stderr == "lineage: \(note(txnid + 1))\n", "\(json.stderr)")
            let (verify, _) = try Self.runStoppedInRead(["verify", path, "--wait", "0"], name: "ckpt.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: path, by: 1, pageSize: pageSize)
            }
            #expect(verify.status == 0, "\(verify)")
            #expect(verify.text.contains("verdict: OK"), "\(verify)")
        }
    }

    @Test("a fault in a read the writer tore: exit 75 with the BUSY sentence; in a stable read: exit 2, damaged", arguments: [2, 0] as [UInt64])
    func faultInRead(advance: UInt64) throws {
        try Self.withDAGCopy { path, txnid, pageSize in
            // The fault is sent while the process is stopped in the read, so it lands with the
            // guard watching that read.
            let (result, _) = try Self.runStoppedInRead(["types", "-c", path, "--wait", "0"], name: "ckpt.mdb") { pid in
                if advance > 0 { try advanceTransactionIDs(ofFileAt: path, by: advance, pageSize: pageSize) }
                kill(pid, SIGSEGV)
            }
            #expect(result.stdout.isEmpty, "\(result)")
            if advance > 0 {
                #expect(result.status == 75, "\(result)")
                #expect(
                    result.stderr
                        == "lineage: \(path): the pipeline is writing this checkpoint: transaction \(txnid) -> \(txnid + advance) during the read; try again, or give --wait SECONDS to wait longer.\n"
                )
            } else {
                #expect(result.status == 2, "\(result)")
                #expect(result.stderr.contains("reading stopped on damaged data"), "\(result.stderr)")
            }
        }
    }

    @Test(
        "a fault in a torn read of status or types --summary with no time left: the command runs again and answers from the totals",
        arguments: [["status"], ["types", "--summary"]])
    func faultThenTotals(command: [String]) throws {
        try Self.withDAGCopy { path, txnid, pageSize in
            let (result, stops) = try Self.runStoppedInRead(command + ["-c", path, "--wait", "0"], name: "ckpt.mdb") { pid in
                try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: pageSize)
                kill(pid, SIGSEGV)
            }
            #expect(stops == 2, "the faulted read, then the totals' read: \(stops)")
            #expect(result.status == 0, "\(result)")
            #expect(result.text.contains("unavailable: "), "\(result)")
            #expect(
                result.text.contains("live: the pipeline is still writing this checkpoint (transaction \(txnid + 2) when its totals were read)"),
                "\(result)")
            if command == ["status"] { #expect(result.text.contains("the last faulted in liblmdb"), "\(result)") }
        }
    }

    @Test("a torn read with time left is read again, and the second read answers")
    func tornThenRetried() throws {
        try Self.withDAGCopy { path, _, pageSize in
            let (result, stops) = try Self.runStoppedInRead(["types", "--summary", "-c", path, "--wait", "60"], name: "ckpt.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: pageSize)
            }
            #expect(stops == 2, "one torn read, one retry")
            #expect(result.status == 0, "\(result)")
            #expect(result.lines.contains { $0.hasPrefix("total") && $0.hasSuffix(" 8") }, "\(result)")
            #expect(!result.text.contains("live:"), "the retry saw a quiet file: \(result)")
        }
    }

    /// The Curator fixture copied, and its writer file node-b-2002.mdb's newest transaction.
    static func withCuratorCopy(_ body: (_ checkpoint: String, _ writer: String, _ txnid: UInt64, _ pageSize: Int) throws -> Void) throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let writer = metadata.appendingPathComponent("node-b-2002.mdb").path
            let meta = try #require(MetaCheck(file: try MappedFile(path: writer)).meta)
            try body(checkpoint.path, writer, meta.txnid, meta.pageSize)
        }
    }

    @Test(
        "Curator: two commits in one writer file during its read: that file is busy, its sources left out; exit 75 naming it (status: 0, with its record's count)"
    )
    func tornCurator() throws {
        try Self.withCuratorCopy { checkpoint, writer, _, pageSize in
            func torn(_ arguments: [String]) throws -> ProcessOutput {
                let (result, stops) = try Self.runStoppedInRead(arguments + ["--wait", "0"], name: "node-b-2002.mdb") { _ in
                    try advanceTransactionIDs(ofFileAt: writer, by: 2, pageSize: pageSize)
                }
                #expect(stops >= 1, "\(arguments)")
                #expect(result.status == 75, "\(arguments): \(result)")
                #expect(result.stderr.contains("node-b-2002.mdb: the pipeline is writing"), "\(arguments): \(result.stderr)")
                #expect(!result.text.contains("DAMAGED") && !result.stderr.contains("damaged"), "\(arguments): \(result)")
                return result
            }
            // sources: the other writers' rows, none of the busy file's.
            let quietRows = try CLI.run(["sources", checkpoint]).lines
            let rows = try torn(["sources", checkpoint]).lines
            let others = quietRows.compactMap { row -> String? in
                let fields = row.split(separator: "\t")
                let holders = fields[1].split(separator: ",").filter { $0 != "node-b-2002.mdb" }
                return holders.isEmpty ? nil : "\(fields[0])\t\(holders.joined(separator: ","))"
            }
            #expect(rows == others, "\(rows)")
            #expect(quietRows.contains { $0.contains("node-b-2002.mdb") }, "the fixture's node-b holds sources")
            // status: the file is busy, counted by its record; the union leaves its sources out; exit 0 with the live note.
            let (statusRun, _) = try Self.runStoppedInRead(["status", checkpoint, "--format", "json", "--wait", "0"], name: "node-b-2002.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: writer, by: 2, pageSize: pageSize)
            }
            #expect(statusRun.status == 0, "\(statusRun)")
            #expect(
                statusRun.stderr.contains("node-b-2002.mdb committed during every read")
                    && statusRun.stderr.contains("its record counts 3 completed sources"), "\(statusRun.stderr)")
            let report = try #require(try statusRun.json() as? [String: Any])
            let writers = try #require(report["writers"] as? [[String: Any]])
            let busyRow = try #require(writers.first { $0["name"] as? String == "node-b-2002.mdb" })
            #expect("\(busyRow["state"] ?? "")".hasPrefix("busy"), "\(busyRow)")
            #expect(busyRow["record_completed"] as? Int == 3, "\(busyRow)")
            #expect(report["union"] as? Int == rows.map { $0.prefix { $0 != "\t" } }.reduce(into: Set<Substring>()) { $0.insert($1) }.count)
            let verdicts = try ReportSchemaTests.validate(schema: "status-curator.schema.json", [("busy", statusRun.stdout)])
            #expect(verdicts["busy"]! == nil, "\(verdicts)")
            let (text, _) = try Self.runStoppedInRead(["status", checkpoint, "--wait", "0"], name: "node-b-2002.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: writer, by: 2, pageSize: pageSize)
            }
            #expect(text.status == 0 && text.text.contains("unavailable: the keys of 1 writer file"), "\(text)")
            // show: the source both node-a and node-b hold is shown held by node-a only.
            let shown = try torn(["show", "-c", checkpoint, "fdc0c14ca5ac"])
            #expect(shown.text.contains("node-a-1001.mdb") && !shown.text.contains("node-b-2002.mdb"), "\(shown)")
        }
    }

    @Test("Curator verify of a torn writer file: BUSY naming it (text and JSON), its checks not passed on its behalf")
    func tornCuratorVerify() throws {
        try Self.withCuratorCopy { checkpoint, writer, _, pageSize in
            let (json, _) = try Self.runStoppedInRead(["verify", "--format", "jsonl", "--wait", "0", checkpoint], name: "node-b-2002.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: writer, by: 2, pageSize: pageSize)
            }
            #expect(json.status == 75, "\(json)")
            let report = try #require(try json.json() as? [String: Any])
            #expect(report["busy_writers"] as? [String] == ["node-b-2002.mdb"], "\(json)")
            #expect(report["ok"] as? Bool == false, "\(json)")
            let (text, _) = try Self.runStoppedInRead(["verify", "--wait", "0", checkpoint], name: "node-b-2002.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: writer, by: 2, pageSize: pageSize)
            }
            #expect(text.status == 75, "\(text)")
            #expect(text.text.contains("verdict: BUSY"), "\(text)")
        }
    }

    @Test("Curator: one commit in a writer file during its read: the counts as usual, the live line naming it")
    func oneCommitCurator() throws {
        try Self.withCuratorCopy { checkpoint, writer, txnid, pageSize in
            let quiet = try CLI.run(["status", checkpoint, "--format", "json"])
            let (json, stops) = try Self.runStoppedInRead(["status", checkpoint, "--format", "json", "--wait", "0"], name: "node-b-2002.mdb") { _ in
                try advanceTransactionIDs(ofFileAt: writer, by: 1, pageSize: pageSize)
            }
            #expect(stops >= 1)
            #expect(json.status == 0, "\(json)")
            #expect(json.stdout == quiet.stdout, "the document is the one a quiet read gives")
            let live = try #require(json.stderr.split(separator: "\n").first { $0.contains("live:") }, "\(json.stderr)")
            #expect(
                live.contains("node-b-2002.mdb at transaction \(txnid + 1)") || live.contains("node-b-2002.mdb at transaction \(txnid)"), "\(live)")
        }
    }

    // MARK: - Beside a real writer, capped by commits

    /// Answers while the writer ran: consistent ones and BUSY ones, per command.
    struct Tally: CustomStringConvertible {
        var consistent: [String: Int] = [:]
        var busy: [String: Int] = [:]
        var description: String { "consistent \(consistent), busy \(busy)" }
    }

    /// Runs `reads` round after round while `writer` runs, until the command `consistently`
    /// has answered consistently three times or the writer stopped (its commits are capped):
    /// the answers given while it ran, and their tally.
    static func readWhileWriting(
        _ writer: Process, _ reads: [(String, [String])], consistently: String
    ) throws -> (answers: [(String, ProcessOutput)], tally: Tally) {
        var tally = Tally()
        var answers: [(String, ProcessOutput)] = []
        while writer.isRunning, tally.consistent[consistently, default: 0] < 3 {
            for (name, arguments) in reads {
                let result = try CLI.run(arguments)
                guard writer.isRunning else { break }
                answers.append((name, result))
                if result.status == 0 { tally.consistent[name, default: 0] += 1 }
                if result.status == 75 { tally.busy[name, default: 0] += 1 }
            }
        }
        return (answers, tally)
    }

    @Test("DAG beside lineage fixture live (at most 4,000 commits): a committed prefix or BUSY, never 2; consistent reads while it writes")
    func dagWriter() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("live.mdb").path
            let log = directory.appendingPathComponent("log.txt").path
            let writer = Process()
            writer.executableURL = CLI.binary
            writer.arguments = [
                "fixture", "live", file, "--initial-tasks", "3000", "--rate", "1000", "--commits", "4000", "--duration", "600", "--log", log,
            ]
            writer.standardOutput = FileHandle.nullDevice
            writer.standardError = FileHandle.nullDevice
            try CLI.start(writer)
            defer { if writer.isRunning { writer.terminate() } }
            // The initial tasks are one commit per 1,000; reading starts after the first.
            while writer.isRunning, (try? String(contentsOfFile: log, encoding: .utf8))?.isEmpty ?? true { sched_yield() }
            let reads: [(String, [String])] = [
                ("show", ["show", "-c", file, "--path", "0_3", "--format", "json", "--wait", "2"]),
                ("status", ["status", file, "--format", "json", "--wait", "0"]),
                ("types", ["types", "--summary", file, "--wait", "0"]),
                ("verify", ["verify", file, "--format", "jsonl", "--wait", "0"]),
            ]
            let (answers, tally) = try Self.readWhileWriting(writer, reads, consistently: "show")
            writer.terminate()
            writer.waitUntilExit()
            print("DAG reads beside lineage fixture live: \(tally)")
            let tasks = Set(try String(contentsOfFile: log, encoding: .utf8).lines.compactMap { $0.split(separator: " ").first.flatMap { Int($0) } })
            #expect(tally.consistent["show", default: 0] >= 1, "no consistent read while the writer ran: \(tally)")
            for (name, result) in answers {
                #expect([0, 75].contains(result.status), "\(name): \(result)")
                #expect(!result.text.contains("DAMAGED") && !result.stderr.contains("damaged"), "\(name): \(result)")
                guard result.status == 0 else { continue }
                switch name {
                case "show":
                    let row = try #require(try result.json() as? [String: Any])
                    #expect(row["udid"] as? String == UDID(lineagePath: "0_3").string, "\(result)")
                case "types":
                    let total = try #require(result.lines.first { $0.hasPrefix("total") }?.split(separator: " ").last.flatMap { Int($0) })
                    #expect(tasks.contains(total), "types --summary read \(total) tasks, not a committed prefix")
                default:
                    let report = try #require(try result.json() as? [String: Any])
                    let count = try #require(report["tasks"] as? Int)
                    #expect(tasks.contains(count), "\(name) read \(count) tasks, not a committed prefix")
                    #expect(report["edges"] == nil || report["edges"] as? Int == count - 1, "\(name): a tree has one edge fewer")
                }
            }
            let after = try CLI.run(["verify", file, "--wait", "0"])
            #expect(after.status == 0 && after.text.contains("verdict: OK"), "\(after)")
        }
    }

    /// Completes `k00000000`, `k00000001`, ... in `argv[1]`, one write transaction each as
    /// the pipeline's writer does (py-lmdb, no lock file), pausing `argv[2]` seconds after
    /// each, `argv[3]` commits at most.
    static let curatorWriter = """
        import lmdb, sys, time
        pause, commits = float(sys.argv[2]), int(sys.argv[3])
        env = lmdb.open(sys.argv[1], subdir=False, lock=False, max_dbs=1, map_size=1 << 30, sync=False, metasync=False)
        db = env.open_db(b"completed_sources")
        for i in range(commits):
            with env.begin(write=True, db=db) as txn:
                txn.put(b"k%08d" % i, b"1")
            if pause:
                time.sleep(pause)
        """

    @Test("Curator beside a py-lmdb writer (at most 3,000 commits): a committed prefix or BUSY, never 2; consistent reads while it writes")
    func curatorWriterTest() throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let file = metadata.appendingPathComponent("live-9999.mdb")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", Self.curatorWriter, file.path, "0.002", "3000"]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try CLI.start(process)
            defer { if process.isRunning { process.terminate() } }
            // Reading starts once the file holds its first commits.
            while process.isRunning, (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0) ?? 0 < 16384 {
                sched_yield()
            }
            #expect(
                process.isRunning,
                "the py-lmdb writer stopped early (pip install lmdb): \(String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self))")
            let reads: [(String, [String])] = [
                ("sources", ["sources", "--writer", "live-9999.mdb", checkpoint.path, "--wait", "2"]),
                ("status", ["status", "--format", "json", checkpoint.path, "--wait", "0"]),
                ("verify", ["verify", checkpoint.path, "--wait", "0"]),
            ]
            let (answers, tally) = try Self.readWhileWriting(process, reads, consistently: "sources")
            process.terminate()
            process.waitUntilExit()
            print("Curator reads beside a py-lmdb writer: \(tally)")
            #expect(tally.consistent["sources", default: 0] >= 1, "no consistent read while the writer ran: \(tally)")
            for (name, result) in answers {
                #expect([0, 75].contains(result.status), "\(name): \(result)")
                #expect(!result.text.contains("DAMAGED") && !result.stderr.contains("damaged"), "\(name): \(result)")
                if result.status == 75 { #expect(result.stderr.contains("live-9999.mdb"), "\(result.stderr)") }
                guard result.status == 0, name == "sources" else { continue }
                // A committed prefix k00000000 ... k(n-1): by its count and its first and last keys.
                let lines = result.lines
                let first = lines.first.map { String($0.prefix { $0 != "\t" }) }
                let last = lines.last.map { String($0.prefix { $0 != "\t" }) }
                #expect(first == (lines.isEmpty ? nil : "k00000000"), "\(first ?? "")")
                #expect(
                    last == (lines.isEmpty ? nil : String(format: "k%08d", lines.count - 1)),
                    "not a committed prefix: \(lines.count) rows, last \(last ?? "")")
            }
            let after = try CLI.run(["verify", checkpoint.path])
            #expect(after.status == 0, "\(after)")
        }
    }

    // MARK: - The report and the option

    @Test("the BUSY report matches the verify report schema and carries the ids")
    func busySchema() throws {
        let busy = CheckpointBusy(path: "run/ckpt.mdb", firstTxnid: 1200, lastTxnid: 1263, attempts: 7)
        let json = BusyRenderer.json(busy, message: busy.description, exitCode: 75)
        try ReportSchemaTests.expectValid([("BUSY", Data(json.utf8))])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((report["transactions"] as? [String: Int]) == ["first": 1200, "last": 1263])
        #expect(BusyRenderer.text(busy, message: "m").hasSuffix("verdict: BUSY, m"))
    }

    @Test("--wait must be 0 or more seconds")
    func negativeWait() throws {
        for spelling in [["--wait=-1"], ["--wait", "-1"]] {
            let result = try CLI.run(["types", "--summary", CLI.fixture("four_stage")] + spelling)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("--wait must be 0 or more seconds"), "\(spelling): \(result.stderr)")
        }
    }

    @Test("a file nobody writes reads once, whatever --wait says")
    func quietFile() throws {
        let result = try CLI.run(["verify", CLI.fixture("four_stage"), "--wait", "0"])
        #expect(result.status == 0, "\(result)")
    }
}

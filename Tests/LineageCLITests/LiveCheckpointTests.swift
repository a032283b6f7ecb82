import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// Reads beside a writer: `lineage fixture live` commits one emission per transaction
/// with no lock file (as the pipeline) while the reading commands run again and again.
/// Every answer must be BUSY (exit 75) or a consistent snapshot, never damage.
@Suite("Reading a checkpoint the pipeline is writing", .serialized)
struct LiveCheckpointTests {
    /// One read and what it answered.
    struct Answer {
        let command: String
        let output: ProcessOutput
    }

    /// Rounds of reads (one of each command) per writer pace: as many as 10 s of writing
    /// allow, at most 40; `LINEAGE_LIVE_READS=300` for a longer run by hand (all of them).
    static let byHand = Int(ProcessInfo.processInfo.environment["LINEAGE_LIVE_READS"] ?? "")
    static let rounds = byHand ?? 40

    @Test("flat out and paced: each answer is BUSY or a committed prefix; OK once the writer stops", arguments: [0.0, 300.0])
    func readsBesideWriter(rate: Double) throws {
        // Long enough for every round; the writer is stopped (SIGTERM: a clean close) after them.
        let duration = String(Self.byHand.map { $0 * 3 } ?? 10)
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("live.mdb").path
            let log = directory.appendingPathComponent("log.txt").path
            let writer = Process()
            writer.executableURL = CLI.binary
            writer.arguments = [
                "fixture", "live", file, "--initial-tasks", "3000", "--max-tasks", "30000", "--rate", String(rate), "--duration", duration, "--log",
                log,
            ]
            writer.standardOutput = FileHandle.nullDevice
            writer.standardError = FileHandle.nullDevice
            try writer.run()
            defer { if writer.isRunning { writer.terminate() } }
            // Start reading once something is committed.
            while writer.isRunning, (try? String(contentsOfFile: log, encoding: .utf8))?.isEmpty ?? true { usleep(10_000) }
            let reads: [(String, [String])] = [
                ("verify", ["verify", file, "--format", "json", "--wait", "0.1"]),
                ("types", ["types", "--summary", file, "--wait", "0.1"]),
                ("edges", ["edges", file, "--wait", "0.1"]),
                ("show", ["show", "-c", file, "--path", "0", "--format", "json", "--wait", "0.1"]),
                ("status", ["status", file, "--format", "json", "--wait", "0.1"]),
            ]
            var answers: [Answer] = []
            var whileWriting = 0
            var round = 0
            while writer.isRunning, round < Self.rounds {
                for (name, arguments) in reads {
                    answers.append(Answer(command: name, output: try CLI.run(arguments)))
                    if writer.isRunning { whileWriting += 1 }
                }
                round += 1
            }
            if writer.isRunning { writer.terminate() }
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
            #expect(whileWriting >= reads.count, "no round of reads overlapped the writer")
            // The committed prefixes: TASKS EDGES after every commit.
            let committed = try String(contentsOfFile: log, encoding: .utf8).lines.map { line in
                line.split(separator: " ").compactMap { Int($0) }
            }
            let tasks = Set(committed.map { $0[0] })
            let pairs = Set(committed.map { "\($0[0]) \($0[1])" })
            for answer in answers { try check(answer, tasks: tasks, pairs: pairs) }
            // The tally, for a run by hand: reads per command, consistent and BUSY.
            for (name, _) in reads {
                let mine = answers.filter { $0.command == name }
                print(
                    "live rate \(rate): \(name) \(mine.count) reads, \(mine.filter { $0.output.status == 0 }.count) consistent, \(mine.filter { $0.output.status == 75 }.count) busy"
                )
            }
            let busyReports = answers.filter { $0.command == "verify" && $0.output.status == 75 }
            if !busyReports.isEmpty {
                try ReportSchemaTests.expectValid(busyReports.enumerated().map { ("BUSY report \($0.offset)", $0.element.output.stdout) })
            }
            let after = try CLI.run(["verify", file, "--wait", "0"])
            #expect(after.status == 0, "\(after)")
            #expect(after.text.contains("verdict: OK"))
        }
    }

    /// BUSY with its sentence, or counts equal to a committed prefix.
    private func check(_ answer: Answer, tasks: Set<Int>, pairs: Set<String>) throws {
        let out = answer.output
        #expect([0, 75].contains(out.status), "\(answer.command): \(out)")
        #expect(!out.text.contains("DAMAGED") && !out.stderr.contains("damaged"), "\(answer.command): \(out)")
        if out.status == 75 {
            #expect(out.stderr.contains("the pipeline is writing this checkpoint: transaction "), "\(out)")
            if answer.command == "verify" {
                let report = try #require(try out.json() as? [String: Any])
                #expect(report["verdict"] as? String == "BUSY")
            }
            return
        }
        guard out.status == 0 else { return }
        switch answer.command {
        case "verify":
            let report = try #require(try out.json() as? [String: Any])
            let seen = "\(report["tasks"] as? Int ?? -1) \(report["edges"] as? Int ?? -1)"
            #expect(report["ok"] as? Bool == true, "\(out)")
            #expect(pairs.contains(seen), "verify read \(seen), not a committed prefix")
        case "types":
            let total = try #require(out.lines.first { $0.hasPrefix("total") }?.split(separator: " ").last.flatMap { Int($0) })
            #expect(tasks.contains(total), "types --summary read \(total) tasks, not a committed prefix")
        case "edges":
            let count = out.lines.count
            #expect(tasks.contains(count + 1), "edges listed \(count) edges, not a committed prefix")
        case "status":
            let report = try #require(try out.json() as? [String: Any])
            let total = report["tasks"] as? Int ?? -1
            #expect(tasks.contains(total), "status read \(total) tasks, not a committed prefix")
        default:
            #expect(out.text.contains("5feceb66ffc86f38d952786c6d696c79"), "\(out)")
        }
    }

    @Test("the BUSY report matches the verify report schema and carries the ids")
    func busySchema() throws {
        let busy = CheckpointBusy(path: "run/ckpt.mdb", firstTxnid: 1200, lastTxnid: 1263, attempts: 7)
        let json = BusyRenderer.json(busy, message: busy.description)
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

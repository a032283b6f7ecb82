import ArgumentParser
import Glibc
import LineageKit
import LineageRecorder

extension Lineage.Fixture {
    /// A pipeline that keeps running: for tests and benchmarks of reads beside a writer.
    struct Live: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "live",
            abstract: "Keep writing a checkpoint as a running pipeline does, for testing reads beside a writer.",
            discussion: """
                Writes --initial-tasks tasks in large transactions, then one write transaction \
                per emission (no lock file, as the pipeline) at --rate transactions per second \
                (0: as fast as possible) until --duration seconds have passed, --commits transactions \
                were written or SIGTERM stops it. \
                With --log, a line TASKS EDGES COMPLETED SECONDS is appended after every commit \
                (SECONDS: the wall clock, since the epoch), so a reader's counts can be checked \
                against a committed prefix and its rates against the writer's pace.
                """,
            shouldDisplay: false)

        /// Set by the SIGTERM handler, read by the writing loop: static for the handler, a
        /// `sig_atomic_t` so the store is one write.
        nonisolated(unsafe) static var stopRequested: sig_atomic_t = 0

        @OptionGroup var output: FixtureOutput

        @Option(help: "Tasks written before the paced phase, in transactions of 1,000 emissions.")
        var initialTasks = 1000

        @Option(help: "Write transactions per second in the paced phase; 0 writes flat out.")
        var rate = 0.0

        @Option(help: "Seconds of the paced phase.")
        var duration = 10.0

        @Option(help: "Stop after this many transactions of the paced phase (a bound set by work, not time).")
        var commits = Int.max

        @Option(help: "Stop adding tasks at this many; later transactions mark tasks completed, newest first.")
        var maxTasks = Int.max

        @Option(help: ArgumentHelp("Append TASKS EDGES COMPLETED SECONDS after every commit to this file.", valueName: "file"))
        var log: String?

        func validate() throws {
            guard initialTasks >= 1, rate >= 0, duration >= 0, commits >= 0 else {
                throw ValidationError("--initial-tasks must be at least 1; --rate, --duration and --commits 0 or more.")
            }
        }

        func run() throws {
            defer { Console.flush() }
            let recorder = try CheckpointRecorder(creating: output.out, overwrite: output.force)
            let logFile = log.map { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644) } ?? -1
            defer { if logFile >= 0 { close(logFile) } }
            var tasks = 1
            var completed = 0
            func note() {
                guard logFile >= 0 else { return }
                var now = timespec()
                clock_gettime(CLOCK_REALTIME, &now)
                let seconds = FixedPoint.text(Double(now.tv_sec) + Double(now.tv_nsec) / 1e9, digits: 3)
                let line = Array("\(tasks) \(tasks - 1) \(completed) \(seconds)\n".utf8)
                _ = line.withUnsafeBytes { write(logFile, $0.baseAddress, $0.count) }
            }
            // Task k > 0 is a child of task (k - 1) / 8: a tree, so edges = tasks - 1.
            func udid(_ k: Int) -> UDID { UDID(lineagePath: k == 0 ? "0" : "0_\(k)") }
            while tasks < initialTasks {
                try recorder.batch { batch in
                    for _ in 0..<min(1000, initialTasks - tasks) {
                        try batch.recordEmission(parents: [udid((tasks - 1) / 8)], children: [udid(tasks)])
                        tasks += 1
                    }
                }
                note()
            }
            // SIGTERM ends the paced phase after the current transaction, with a clean close.
            signal(SIGTERM) { _ in Live.stopRequested = 1 }
            let start = ConsistentRead.monotonicSeconds()
            var written = 0
            var nextCompleted: Int?
            while written < commits, ConsistentRead.monotonicSeconds() - start < duration, Live.stopRequested == 0 {
                if tasks < maxTasks {
                    try recorder.recordEmission(parents: [udid((tasks - 1) / 8)], children: [udid(tasks)])
                    tasks += 1
                } else if let next = nextCompleted ?? Optional(tasks - 1), next >= 0 {
                    completed += try recorder.markCompletedAndPropagate([udid(next)])
                    nextCompleted = next - 1
                } else {
                    // Everything is written and completed: nothing to commit, nothing to log.
                    usleep(10_000)
                    continue
                }
                written += 1
                note()
                if rate > 0 {
                    let due = start + Double(written) / rate
                    let ahead = due - ConsistentRead.monotonicSeconds()
                    if ahead > 0 { usleep(UInt32(ahead * 1_000_000)) }
                }
            }
            try recorder.close()
            Console.print("wrote \(output.out): \(tasks) tasks, \(written) paced transactions")
        }
    }
}

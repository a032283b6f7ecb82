import ArgumentParser
import FoundationEssentials
import Glibc
import LineageKit

/// The output forms of `watch`.
enum WatchFormat: String, ExpressibleByArgument, CaseIterable {
    /// A screen redrawn in place on a terminal; plain snapshots one after another elsewhere.
    case text
    /// One JSON object per snapshot per line.
    case jsonl
    /// One JSON document: `--once` only.
    case json
    /// The Prometheus text exposition format, to `--output` (atomically) or, with `--once`, stdout.
    case prom
}

extension Lineage {
    struct Watch: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            abstract: "Follow a running pipeline's checkpoint: progress, rate, ETA range, stalled stages or writers.",
            discussion: """
                Takes a snapshot every --interval seconds and shows what changed: a DAG's tasks \
                recorded, completed and pending, by stage; a NeMo Curator checkpoint's completed \
                sources per writer file, the union, the job array's shards. The totals come from \
                the sub-databases' own records, read consistently at any pace of the writer; the \
                stages (DAG) are refreshed by a whole-file read when one succeeds and shown with \
                their age otherwise. A snapshot whose totals the writer tore is retried and never \
                shown as zero progress. The rate is completions per minute over the last 10 \
                snapshots, with the last interval's and bounds from their spread; the ETA is a \
                range (DAG: for the tasks recorded so far; Curator: for the groups of --groups or \
                --files, else the job array's shards), "unknown" without a total. A stage or writer \
                file that has not moved for --stall minutes while others move is named as stalled; \
                a checkpoint where nothing moves is idle. On a terminal the screen is redrawn in \
                place (Ctrl-C restores the terminal); piped, each snapshot is one JSON line unless \
                --format says otherwise. Exit 0 with --once or once --until-complete sees the run \
                complete (DAG: no task pending; Curator: every group of --groups, else every \
                shard); 1 when --timeout passes first (or --once --until-complete on an incomplete \
                run); 2 when the checkpoint cannot be read; 75 when --once cannot read it \
                consistently within --wait.
                """)

        @OptionGroup var options: CheckpointOperand

        /// The longest --interval, --timeout (seconds) and --stall (as seconds): 365 days.
        static let year = 365.0 * 86_400

        @Option(help: ArgumentHelp("Seconds between snapshots; fractions allowed.", valueName: "seconds"))
        var interval = 10.0

        @Flag(help: "Take one snapshot, print it and exit.")
        var once = false

        @Flag(help: "Exit 0 when the checkpoint says the run is complete.")
        var untilComplete = false

        @Option(help: ArgumentHelp("With --until-complete: exit 1 after this many seconds.", valueName: "seconds"))
        var timeout: Double?

        @Option(help: ArgumentHelp("Minutes without change before a stage or writer file is stalled, or the checkpoint idle.", valueName: "minutes"))
        var stall = 15.0

        @Option(help: "Output format (default: text on a terminal, jsonl otherwise).")
        var format: WatchFormat?

        @Option(help: ArgumentHelp("With --format prom: the file to write each snapshot to (replaced atomically).", valueName: "file"))
        var output: String?

        @Option(help: "Read the checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @Option(
            help: ArgumentHelp(
                "On a Curator checkpoint: the rerun's file groups (JSON Lines of path arrays; - reads stdin), for the ETA.",
                valueName: "file"))
        var groups: String?

        @Option(help: ArgumentHelp("The same with one path per line, each its own group.", valueName: "file"))
        var files: String?

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            // A year at most: a longer wait is a mistake, and the numbers stay far from overflow.
            guard interval >= 0.001, interval <= Self.year else {
                throw UsageError("--interval must be from 0.001 to \(Int(Self.year)) seconds (got \(interval)).")
            }
            guard stall > 0, stall <= Self.year / 60 else {
                throw UsageError("--stall must be more than 0 and at most \(Int(Self.year / 60)) minutes (got \(stall)).")
            }
            if let timeout, !(timeout >= 0 && timeout <= Self.year) {
                throw UsageError("--timeout must be from 0 to \(Int(Self.year)) seconds (got \(timeout)).")
            }
            if timeout != nil, !untilComplete { throw UsageError("--timeout needs --until-complete.") }
            if groups != nil, files != nil { throw UsageError("Give either --groups or --files, not both.") }
            if format == .json, !once { throw UsageError("--format json is one document: give --once, or use --format jsonl for a stream.") }
            if output != nil, format != .prom { throw UsageError("--output writes the Prometheus file: give --format prom.") }
            if format == .prom, output == nil, !once { throw UsageError("--format prom needs --output FILE (or --once to print one snapshot).") }
        }

        func run() throws {
            defer { Console.flush() }
            let location = try options.location
            let form = format ?? (isatty(STDOUT_FILENO) == 1 ? .text : .jsonl)
            var sink = WatchSink(format: form, output: output, interval: interval, once: once)
            var state = WatchState(checkpoint: location.path, stallSeconds: stall * 60)
            let started = ConsistentRead.monotonicSeconds()
            let take: (inout WatchState) throws -> WatchSnapshot
            if let curator = try CheckpointKind.curatorLocation(location, kind: kind) {
                take = try curatorSnapshots(curator, wait: location.wait)
            } else {
                if groups != nil || files != nil { throw UsageError("--groups and --files apply to a Curator checkpoint.") }
                take = try dagSnapshots(location)
            }
            defer { sink.finish() }
            var due = started
            while true {
                let snapshot: WatchSnapshot
                do {
                    snapshot = try take(&state)
                } catch is CheckpointBusy where !once {
                    // The writer tore every read of the totals: said so, never shown as zero progress.
                    state.noteBusy()
                    try sink.busy(state.busySnapshots)
                    if let timeout, ConsistentRead.monotonicSeconds() - started >= timeout { throw ExitCode(ExitStatus.no) }
                    due = pause(after: due, started: started)
                    continue
                }
                if untilComplete, snapshot.complete == nil { throw WatchFailure.noTotal(path: location.path) }
                try sink.show(snapshot)
                if untilComplete, snapshot.complete == true { return }
                if once { if untilComplete { throw ExitCode(ExitStatus.no) } else { return } }
                if let timeout, ConsistentRead.monotonicSeconds() - started >= timeout { throw ExitCode(ExitStatus.no) }
                due = pause(after: due, started: started)
            }
        }

        /// Sleeps until the next snapshot is due, or until --timeout; returns when it was due.
        private func pause(after due: Double, started: Double) -> Double {
            let now = ConsistentRead.monotonicSeconds()
            let next = max(due + interval, now)
            var until = next
            if let timeout { until = min(until, started + timeout) }
            // In steps of at most an hour, each well within usleep's range.
            while true {
                let left = until - ConsistentRead.monotonicSeconds()
                guard left > 0 else { break }
                usleep(UInt32(min(left, 3600) * 1_000_000))
            }
            return next
        }
    }
}

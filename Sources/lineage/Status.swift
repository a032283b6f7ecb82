import ArgumentParser
import FoundationEssentials
import LineageKit

extension Lineage {
    struct Status: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            abstract: "Show how far the run got and what a resume will do: counts, stages, the resume plan.",
            discussion: """
                A resume skips completed tasks and processes the pending ones again; the completed \
                children of pending tasks (the frontier) are re-emitted, then dropped. Tasks the \
                interrupted run never reached are not in the file, so the real rerun can be larger. \
                Exit 1 with --fail-if-incomplete when any task is pending; 2 when the checkpoint \
                cannot be read or is damaged. A live run read consistently gets a last line saying \
                so, with its transaction ids; one written too fast for a consistent whole-file read \
                gets the exact totals of the sub-databases' records (tasks, completed, pending, \
                edges), a line naming the parts that need the whole file, and exit 0; 75 only when \
                even those cannot be read consistently. On a NeMo Curator checkpoint (detected from the path, \
                or --kind curator) it reports the writer files with what the pipeline's start does \
                with each (reads it, skips it, or fails on it: the first line then says so), the \
                union of completed sources and the Slurm shards to resubmit; with --groups/--files \
                (the rerun's inputs) also the groups that run again on shards marked completed, \
                which resubmitting only the missing shards never runs. --fail-if-incomplete exits 1 \
                when a shard is missing or such a group exists; 2 after the report when a writer \
                file is damaged, unreadable, skipped or failing. A writer file written too fast for \
                any whole read is shown busy with its record's count of completed sources, its keys \
                left out of the union (said on an unavailable: line and in the live note).
                """)

        @OptionGroup var options: CheckpointOperand

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        @Flag(help: "Exit 1 when any task is pending (after printing the report).")
        var failIfIncomplete = false

        // .unconditional takes `-1` as the value, so the range check below can word it.
        @Option(
            name: [.customLong("max-examples"), .customLong("examples")], parsing: .unconditional,
            help: ArgumentHelp("Examples per list (resume-plan rows, sources, failed attempts), n >= 0.", valueName: "n"))
        var examples = 3

        @Option(help: "Read the checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @Flag(help: "On a Curator checkpoint: print only the retry helper's ARRAY OFFSET MINIMUM TOTAL lines.")
        var retryFields = false

        @Option(help: ArgumentHelp("With --retry-fields: the largest Slurm array, K >= 1.", valueName: "K"))
        var maxArraySize: Int?

        @Option(
            help: ArgumentHelp(
                "On a Curator job array: the rerun's file groups (JSON Lines of path arrays; - reads stdin), to find those that run again on shards marked completed.",
                valueName: "file"))
        var groups: String?

        @Option(help: ArgumentHelp("The same with one path per line, each its own group.", valueName: "file"))
        var files: String?

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            if examples < 0 { throw UsageError("--max-examples must be 0 or more (got \(examples)).") }
            if let maxArraySize, maxArraySize < 1 { throw UsageError("--max-array-size must be 1 or more (got \(maxArraySize)).") }
            if maxArraySize != nil, !retryFields { throw UsageError("--max-array-size needs --retry-fields.") }
            if groups != nil, files != nil { throw UsageError("Give either --groups or --files, not both.") }
        }

        func run() throws {
            defer { Console.flush() }
            let location = try options.location
            if let curator = try CheckpointKind.curatorLocation(location, kind: kind) {
                try runCurator(curator)
                return
            }
            if retryFields || groups != nil || files != nil {
                // A path that names nothing is said as such, not as a misused option.
                if !FileManager.default.fileExists(atPath: location.path) {
                    let error = CheckpointError.missing(path: location.path)
                    throw location.origin == .environment ? CheckpointFromEnvironment(error: error) as any Error : error
                }
            }
            if retryFields { throw UsageError("--retry-fields applies to a Curator checkpoint (a Slurm job array).") }
            if groups != nil || files != nil { throw UsageError("--groups and --files apply to a Curator checkpoint (a Slurm job array).") }
            let answer: ConsistentAnswer<StatusReport>
            switch try location.readOrTotals({
                try location.analyse { path throws(CheckpointError) in
                    try CheckpointAnalysis.status(path: path, examples: examples, progress: progress.handler("lineage status"))
                }
            }) {
            case .read(let read):
                answer = read
            case .totals(let totals, let busy):
                // Written too fast for a whole-file read: the exact totals, and what is missing.
                switch format {
                case .text: Console.print(StatusRenderer.text(totals, busy: busy) + "\n" + Lineage.totalsNote(totals))
                case .json, .jsonl:
                    Console.print(StatusRenderer.json(totals))
                    Console.error(Lineage.totalsNote(totals))
                }
                if failIfIncomplete && totals.tasks.pending > 0 { throw ExitCode(ExitStatus.no) }
                return
            }
            let report = answer.value
            switch format {
            case .text: Console.print(StatusRenderer.text(report, examples: examples))
            case .json, .jsonl: Console.print(StatusRenderer.json(report))
            }
            if let note = Lineage.liveNote(answer) {
                // Text: the report's last line; JSON: stderr, so the document stays the schema's.
                if format == .text { Console.print(note) } else { Console.error(note) }
            }
            if failIfIncomplete && report.tasks.pending > 0 { throw ExitCode(ExitStatus.no) }
        }

        /// `status` on a Curator checkpoint: writers, the union, the Slurm shards.
        private func runCurator(_ location: CuratorLocation) throws {
            let checkpoint = CuratorCheckpoint.read(location, wait: try options.location.wait, progress: progress.handler("lineage status"))
            let status = CuratorStatus(checkpoint, examples: examples)
            // Warnings go to stderr in every form (and are fields of the JSON document).
            defer { CuratorCommand.reportSkipped(checkpoint) }
            if let warning = CuratorStatusRenderer.slurmWarning(checkpoint) { Console.error(warning) }
            // With the rerun's groups: those that run again on shards marked completed.
            var stranded: CuratorStranded?
            if let input = groups ?? files {
                var plan = CuratorPlan(checkpoint)
                // One example at least, for the warning; the report shows --max-examples of them.
                var found = CuratorStranded(limit: max(1, examples), known: checkpoint.slurm != nil)
                try CuratorCommand.forEachGroup(in: input, form: groups != nil ? .groups : .files) { paths, _ in
                    found.note(plan.decide(paths), slurm: checkpoint.slurm)
                }
                stranded = found
                if let warning = CuratorPlanRenderer.strandedWarning(found) { Console.error(warning) }
            }
            let stuck = (stranded?.count ?? 0) > 0
            let incomplete: (any Error)? = failIfIncomplete && (status.isIncomplete || stuck) ? ExitCode(ExitStatus.no) : nil
            if retryFields {
                // Only the Slurm manifests make these lines; a damaged or busy writer file still decides the status.
                status.forEachRetryField(maxArraySize: maxArraySize) { Console.print($0) }
                if checkpoint.slurm == nil, !status.unfinishedShards.isEmpty {
                    Console.error(
                        "note: no usable run.json: these are the shards with a failed attempt and no completion manifest; "
                            + "MINIMUM and TOTAL are unknown (?), and shards that never started are not listed.")
                }
                Console.flush()
                return try CuratorCommand.finish(checkpoint, failure: incomplete)
            }
            switch format {
            case .text: Console.print(CuratorStatusRenderer.text(status, stranded: stranded))
            case .json, .jsonl: Console.print(CuratorStatusRenderer.json(status, stranded: stranded))
            }
            var live = checkpoint.liveWriters.compactMap { writer in
                writer.live.map { "\(writer.name) at transaction \($0.first) when its read began, \($0.last) when it ended" }
            }
            // A file written too fast for any whole read: its record's count stands in, its keys are missing from the union.
            for writer in checkpoint.busyWriters {
                guard let count = writer.recordCount, case .busy(let busy) = writer.state else { continue }
                live.append(
                    "\(writer.name) committed during every read, transaction \(busy.firstTxnid) -> \(busy.lastTxnid) in the last; its record counts \(count) completed sources"
                )
            }
            if !live.isEmpty {
                let note =
                    "live: the pipeline is still writing this checkpoint (\(live.joined(separator: "; "))); these numbers are a moment's picture."
                // Text: the report's last line; JSON: stderr, so the document stays the schema's.
                if format == .text { Console.print(note) } else { Console.error(note) }
            }
            Console.flush()
            try CuratorCommand.finish(checkpoint, failure: incomplete, countsBusy: true)
        }
    }
}

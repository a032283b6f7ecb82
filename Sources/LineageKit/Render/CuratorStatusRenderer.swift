/// `lineage status` on a Curator checkpoint, as text and as one line of JSON
/// (`Docs/status-curator.schema.json`).
public enum CuratorStatusRenderer {
    /// The report as text: the writers table, the union and its risks, the Slurm shards.
    public static func text(_ status: CuratorStatus, stranded: CuratorStranded? = nil) -> String {
        let checkpoint = status.checkpoint
        var lines = [
            headline(status),
            "",
            "checkpoint         \(Escaping.text(checkpoint.location.path))",
            "kind               curator (\(checkpoint.location.reason.summary))",
            "writers            \(checkpoint.writers.count) (\(writersSummary(checkpoint)))",
            "",
        ]
        let nameWidth = max(6, checkpoint.writers.map { Escaping.text($0.name).count }.max() ?? 0)
        lines.append("\("writer".padding(nameWidth))  \("size".leftPadding(10))  \("completed".leftPadding(9))  pipeline  state")
        for writer in checkpoint.writers {
            let size = writer.size.map(String.init) ?? "-"
            lines.append(
                "\(Escaping.text(writer.name).padding(nameWidth))  \(size.leftPadding(10))  "
                    + "\(String(writer.recordCount ?? writer.sources.count).leftPadding(9))  \(writer.pipelineLabel.padding(8))  \(writer.state.label)"
            )
        }
        lines.append("")
        if checkpoint.writers.isEmpty && checkpoint.location.metadataDirectory != nil {
            lines.append("sources completed  unknown: no writer files in this folder (they may be on node-local disk);")
            lines.append("                   the manifests below say which shards finished, not which sources")
        } else {
            lines.append("sources completed  \(status.union) (the union of the readable writers: a rerun skips these)")
        }
        let counted = checkpoint.busyWriters.filter { $0.recordCount != nil }
        if !counted.isEmpty {
            let names = counted.map { "\(Escaping.text($0.name)): \($0.recordCount ?? 0)" }.joined(separator: ", ")
            lines.append("unavailable: the keys of \(counted.count) writer file\(counted.count == 1 ? "" : "s") its writer committed to during every")
            lines.append("             read (\(names) completed by the record); the union leaves them out")
        }
        lines += sample("multi-writer", status.multiWriter, "completed by more than one writer: two writers ran the same source")
        lines += sample("never matching", status.neverMatching, "random ids (r + 32 hex): never matched, these always run again")
        lines += sample("positional", status.positional, "positional ids: they shift when inputs change; sources can collide")
        if let slurm = checkpoint.slurm {
            let last = slurm.minimumShardIndex + slurm.totalShards - 1
            lines.append("")
            lines.append(
                "slurm array        shards \(slurm.minimumShardIndex)-\(last) (\(slurm.totalShards)): "
                    + "\(slurm.completed.count) completed, \(StatusRenderer.grouped(slurm.missing.count)) missing")
            lines.append("  retry --array    \(status.retryArray.isEmpty ? "(none)" : status.retryArray)")
            for problem in slurm.problems {
                lines.append("  rejected         \(Escaping.text(problem.file)): \(FindingPhrasing.describe(problem.problem))")
            }
        }
        if !checkpoint.failedAttempts.isEmpty {
            lines.append("  failed attempts  \(checkpoint.failedAttempts.count)")
            for attempt in checkpoint.failedAttempts.prefix(status.examples) { lines.append("                   \(describe(attempt))") }
            let more = checkpoint.failedAttempts.count - status.examples
            if more > 0 { lines.append("                   ... and \(more) more (--max-examples N shows more; --format json lists all)") }
        }
        if let stranded, !stranded.known {
            lines.append("  stranded groups  unknown: no usable run.json, so the shard the pipeline gives each source is unknown")
        } else if let stranded {
            lines.append(
                "  stranded groups  \(stranded.count)"
                    + (stranded.count == 0
                        ? " (no given group runs again on a shard marked completed)"
                        : " run again on shards marked completed (\(ShardRanges(stranded.shards).expression)): resubmit those by hand"))
            for example in stranded.examples.prefix(status.examples) {
                lines.append("                   \(example.sourceID) shard \(example.shard)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The first line, the answer: whether shards are left to resubmit, and what a rerun skips.
    public static func headline(_ status: CuratorStatus) -> String {
        let checkpoint = status.checkpoint
        let skipped = checkpoint.skippedWriters.count
        // Manifests without writer files (kept on node-local disk): no source can be told finished.
        let sources =
            checkpoint.writers.isEmpty && checkpoint.location.metadataDirectory != nil
            ? "no writer files here: finished sources unknown"
            : "\(checkpoint.blockingWriters.isEmpty ? "" : "then ")a rerun skips \(StatusRenderer.grouped(status.union)) completed source\(status.union == 1 ? "" : "s")"
        let answer: String
        if let slurm = checkpoint.slurm {
            answer =
                status.isIncomplete
                ? "incomplete: shards \(status.retryArray.isEmpty ? "with failed attempts" : status.retryArray) of \(slurm.totalShards) to resubmit; \(sources)"
                : "complete: all \(slurm.totalShards) shards finished; \(sources)"
        } else if !status.unfinishedShards.isEmpty {
            answer =
                "incomplete: shards \(status.unfinishedShards.expression) failed without completing; \(sources)"
                + "\n  (no usable run.json, so shards that never started are unknown)"
        } else {
            answer = "\(sources) (\(checkpoint.slurmProblem == nil ? "not a Slurm job array" : "run.json unusable"))"
        }
        // What a skipped or blocking file means, on lines of their own so that no line
        // passes 100 columns.
        // A writer file the resumed start fails on comes first: until it is moved aside,
        // nothing else happens.
        var lines: [String] = []
        let blocking = checkpoint.blockingWriters
        if !blocking.isEmpty {
            let names = blocking.prefix(3).map { Escaping.text($0.name) }.joined(separator: ", ") + (blocking.count > 3 ? ", ..." : "")
            // Sure when one file surely fails it; "may" when the model cannot decide them all.
            let sure = blocking.contains(where: \.failsResumeSurely)
            lines.append(
                "\(sure ? "resume fails: the pipeline's start stops" : "resume may fail: the pipeline's start may stop") on \(names); "
                    + "move \(blocking.count == 1 ? "it" : "them") out of the metadata folder")
        }
        lines.append(answer)
        if skipped > 0 {
            lines.append("  (\(skipped) writer file\(skipped == 1 ? "" : "s") skipped: \(skipped == 1 ? "its" : "their") sources run again)")
        }
        return lines.joined(separator: "\n")
    }

    /// The writers line's parenthesis: how many the pipeline skips, and how many it fails on.
    static func writersSummary(_ checkpoint: CuratorCheckpoint) -> String {
        let sure = checkpoint.writers.filter(\.failsResumeSurely).count
        let maybe = checkpoint.blockingWriters.count - sure
        return "\(checkpoint.skippedWriters.count) skipped" + (sure > 0 ? ", \(sure) failing the resume" : "")
            + (maybe > 0 ? ", \(maybe) that may fail it" : "")
    }

    /// The warning for a Slurm `run.json` that cannot be used, for stderr; `nil` when there is none.
    public static func slurmWarning(_ checkpoint: CuratorCheckpoint) -> String? {
        checkpoint.slurmProblem.map { "warning: \(Escaping.text($0.file)) cannot be used: \(FindingPhrasing.describe($0.problem))" }
    }

    /// The report as one JSON object (`kind: "curator"`).
    public static func json(_ status: CuratorStatus, stranded: CuratorStranded? = nil) -> String {
        let checkpoint = status.checkpoint
        let writers = checkpoint.writers.map { writer in
            "{\"name\": \(Escaping.jsonString(writer.name)), \"size\": \(writer.size.map(String.init) ?? "null"), "
                + "\"state\": \(Escaping.jsonString(writer.state.label)), \"completed\": \(writer.sources.count), "
                + (writer.recordCount.map { "\"record_completed\": \($0), " } ?? "")
                + "\"pipeline\": \(writer.pipelineKey.map(Escaping.jsonString) ?? "null"), "
                + "\"pipeline_detail\": \(writer.pipelineDetail.map(Escaping.jsonString) ?? "null")}"
        }
        var fields = [
            "\"schema_version\": 3",
            "\"kind\": \"curator\"",
            "\"checkpoint\": \(Escaping.jsonString(checkpoint.location.path))",
            "\"detected\": \(Escaping.jsonString(checkpoint.location.reason.summary))",
            "\"writers\": [\(writers.joined(separator: ", "))]",
            "\"skipped_writers\": \(strings(checkpoint.skippedWriters.map(\.name)))",
            "\"blocking_writers\": \(strings(checkpoint.blockingWriters.map(\.name)))",
            "\"union\": \(status.union)",
            "\"multi_writer\": \(sampleJSON(status.multiWriter))",
            "\"never_matching\": \(sampleJSON(status.neverMatching))",
            "\"positional\": \(sampleJSON(status.positional))",
        ]
        // The Slurm attempts' markers, in the slurm object and at the top (known without run.json).
        let attempts = checkpoint.failedAttempts.compactMap(slurmAttemptJSON)
        if let slurm = checkpoint.slurm {
            let problems = slurm.problems.map {
                "{\"file\": \(Escaping.jsonString($0.file)), \"reason\": \(Escaping.jsonString(FindingPhrasing.describe($0.problem)))}"
            }
            fields.append(
                "\"slurm\": {\"minimum_shard_index\": \(slurm.minimumShardIndex), \"total_shards\": \(slurm.totalShards), "
                    + "\"completed\": \(ints(slurm.completed)), \"missing\": \(rangesJSON(slurm.missing)), \"missing_count\": \(slurm.missing.count), "
                    + "\"retry_array\": \(Escaping.jsonString(status.retryArray)), \"failed_attempts\": [\(attempts.joined(separator: ", "))], "
                    + "\"rejected_manifests\": [\(problems.joined(separator: ", "))]}")
        }
        if let problem = checkpoint.slurmProblem {
            fields.append(
                "\"slurm_problem\": {\"file\": \(Escaping.jsonString(problem.file)), \"reason\": \(Escaping.jsonString(FindingPhrasing.describe(problem.problem)))}"
            )
        }
        // The failed attempts and the shards they leave unfinished, with or without run.json.
        fields.append("\"failed_attempts\": [\(attempts.joined(separator: ", "))]")
        fields.append("\"unfinished_shards\": \(rangesJSON(status.unfinishedShards))")
        let local = checkpoint.failedAttempts.compactMap { attempt -> String? in
            guard case .local(let id) = attempt.attempt else { return nil }
            return id
        }
        fields.append("\"local_failed_attempts\": \(strings(local))")
        if let stranded, !stranded.known {
            fields.append("\"stranded\": null")
        } else if let stranded {
            let examples = stranded.examples.prefix(status.examples).map {
                "{\"source_id\": \(Escaping.jsonString($0.sourceID)), \"shard\": \($0.shard)}"
            }
            fields.append(
                "\"stranded\": {\"count\": \(stranded.count), \"shards\": \(rangesJSON(ShardRanges(stranded.shards))), "
                    + "\"examples\": [\(examples.joined(separator: ", "))]}")
        }
        return "{\(fields.joined(separator: ", "))}"
    }

    static func describe(_ attempt: CuratorFailedAttempt) -> String {
        switch attempt.attempt {
        case .slurm(let job, let task, let restart, let shard): "job \(job) array task \(task) restart \(restart) shard \(shard)"
        case .local(let id): "local attempt \(Escaping.text(id))"
        }
    }

    static func sample(_ title: String, _ sample: CuratorStatus.Sample, _ risk: String) -> [String] {
        guard sample.count > 0 else { return ["\(title.padding(18)) 0"] }
        var lines = ["\(title.padding(18)) \(sample.count) \(risk)"]
        // One id a line, so every line stays within 100 columns.
        for (index, example) in sample.examples.enumerated() {
            let more =
                index == sample.examples.count - 1 && sample.count > sample.examples.count ? "  (+\(sample.count - sample.examples.count) more)" : ""
            lines.append("                   \(index == 0 ? "e.g." : "    ") \(Escaping.text(example))\(more)")
        }
        return lines
    }

    static func sampleJSON(_ sample: CuratorStatus.Sample) -> String {
        "{\"count\": \(sample.count), \"examples\": \(strings(sample.examples))}"
    }

    static func strings(_ values: [String]) -> String { "[\(values.map { Escaping.jsonString($0) }.joined(separator: ", "))]" }

    /// A Slurm attempt's marker as JSON, `{"job", "array_task", "restart", "shard"}`;
    /// `nil` for a local attempt.
    public static func slurmAttemptJSON(_ attempt: CuratorFailedAttempt) -> String? {
        guard case .slurm(let job, let task, let restart, let shard) = attempt.attempt else { return nil }
        return "{\"job\": \(job), \"array_task\": \(task), \"restart\": \(restart), \"shard\": \(shard)}"
    }

    static func ints(_ values: [Int]) -> String { "[\(values.map(String.init).joined(separator: ", "))]" }

    /// Shard ranges as JSON: `[[first, last], ...]`, a single shard as `[s, s]`.
    public static func rangesJSON(_ shards: ShardRanges) -> String {
        "[" + shards.ranges.map { "[\($0.lowerBound), \($0.upperBound)]" }.joined(separator: ", ") + "]"
    }
}

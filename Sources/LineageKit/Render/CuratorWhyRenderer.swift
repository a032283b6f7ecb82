/// `lineage why` as text and JSON: pure functions of a `CuratorWhy`. `from` says how the
/// source was named: `id`, `paths` or `lance`.
public enum CuratorWhyRenderer {
    /// The text answer: one `label  value` line each, the conclusion last.
    public static func text(_ why: CuratorWhy, from: String) -> String {
        var lines = [
            "source id        \(Escaping.text(why.source))\(from == "paths" ? " (from the paths given)" : from == "lance" ? " (from the Lance dataset, version and fragments)" : "")",
            "writers          \(why.writers.isEmpty ? "none readable holds it" : why.writers.map { Escaping.text($0) }.joined(separator: ", "))",
        ]
        if !why.skippedWriters.isEmpty {
            lines.append("skipped writers  \(why.skippedWriters.map { Escaping.text($0) }.joined(separator: ", ")) (the pipeline cannot open them)")
        }
        if !why.blockingWriters.isEmpty {
            lines.append(
                "failing writers  \(why.blockingWriters.map { Escaping.text($0) }.joined(separator: ", ")) (the resumed start \(why.blockingSurely ? "stops" : "may stop") on them)")
        }
        if let shard = why.shard {
            lines.append("shard            \(shard.index) (\(shard.state))")
            for attempt in why.failedAttempts {
                if case .slurm(let job, let task, let restart, _) = attempt.attempt {
                    lines.append("failed attempt   job \(job) array task \(task) restart \(restart)")
                }
            }
        } else {
            lines.append("shard            - (not a Slurm job array, or run.json unusable)")
        }
        for risk in why.risks { lines.append("risk             \(risk)") }
        lines.append("conclusion       \(why.conclusion)")
        return lines.joined(separator: "\n")
    }

    /// The answer as one JSON object on one line.
    public static func json(_ why: CuratorWhy, from: String, checkpoint: String) -> String {
        func strings(_ values: [String]) -> String { "[" + values.map(Escaping.jsonString).joined(separator: ", ") + "]" }
        let attempts = why.failedAttempts.compactMap(CuratorStatusRenderer.slurmAttemptJSON)
        let fields = [
            "\"schema_version\": 1", "\"kind\": \"curator\"", "\"checkpoint\": \(Escaping.jsonString(checkpoint))",
            "\"source_id\": \(Escaping.jsonString(why.source))", "\"from\": \"\(from)\"", "\"writers\": \(strings(why.writers))",
            "\"skipped_writers\": \(strings(why.skippedWriters))", "\"blocking_writers\": \(strings(why.blockingWriters))",
            "\"busy_writers\": \(strings(why.busyWriters))",
            "\"shard\": \(why.shard.map { String($0.index) } ?? "null")",
            "\"shard_state\": \(why.shard.map { "\"\($0.state)\"" } ?? "null")",
            "\"failed_attempts\": [\(attempts.joined(separator: ", "))]", "\"risks\": \(strings(why.risks))",
            "\"skipped\": \(why.skipped)", "\"conclusion\": \(Escaping.jsonString(why.conclusion))",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

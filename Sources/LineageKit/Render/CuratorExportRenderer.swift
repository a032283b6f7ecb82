/// `lineage export --format json` on a Curator checkpoint: the writer files, every
/// completed source with the writers holding it, and the Slurm shards, as one JSON
/// document (`Docs/curator-export.schema.json`). Appended piece by piece into a byte
/// buffer, so a checkpoint of millions of sources is streamed, never held as one string.
public enum CuratorExportRenderer {
    /// The document's opening and the `writers` list, up to the start of `sources`.
    public static func appendHeader(_ checkpoint: CuratorCheckpoint, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"schema_version\": 3, \"kind\": \"curator\", \"checkpoint\": ".utf8)
        out.append(contentsOf: Escaping.jsonString(checkpoint.location.path).utf8)
        out.append(contentsOf: ", \"detected\": ".utf8)
        out.append(contentsOf: Escaping.jsonString(checkpoint.location.reason.summary).utf8)
        out.append(contentsOf: ",\n \"writers\": [".utf8)
        for (at, writer) in checkpoint.writers.enumerated() {
            out.append(contentsOf: (at == 0 ? "\n  " : ",\n  ").utf8)
            out.append(contentsOf: "{\"name\": \(Escaping.jsonString(writer.name)), ".utf8)
            out.append(contentsOf: "\"size\": \(writer.size.map(String.init) ?? "null"), ".utf8)
            out.append(contentsOf: "\"state\": \(Escaping.jsonString(writer.state.label)), ".utf8)
            out.append(contentsOf: "\"skipped\": \(writer.isSkippedByPipeline), ".utf8)
            out.append(contentsOf: "\"pipeline\": \(writer.pipelineKey.map(Escaping.jsonString) ?? "null"), ".utf8)
            out.append(contentsOf: "\"completed\": \(writer.sources.count)}".utf8)
        }
        out.append(contentsOf: "\n ],\n \"sources\": [".utf8)
    }

    /// One entry of `sources`: a completed source id and the writer files holding it.
    public static func appendSource(_ source: String, writers: [String], first: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: (first ? "\n  " : ",\n  ").utf8)
        out.append(contentsOf: "{\"source_id\": ".utf8)
        out.append(contentsOf: Escaping.jsonString(source).utf8)
        out.append(contentsOf: ", \"writers\": [".utf8)
        for (at, writer) in writers.enumerated() {
            if at > 0 { out.append(contentsOf: ", ".utf8) }
            out.append(contentsOf: Escaping.jsonString(writer).utf8)
        }
        out.append(contentsOf: "]}".utf8)
    }

    /// The end of `sources`, the Slurm state (`null` when not a job array) and the
    /// failed-task markers; closes the document.
    public static func appendFooter(_ checkpoint: CuratorCheckpoint, to out: inout [UInt8]) {
        out.append(contentsOf: "\n ],\n \"slurm\": ".utf8)
        if let slurm = checkpoint.slurm {
            let expression = slurm.missing.expression
            out.append(contentsOf: "{\"minimum_shard_index\": \(slurm.minimumShardIndex), \"total_shards\": \(slurm.totalShards), ".utf8)
            out.append(contentsOf: "\"completed\": \(CuratorStatusRenderer.ints(slurm.completed)), ".utf8)
            out.append(
                contentsOf: "\"missing\": \(CuratorStatusRenderer.rangesJSON(slurm.missing)), \"missing_count\": \(slurm.missing.count), ".utf8)
            out.append(contentsOf: "\"retry_array\": \(Escaping.jsonString(expression))}".utf8)
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(contentsOf: ",\n \"failed_attempts\": [".utf8)
        for (at, attempt) in checkpoint.failedAttempts.enumerated() {
            out.append(contentsOf: (at == 0 ? "\n  " : ",\n  ").utf8)
            switch attempt.attempt {
            case .slurm: out.append(contentsOf: (CuratorStatusRenderer.slurmAttemptJSON(attempt) ?? "").utf8)
            case .local(let id): out.append(contentsOf: "{\"local_attempt\": \(Escaping.jsonString(id))}".utf8)
            }
        }
        out.append(contentsOf: (checkpoint.failedAttempts.isEmpty ? "]}\n" : "\n ]}\n").utf8)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `lineage watch`: a snapshot as one JSON line (`Docs/watch.schema.json`), as the
/// Prometheus text exposition format, or as the lines of a terminal screen.
public enum WatchRenderer {
    // MARK: JSON Lines

    /// One snapshot as one JSON object on one line.
    public static func jsonLine(_ s: WatchSnapshot, interval: Double) -> String {
        var fields = [
            "\"schema_version\": 1", "\"kind\": \"\(s.kind)\"", "\"checkpoint\": \(Escaping.jsonString(s.checkpoint))",
            "\"snapshot\": \(s.number)", "\"time\": \"\(isoTime(s.time))\"", "\"interval_seconds\": \(decimal(interval, 6))",
        ]
        if let dag = s.dag {
            fields += [
                "\"transaction\": \(dag.transaction)", "\"tasks\": \(s.total ?? 0)", "\"completed\": \(s.completed)",
                "\"pending\": \(s.pending ?? 0)", "\"edges\": \(dag.edges)",
            ]
        }
        if let curator = s.curator {
            fields += [
                "\"sources\": \(curator.sources)", "\"completed\": \(s.completed)", "\"total\": \(optional(s.total))",
                "\"pending\": \(optional(s.pending))",
            ]
        }
        fields += [
            "\"completed_last_interval\": \(optional(s.completedLastInterval))",
            "\"rate_per_minute\": \(s.rate.map { decimal($0.perMinute, 1) } ?? "null")",
            "\"rate_last_per_minute\": \(s.rate.map { decimal($0.lastPerMinute, 1) } ?? "null")",
            "\"rate_range_per_minute\": \(s.rate.map { "{\"low\": \(decimal($0.low, 1)), \"high\": \(decimal($0.high, 1))}" } ?? "null")",
            "\"eta_seconds\": \(etaJSON(s.eta))",
            "\"complete\": \(s.complete.map { $0 ? "true" : "false" } ?? "null")",
            "\"last_change\": \(s.lastChange.map { "\"\(isoTime($0))\"" } ?? "null")",
            "\"idle_since\": \(s.idleSince.map { "\"\(isoTime($0))\"" } ?? "null")",
            "\"stalled\": [\(s.stalled.map { "{\"name\": \(Escaping.jsonString($0.name)), \"since\": \"\(isoTime($0.since))\"}" }.joined(separator: ", "))]",
            "\"busy_snapshots\": \(s.busySnapshots)",
        ]
        if let dag = s.dag {
            let stages = dag.stages.map { stages in
                "["
                    + stages.map {
                        "{\"stage\": \($0.stage), \"tasks\": \($0.counts.total), \"completed\": \($0.counts.completed), \"pending\": \($0.counts.pending), "
                            + "\"completed_since_last_read\": \(dag.stageChanges[$0.stage] ?? 0)}"
                    }.joined(separator: ", ") + "]"
            }
            fields.append("\"stages\": \(stages ?? "null")")
            fields.append("\"stages_age_seconds\": \(dag.stagesTime.map { decimal(max(0, s.time - $0), 1) } ?? "null")")
        }
        if let curator = s.curator {
            fields.append("\"sources_age_seconds\": \(decimal(max(0, s.time - curator.sourcesTime), 1))")
            let writers = curator.writers.map { w in
                "{\"name\": \(Escaping.jsonString(w.name)), \"completed\": \(optional(w.completed)), \"transaction\": \(w.transaction.map(String.init) ?? "null"), "
                    + "\"last_change\": \(w.modified.map { "\"\(isoTime($0))\"" } ?? "null"), \"pipeline\": \(Escaping.jsonString(w.pipeline)), "
                    + "\"new\": \(w.isNew)}"
            }
            fields.append("\"writers\": [\(writers.joined(separator: ", "))]")
            let shards = curator.shards.map { sh in
                "{\"total\": \(sh.total), \"completed\": \(sh.completed), \"missing\": \(sh.missing), \"failed_attempts\": \(sh.failedAttempts), "
                    + "\"rate_per_minute\": \(sh.rate.map { decimal($0.perMinute, 2) } ?? "null"), \"eta_seconds\": \(etaJSON(sh.eta))}"
            }
            fields.append("\"shards\": \(shards ?? "null")")
            let groups = curator.groups.map { "{\"total\": \($0.total), \"completed\": \($0.completed), \"pending\": \($0.total - $0.completed)}" }
            fields.append("\"groups\": \(groups ?? "null")")
        }
        return "{\(fields.joined(separator: ", "))}"
    }

    private static func etaJSON(_ eta: ETA?) -> String {
        eta.map { "{\"low\": \(decimal($0.low, 1)), \"high\": \($0.high.map { decimal($0, 1) } ?? "null")}" } ?? "null"
    }

    private static func optional(_ value: Int?) -> String { value.map(String.init) ?? "null" }

    // MARK: Prometheus

    /// The snapshot in the Prometheus text exposition format (version 0.0.4), for
    /// node_exporter's textfile collector; `up` is false when the last snapshot's totals
    /// could not be read (the values are then the previous snapshot's).
    public static func prometheus(_ s: WatchSnapshot, up: Bool) -> String {
        var out: [String] = []
        let base = "checkpoint=\"\(Escaping.prometheusLabel(s.checkpoint))\",kind=\"\(s.kind)\""
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            guard !samples.isEmpty else { return }
            out.append("# HELP \(name) \(help)")
            out.append("# TYPE \(name) \(type)")
            for sample in samples { out.append("\(name){\(base)\(sample.labels.isEmpty ? "" : ",")\(sample.labels)} \(sample.value)") }
        }
        func one(_ value: String?) -> [(labels: String, value: String)] { value.map { [("", $0)] } ?? [] }
        metric(
            "lineage_up", "gauge", "1 when the last snapshot's totals were read consistently, 0 when the writer tore every read.", one(up ? "1" : "0")
        )
        metric("lineage_snapshot_timestamp_seconds", "gauge", "When the snapshot was taken.", one(decimal(s.time, 3)))
        metric(
            "lineage_completed", "gauge", "Done: DAG tasks completed; Curator groups completed, or completed sources without groups.",
            one(String(s.completed)))
        metric("lineage_total", "gauge", "What completed counts toward (DAG tasks recorded, Curator groups given).", one(s.total.map(String.init)))
        metric("lineage_pending", "gauge", "Total minus completed.", one(s.pending.map(String.init)))
        metric("lineage_rate_per_minute", "gauge", "Completions per minute over the recent snapshots.", one(s.rate.map { decimal($0.perMinute, 3) }))
        metric(
            "lineage_eta_seconds", "gauge", "Seconds until the total is reached at the recent rate, as a range.",
            s.eta.map { eta in [("bound=\"low\"", decimal(eta.low, 1))] + (eta.high.map { [("bound=\"high\"", decimal($0, 1))] } ?? []) } ?? [])
        metric("lineage_complete", "gauge", "1 when the checkpoint says the run is complete.", one(s.complete.map { $0 ? "1" : "0" }))
        metric(
            "lineage_last_change_timestamp_seconds", "gauge", "The newest modification time of the checkpoint's files.",
            one(s.lastChange.map { decimal($0, 3) }))
        metric("lineage_idle", "gauge", "1 when nothing changed for the stall time.", one(s.idleSince == nil ? "0" : "1"))
        metric("lineage_busy_snapshots_total", "counter", "Snapshots whose totals could not be read consistently.", one(String(s.busySnapshots)))
        let stalled = Set(s.stalled.map(\.name))
        if let dag = s.dag {
            metric("lineage_edges", "gauge", "Edges recorded.", one(String(dag.edges)))
            if let stages = dag.stages {
                metric(
                    "lineage_stage_tasks", "gauge", "Tasks per stage and state, as of the last whole-file read.",
                    stages.flatMap {
                        [
                            ("stage=\"\($0.stage)\",state=\"completed\"", String($0.counts.completed)),
                            ("stage=\"\($0.stage)\",state=\"pending\"", String($0.counts.pending)),
                        ]
                    })
                metric(
                    "lineage_stage_stalled", "gauge", "1 when the stage has not moved for the stall time while others move.",
                    stages.map { ("stage=\"\($0.stage)\"", stalled.contains("stage \($0.stage)") ? "1" : "0") })
            }
            metric("lineage_stages_age_seconds", "gauge", "Age of the stage counts.", one(dag.stagesTime.map { decimal(max(0, s.time - $0), 1) }))
        }
        if let curator = s.curator {
            metric("lineage_sources", "gauge", "Completed source ids, the union over writer files.", one(String(curator.sources)))
            metric(
                "lineage_writer_completed", "gauge", "Completed source ids per writer file.",
                curator.writers.compactMap { w in w.completed.map { ("writer=\"\(Escaping.prometheusLabel(w.name))\"", String($0)) } })
            metric(
                "lineage_writer_last_change_timestamp_seconds", "gauge", "Modification time per writer file.",
                curator.writers.compactMap { w in w.modified.map { ("writer=\"\(Escaping.prometheusLabel(w.name))\"", decimal($0, 3)) } })
            metric(
                "lineage_writer_stalled", "gauge", "1 when the writer file has not moved for the stall time while others move.",
                curator.writers.map { ("writer=\"\(Escaping.prometheusLabel($0.name))\"", stalled.contains($0.name) ? "1" : "0") })
            if let shards = curator.shards {
                metric(
                    "lineage_shards", "gauge", "Job-array shards by state.",
                    [("state=\"completed\"", String(shards.completed)), ("state=\"missing\"", String(shards.missing))])
                metric("lineage_shard_failed_attempts", "gauge", "Failed-attempt markers.", one(String(shards.failedAttempts)))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Time and numbers

    /// `2026-12-05T00:31:12.345Z`.
    public static func isoTime(_ seconds: Double) -> String {
        let (date, time) = utc(seconds)
        let millis = Int((seconds - seconds.rounded(.down)) * 1000)
        return "\(date)T\(time).\(pad(millis, 3))Z"
    }

    /// `2026-12-05` and `00:31:12`, UTC.
    static func utc(_ seconds: Double) -> (date: String, time: String) {
        var whole = time_t(seconds.rounded(.down))
        var parts = tm()
        gmtime_r(&whole, &parts)
        return (
            "\(parts.tm_year + 1900)-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))",
            "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
        )
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `45s`, `12m 05s`, `3h 04m`, `2d 03h`.
    public static func duration(_ seconds: Double) -> String {
        // Beyond a million days the exact figure tells nothing (and must not trap).
        let s = seconds.isFinite ? Int(min(max(0, seconds), 86_400e6).rounded()) : 86_400_000_000
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(pad(s % 60, 2))s" }
        if s < 86400 { return "\(s / 3600)h \(pad(s % 3600 / 60, 2))m" }
        return "\(s / 86400)d \(pad(s % 86400 / 3600, 2))h"
    }

    static func decimal(_ value: Double, _ digits: Int32) -> String { FixedPoint.text(value.isFinite ? value : 0, digits: digits) }

    /// A rate for people: grouped digits from 100 up, one decimal below.
    static func rateText(_ perMinute: Double) -> String {
        perMinute >= 100 ? StatusRenderer.grouped(Int(perMinute.rounded())) : decimal(perMinute, 1)
    }
}

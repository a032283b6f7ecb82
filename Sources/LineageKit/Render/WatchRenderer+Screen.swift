extension WatchRenderer {
    /// The snapshot as the lines of a terminal screen `width` columns wide and at most
    /// `height` lines tall (the writer list is cut to fit, most recently changed first).
    public static func screen(_ s: WatchSnapshot, interval: Double, width: Int, height: Int) -> [String] {
        var lines: [String] = []
        let clock = utc(s.time).time
        let title = "lineage watch: \(Escaping.text(s.checkpoint)) (\(s.kind))"
        let every = interval < 60 && interval != interval.rounded() ? trimmed(interval) + "s" : duration(interval)
        let right = "\(clock) UTC, every \(every)"
        lines.append(
            title.count + right.count + 2 <= width ? title + String(repeating: " ", count: width - title.count - right.count) + right : title)
        if s.dag != nil {
            let total = s.total ?? 0
            let share = total > 0 ? " (\(decimal(Double(s.completed) * 100 / Double(total), 1))% done)" : ""
            lines.append(
                "tasks      \(StatusRenderer.grouped(total)) recorded, \(StatusRenderer.grouped(s.completed)) completed, \(StatusRenderer.grouped(s.pending ?? 0)) pending\(share)"
            )
        }
        if let curator = s.curator {
            let age = s.time - curator.sourcesTime
            let stale = age >= 0.5 ? ", as of \(duration(age)) ago" : ""
            lines.append("sources    \(StatusRenderer.grouped(curator.sources)) completed (union of \(curator.writers.count) writer files\(stale))")
            if let groups = curator.groups {
                lines.append(
                    "groups     \(StatusRenderer.grouped(groups.completed)) of \(StatusRenderer.grouped(groups.total)) completed, \(StatusRenderer.grouped(groups.total - groups.completed)) pending"
                )
            }
            if let shards = curator.shards {
                var line = "shards     \(shards.completed) of \(shards.total) completed, \(shards.missing) missing"
                if shards.failedAttempts > 0 { line += ", \(shards.failedAttempts) failed attempt\(shards.failedAttempts == 1 ? "" : "s")" }
                lines.append(line)
            }
        }
        lines.append("rate       " + rateLine(s.rate, unit: s.curator?.groups != nil ? "groups" : s.curator != nil ? "sources" : "tasks"))
        lines.append("eta        " + etaLine(s))
        if let last = s.lastChange {
            var line = "changed    \(utc(last).time), \(duration(s.time - last)) ago"
            if let dag = s.dag { line += " (transaction \(dag.transaction))" }
            lines.append(line)
        }
        if let idle = s.idleSince { lines.append("idle       nothing changed since \(utc(idle).time) (\(duration(s.time - idle)))") }
        for stall in s.stalled {
            lines.append(
                "stalled    \(Escaping.text(stall.name)): no change since \(utc(stall.since).time) (\(duration(s.time - stall.since))) while others move"
            )
        }
        if s.busySnapshots > 0 {
            lines.append(
                "busy       \(s.busySnapshots) snapshot\(s.busySnapshots == 1 ? "" : "s") not shown: the writer tore every read of the totals")
        }
        if let dag = s.dag {
            lines.append("")
            if let stages = dag.stages, let read = dag.stagesTime {
                let age = s.time - read
                lines.append("stage      tasks  completed    pending  since last" + (age >= 0.5 ? "   (as of \(duration(age)) ago)" : ""))
                for stage in stages.prefix(max(1, height - lines.count - 1)) {
                    let change = dag.stageChanges[stage.stage] ?? 0
                    lines.append(
                        "\(String(stage.stage).padding(5))\(StatusRenderer.grouped(stage.counts.total).leftPadding(11))"
                            + "\(StatusRenderer.grouped(stage.counts.completed).leftPadding(11))\(StatusRenderer.grouped(stage.counts.pending).leftPadding(11))"
                            + "\((change > 0 ? "+" + StatusRenderer.grouped(change) : "0").leftPadding(12))")
                }
            } else {
                lines.append("stages     not read yet: the pipeline committed during every whole-file read")
            }
        }
        if let curator = s.curator, !curator.writers.isEmpty {
            lines.append("")
            lines.append("writer file                        completed  changed   transaction  pipeline")
            let room = max(1, height - lines.count - 1)
            let shown =
                curator.writers.count <= room
                ? curator.writers : Array(curator.writers.sorted { ($0.modified ?? 0) > ($1.modified ?? 0) }.prefix(room - 1))
            for w in shown {
                let name = Escaping.text(w.name) + (w.isNew ? " (new)" : "")
                lines.append(
                    "\(name.padding(32))\((w.completed.map { StatusRenderer.grouped($0) } ?? "?").leftPadding(11))  "
                        + "\((w.modified.map { utc($0).time } ?? "-").padding(8))\((w.transaction.map(String.init) ?? "-").leftPadding(13))  \(w.pipeline)"
                )
            }
            if shown.count < curator.writers.count {
                lines.append("... and \(curator.writers.count - shown.count) more writer files (the most recently changed are shown)")
            }
        }
        return lines.map { $0.count > width ? String($0.prefix(width)) : $0 }
    }

    /// `0.5`, `2.25`: up to three decimals, trailing zeros dropped.
    static func trimmed(_ value: Double) -> String {
        var text = FixedPoint.text(value, digits: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func rateLine(_ rate: Rate?, unit: String) -> String {
        guard let rate else { return "measuring (two snapshots are needed)" }
        return "\(rateText(rate.perMinute)) \(unit)/min (last \(rateText(rate.lastPerMinute)); \(rateText(rate.low)) to \(rateText(rate.high)))"
    }

    static func etaLine(_ s: WatchSnapshot) -> String {
        if s.complete == true { return "complete" }
        if s.curator != nil, s.total == nil, s.curator?.shards == nil {
            return "unknown: no total (give --groups or --files with the rerun's inputs)"
        }
        guard let eta = s.eta else { return s.rate == nil ? "unknown until the rate is measured" : "unknown: nothing completes now" }
        let range = eta.high.map { "\(duration(eta.low)) to \(duration($0))" } ?? "at least \(duration(eta.low)) (the rate may be 0)"
        if s.dag != nil { return range + ", for the tasks recorded so far" }
        if s.total == nil { return range + ", for the shards left" }
        return range
    }
}

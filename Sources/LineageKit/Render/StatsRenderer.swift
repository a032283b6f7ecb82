/// `lineage stats` as text and JSON: pure functions of `CheckpointStats`.
public enum StatsRenderer {
    /// The aligned text report: the lineage DAG, then the LMDB file.
    public static func text(_ stats: CheckpointStats) -> String {
        var lines = ["checkpoint   \(Escaping.text(stats.checkpoint))"]
        lines.append("tasks        \(stats.tasks.total) (\(stats.tasks.completed) completed, \(stats.tasks.pending) pending)")
        lines.append("edges        \(stats.edges)")
        lines.append("sources      \(stats.sources.total) (\(stats.sources.completed) completed)")
        lines.append("leaves       \(stats.leaves.total) (\(stats.leaves.completed) completed)")
        lines.append("stages       \(stats.stages.count)")
        lines.append("components   \(stats.components.count) (largest: \(stats.components.largest) tasks)")
        lines.append("")
        lines += StatusRenderer.countsTable(header: "type", rows: stats.byType.map { ($0.type.rawValue, $0.counts) })
        lines.append("")
        lines += StatusRenderer.countsTable(header: "stage", rows: stats.stages.map { (String($0.stage), $0.counts) })
        if stats.unstaged > 0 {
            lines.append("warning: \(stats.unstaged) tasks lie on or below a cycle and have no stage (the graph is not acyclic).")
        }
        lines.append("")
        let distributions = [("fan-out", "children", stats.fanOut), ("fan-in", "parents", stats.fanIn)]
        lines.append("per task      min   median      p99      max")
        for (name, _, d) in distributions {
            lines.append(
                "\(name.padding(11))  \(String(d.min).leftPadding(5))  \(String(d.median).leftPadding(7))  \(String(d.p99).leftPadding(7))  \(String(d.max).leftPadding(7))"
            )
        }
        for (name, unit, d) in distributions where !d.top.isEmpty {
            lines.append("top \(name) (\(unit))")
            let width = d.top.map { String($0.count).count }.max() ?? 1
            for (udid, count) in d.top { lines.append("  \(String(count).leftPadding(width))  \(udid.string)") }
        }
        lines.append("")
        lines += fileLines(stats.lmdb)
        return lines.joined(separator: "\n")
    }

    /// `stats` of a file whose structure is damaged: what the meta page and the stored
    /// database records say, marked as not confirmed.
    public static func damagedText(_ lmdb: LMDBStats, checkpoint: String) -> String {
        (["checkpoint   \(Escaping.text(checkpoint))", "structure    damaged: the DAG cannot be counted; the numbers below are the meta page's", "             and the database records as stored, not confirmed by a walk (as mdb_stat -a)", ""]
            + fileLines(lmdb)).joined(separator: "\n")
    }

    /// The damaged file's report as one JSON object: `damaged` true, no DAG numbers, `lmdb`.
    public static func damagedJSON(_ lmdb: LMDBStats, checkpoint: String) -> String {
        "{\"schema_version\": 1, \"kind\": \"dag\", \"checkpoint\": \(Escaping.jsonString(checkpoint)), \"damaged\": true, \"lmdb\": \(lmdbJSON(lmdb))}"
    }

    /// The LMDB part of the text report.
    static func fileLines(_ lmdb: LMDBStats) -> [String] {
        var lines: [String] = []
        lines.append("page size    \(lmdb.pageSize)")
        lines.append("map size     \(lmdb.mapSize)")
        lines.append("last txn     \(lmdb.lastTxn)")
        lines.append("file size    \(lmdb.fileSize) bytes")
        lines.append("pages used   \(lmdb.pagesUsed)")
        lines.append("free pages   \(lmdb.freePages)")
        lines.append("")
        lines.append("database     depth   branch     leaf  overflow    entries")
        let trees = [("(free)", lmdb.freeList), ("(main)", lmdb.main)] + lmdb.databases.map { ($0.name, $0.database) }
        for (name, db) in trees {
            lines.append(
                "\(Escaping.text(name).padding(11))  \(String(db.depth).leftPadding(5))  \(String(db.branchPages).leftPadding(7))  \(String(db.leafPages).leftPadding(7))  \(String(db.overflowPages).leftPadding(8))  \(String(db.entries).leftPadding(9))"
            )
        }
        return lines
    }

    /// One JSON object on one line (schema_version 1, `stats.schema.json`).
    public static func json(_ stats: CheckpointStats) -> String {
        func distribution(_ d: CheckpointStats.Distribution) -> String {
            let top = d.top.map { "{\"udid\": \"\($0.udid.string)\", \"count\": \($0.count)}" }.joined(separator: ", ")
            return "{\"min\": \(d.min), \"median\": \(d.median), \"p99\": \(d.p99), \"max\": \(d.max), \"top\": [\(top)]}"
        }
        let fields = [
            "\"schema_version\": 1",
            "\"kind\": \"dag\"",
            "\"checkpoint\": \(Escaping.jsonString(stats.checkpoint))",
            "\"tasks\": \(stats.tasks.total)",
            "\"completed\": \(stats.tasks.completed)",
            "\"pending\": \(stats.tasks.pending)",
            "\"edges\": \(stats.edges)",
            "\"by_type\": \(StatusRenderer.byTypeJSON(stats.byType))",
            "\"sources\": \(StatusRenderer.countsJSON(stats.sources))",
            "\"leaves\": \(StatusRenderer.countsJSON(stats.leaves))",
            "\"stages\": \(StatusRenderer.stagesJSON(stats.stages))",
            "\"unstaged\": \(stats.unstaged)",
            "\"fan_out\": \(distribution(stats.fanOut))",
            "\"fan_in\": \(distribution(stats.fanIn))",
            "\"components\": {\"count\": \(stats.components.count), \"largest\": \(stats.components.largest)}",
            "\"lmdb\": \(lmdbJSON(stats.lmdb))",
        ]
        return "{\(fields.joined(separator: ", "))}"
    }

    /// The `lmdb` object of the JSON report.
    static func lmdbJSON(_ lmdb: LMDBStats) -> String {
        func database(_ db: LMDBStats.Database) -> String {
            "{\"depth\": \(db.depth), \"branch_pages\": \(db.branchPages), \"leaf_pages\": \(db.leafPages), "
                + "\"overflow_pages\": \(db.overflowPages), \"entries\": \(db.entries)}"
        }
        let databases = lmdb.databases.map { "\(Escaping.jsonString($0.name)): \(database($0.database))" }.joined(separator: ", ")
        return "{\"page_size\": \(lmdb.pageSize), \"map_size\": \(lmdb.mapSize), \"last_txn\": \(lmdb.lastTxn), "
            + "\"file_size\": \(lmdb.fileSize), \"pages_used\": \(lmdb.pagesUsed), \"free_pages\": \(lmdb.freePages), "
            + "\"free_list\": \(database(lmdb.freeList)), \"main\": \(database(lmdb.main)), \"databases\": {\(databases)}}"
    }
}

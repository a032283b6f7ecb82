/// `lineage plan`: one row per file group in input order, appended to a byte buffer so a
/// million groups stream, then the counts (`Docs/curator-plan.schema.json`).
public enum CuratorPlanRenderer {
    /// The layouts of the plan.
    public enum Format: Sendable {
        /// `SOURCE_ID<TAB>skip|run<TAB>FIRST_PATH[ (+N more)]` rows and a summary line.
        case text
        /// One `{"schema_version", "kind", "source_id", "action", "paths"}` object per line, nothing else.
        case jsonLines
        /// One JSON document: the checkpoint, the skipped writers, the groups, the summary.
        case json
    }

    /// What opens the output: the JSON document's head up to its `groups` array; nothing otherwise.
    public static func appendHeader(checkpoint: String, skippedWriters: [String], format: Format, to out: inout [UInt8]) {
        guard case .json = format else { return }
        out.append(contentsOf: #"{"schema_version": 1, "kind": "curator", "checkpoint": "#.utf8)
        out.append(contentsOf: Escaping.jsonString(checkpoint).utf8)
        out.append(contentsOf: #", "skipped_writers": "#.utf8)
        CuratorSourcesRenderer.appendJSONStrings(skippedWriters, to: &out)
        out.append(contentsOf: #", "groups": ["#.utf8)
    }

    /// One group's row; `first` says whether it is the first group (JSON commas).
    /// `shard`: in a job array, the shard that processes the group and what its manifest
    /// says (`completed` or `missing`): a fourth text column, `shard` and `shard_state` in JSON.
    public static func appendGroup(
        _ decision: CuratorPlan.Decision, paths: [String], lance: CuratorGroupInput.Lance? = nil, first: Bool, format: Format,
        shard: (index: Int, state: String)? = nil, to out: inout [UInt8]
    ) {
        switch format {
        case .text:
            decision.id.appendHex(to: &out)
            out.append(0x09)
            out.append(contentsOf: decision.action.rawValue.utf8)
            out.append(0x09)
            if let lance {
                // A Lance fragment set: the dataset, its version and fragments, not "paths".
                CuratorSourcesRenderer.appendText(lance.dataset, to: &out)
                out.append(contentsOf: " (version \(lance.version), fragments \(lance.fragments.map(String.init).joined(separator: ",")))".utf8)
            } else {
                CuratorSourcesRenderer.appendText(paths.first ?? "", to: &out)
                if paths.count > 1 { out.append(contentsOf: " (+\(paths.count - 1) more)".utf8) }
            }
            if let shard { out.append(contentsOf: "\tshard \(shard.index) \(shard.state)".utf8) }
            out.append(0x0a)
        case .jsonLines, .json:
            let layout: Rows.Format = if case .json = format { .jsonArray(first: first) } else { .jsonLines(kind: "curator") }
            Rows.openRecord(layout, to: &out)
            out.append(contentsOf: #""source_id": ""#.utf8)
            decision.id.appendHex(to: &out)
            out.append(contentsOf: #"", "action": ""#.utf8)
            out.append(contentsOf: decision.action.rawValue.utf8)
            out.append(contentsOf: #"", "paths": "#.utf8)
            CuratorSourcesRenderer.appendJSONStrings(paths, to: &out)
            if let lance {
                out.append(contentsOf: #", "lance": {"dataset": "#.utf8)
                out.append(contentsOf: Escaping.jsonString(lance.dataset).utf8)
                out.append(
                    contentsOf: ", \"version\": \(lance.version), \"fragments\": [\(lance.fragments.map(String.init).joined(separator: ", "))]}".utf8)
            }
            if let shard { out.append(contentsOf: #", "shard": \#(shard.index), "shard_state": "\#(shard.state)""#.utf8) }
            out.append(UInt8(ascii: "}"))
            if case .jsonLines = format { out.append(0x0a) }
        }
    }

    /// What closes the output: the summary line (text), the summary and the document's end
    /// (JSON), nothing for JSON Lines.
    public static func appendFooter(_ summary: CuratorPlan.Summary, format: Format, to out: inout [UInt8]) {
        switch format {
        case .text:
            out.append(contentsOf: (summaryLine(summary) + "\n").utf8)
        case .jsonLines:
            break
        case .json:
            out.append(contentsOf: (summary.groups == 0 ? "]" : "\n]").utf8)
            out.append(
                contentsOf: #", "summary": {"groups": \#(summary.groups), "skip": \#(summary.skip), "run": \#(summary.run), "#.utf8)
            out.append(contentsOf: #""completed_unmatched": \#(summary.unmatchedCompleted)}}"#.utf8)
            out.append(0x0a)
        }
    }

    /// "12 groups: 7 skip, 5 run; 0 completed sources match no given group".
    public static func summaryLine(_ summary: CuratorPlan.Summary) -> String {
        "\(summary.groups) \(summary.groups == 1 ? "group" : "groups"): \(summary.skip) skip, \(summary.run) run; "
            + "\(summary.unmatchedCompleted) completed \(summary.unmatchedCompleted == 1 ? "source matches" : "sources match") no given group"
    }

    /// The warning for groups that run again on shards marked completed, for stderr;
    /// `nil` when there are none.
    public static func strandedWarning(_ stranded: CuratorStranded) -> String? {
        guard let example = stranded.examples.first else { return nil }
        let one = stranded.count == 1
        return "warning: \(stranded.count) group\(one ? " runs" : "s run") again although \(one ? "its shard is" : "their shards are") "
            + "marked completed (e.g. \(example.sourceID), shard \(example.shard)): resubmitting only the missing shards never runs "
            + "\(one ? "it" : "them"); resubmit \(stranded.shards.count == 1 ? "that shard" : "those shards") by hand."
    }
}

extension DOTRenderer {
    /// `stages` as DOT: one node per group (shape and colour of its type, labelled with its
    /// stage, type, task and completed counts; filled green when every task is completed),
    /// one edge per link labelled with its number of task edges, and the groups of one
    /// stage on one rank.
    public static func render(_ stages: StageGraph, title: String) -> String {
        var out: [UInt8] = []
        appendHeader(title: title, to: &out)
        for group in stages.groups {
            let done = group.tasks > 0 && group.completed == group.tasks
            out.append(contentsOf: "  \(group.id) [label=".utf8)
            appendQuoted(StageLabels.label(group), to: &out)
            out.append(contentsOf: ", shape=\(shape(group.type?.rawValue))".utf8)
            out.append(contentsOf: (done ? ", fillcolor=\"#a6dba0\", color=" : ", fillcolor=\"#f7f7f7\", color=").utf8)
            appendQuoted(colour(group.type?.rawValue), to: &out)
            if done { out.append(contentsOf: ", penwidth=2".utf8) }
            if group.type == nil { out.append(contentsOf: ", style=\"filled,dashed\"".utf8) }
            out.append(contentsOf: "];\n".utf8)
        }
        var byStage: [Int: [String]] = [:]
        for group in stages.groups { if let stage = group.stage { byStage[stage, default: []].append(group.id) } }
        for stage in byStage.keys.sorted() where byStage[stage, default: []].count > 1 {
            out.append(contentsOf: "  { rank=same; \(byStage[stage, default: []].joined(separator: "; ")); }\n".utf8)
        }
        appendEdgesStart(to: &out)
        for link in stages.links {
            let edges = StageLabels.count(link.edges)
            out.append(
                contentsOf:
                    "  \(stages.groups[link.source].id) -> \(stages.groups[link.target].id) [label=\"\(edges)\", fontname=\"Helvetica\", fontsize=10];\n"
                    .utf8)
        }
        appendFooter(to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// The words on a stage group, shared by the DOT and Mermaid pictures.
enum StageLabels {
    /// "stage 2\nmiddle\n1,234 tasks\n567 completed" (lines separated by "\n").
    static func label(_ group: StageGraph.Group) -> String {
        let stage = group.stage.map { "stage \($0)" } ?? "unstaged (cycle)"
        let type = group.type?.rawValue ?? "unknown type"
        let tasks = group.tasks == 1 ? "1 task" : "\(count(group.tasks)) tasks"
        return "\(stage)\n\(type)\n\(tasks)\n\(count(group.completed)) completed"
    }

    /// `n` with thousands separated by commas.
    static func count(_ n: Int) -> String {
        var digits = Array(String(n))
        var at = digits.count - 3
        while at > 0 {
            digits.insert(",", at: at)
            at -= 3
        }
        return String(digits)
    }
}

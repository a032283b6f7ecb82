/// Renders a `Subgraph` as Graphviz DOT: one node per task (id = udid, label = short
/// udid and type), shape and colour by type, completed tasks filled green with a
/// bold outline, edges parent -> child, and a legend. A pure function of its input.
public enum DOTRenderer {
    /// The DOT text for `graph`, titled `title` (escaped, so any bytes are safe).
    public static func render(_ graph: Subgraph, title: String) -> String {
        var out = "digraph lineage {\n"
        out += "  graph [rankdir=TB, fontname=\"Helvetica\", label=\(quote(title)), labelloc=t, fontsize=12];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n"
        out += "  edge [color=\"#555555\", arrowsize=0.7];\n\n"
        for task in graph.tasks {
            var attributes = [
                "label=\(quote(label(task)))",
                "shape=\(shape(task.typeName))",
                "fillcolor=\(quote(task.completed ? "#a6dba0" : "#f7f7f7"))",
                "color=\(quote(colour(task.typeName)))",
                "tooltip=\(quote(task.udid))",
            ]
            if task.completed { attributes.append("penwidth=2") }
            if task.udid == graph.focus { attributes.append("peripheries=2") }
            if task.typeName.flatMap(TaskType.init(rawValue:)) == nil { attributes.append("style=\"filled,dashed\"") }
            out += "  \(quote(task.udid)) [\(attributes.joined(separator: ", "))];\n"
        }
        out += "\n"
        for edge in graph.edges {
            out += "  \(quote(edge.parent)) -> \(quote(edge.child));\n"
        }
        out += legend
        out += "}\n"
        return out
    }

    private static func label(_ task: TaskSummary) -> String {
        let short = String(task.udid.prefix(8))
        let type = task.typeName ?? "no task_type"
        return task.completed ? "\(short)\n\(type)\ncompleted" : "\(short)\n\(type)"
    }

    private static func shape(_ typeName: String?) -> String {
        switch typeName.flatMap(TaskType.init(rawValue:)) {
        case .source: return "invhouse"
        case .middle: return "box"
        case .leaf: return "house"
        case .sourceLeaf: return "diamond"
        case nil: return "octagon"
        }
    }

    private static func colour(_ typeName: String?) -> String {
        switch typeName.flatMap(TaskType.init(rawValue:)) {
        case .source: return "#2166ac"
        case .middle: return "#4d4d4d"
        case .leaf: return "#b2182b"
        case .sourceLeaf: return "#762a83"
        case nil: return "#e08214"
        }
    }

    private static let legend: String = {
        var out = "\n  subgraph cluster_legend {\n    label=\"legend\"; fontsize=10; color=\"#bbbbbb\";\n"
        let samples: [(String, String?, Bool)] = [
            ("legend_source", "source", false), ("legend_middle", "middle", false), ("legend_leaf", "leaf", false),
            ("legend_source_leaf", "source_leaf", false), ("legend_completed", "middle", true),
        ]
        for (id, type, completed) in samples {
            let text = completed ? "completed" : (type ?? "")
            out +=
                "    \(id) [label=\(quote(text)), shape=\(shape(type)), color=\(quote(colour(type))), fillcolor=\(quote(completed ? "#a6dba0" : "#f7f7f7"))\(completed ? ", penwidth=2" : "")];\n"
        }
        out += "    legend_source -> legend_middle -> legend_leaf [style=invis];\n"
        out += "    legend_source_leaf -> legend_completed [style=invis];\n  }\n"
        return out
    }()

    /// A DOT double-quoted string: quotes and backslashes escaped, newlines as `\n`
    /// (a centred line break in labels), other control bytes dropped to `\xNN` text.
    static func quote(_ text: String) -> String {
        "\"" + Escaping.escapingScalars(text, quotes: true) { "\\\\x" + String($0, radix: 16) } + "\""
    }
}

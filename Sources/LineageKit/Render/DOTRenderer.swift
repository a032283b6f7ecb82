/// Renders a `Subgraph` as Graphviz DOT: one node per task (id = udid, label = short
/// udid and type), shape and colour by type, completed tasks filled green with a
/// bold outline, edges parent -> child, and a legend. A pure function of its input.
public enum DOTRenderer {
    /// The DOT text for `graph`, titled `title` (escaped, so any bytes are safe).
    public static func render(_ graph: Subgraph, title: String) -> String {
        var out: [UInt8] = []
        appendHeader(title: title, to: &out)
        for task in graph.tasks { appendNode(task, focus: graph.focus, to: &out) }
        appendEdgesStart(to: &out)
        for edge in graph.edges { appendEdge(parent: edge.parent, child: edge.child, to: &out) }
        appendFooter(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The graph's opening lines. A caller streaming a large graph appends the header,
    /// every node, `appendEdgesStart`, every edge, then the footer; together they are
    /// `render`'s text, byte for byte.
    public static func appendHeader(title: String, to out: inout [UInt8]) {
        out.append(contentsOf: "digraph lineage {\n".utf8)
        out.append(contentsOf: "  graph [rankdir=TB, fontname=\"Helvetica\", label=".utf8)
        appendQuoted(title, to: &out)
        out.append(contentsOf: ", labelloc=t, fontsize=12];\n".utf8)
        out.append(contentsOf: "  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n".utf8)
        out.append(contentsOf: "  edge [color=\"#555555\", arrowsize=0.7];\n\n".utf8)
    }

    /// One task's node line; `focus` is the udid drawn with a double outline, if any.
    public static func appendNode(_ task: TaskSummary, focus: String?, to out: inout [UInt8]) {
        out.append(contentsOf: "  ".utf8)
        appendQuoted(task.udid, to: &out)
        out.append(contentsOf: " [label=".utf8)
        appendQuoted(label(task), to: &out)
        out.append(contentsOf: ", shape=".utf8)
        out.append(contentsOf: shape(task.typeName).utf8)
        out.append(contentsOf: (task.completed ? ", fillcolor=\"#a6dba0\", color=" : ", fillcolor=\"#f7f7f7\", color=").utf8)
        appendQuoted(colour(task.typeName), to: &out)
        out.append(contentsOf: ", tooltip=".utf8)
        appendQuoted(task.udid, to: &out)
        if task.completed { out.append(contentsOf: ", penwidth=2".utf8) }
        if task.udid == focus { out.append(contentsOf: ", peripheries=2".utf8) }
        if task.typeName.flatMap(TaskType.init(rawValue:)) == nil { out.append(contentsOf: ", style=\"filled,dashed\"".utf8) }
        out.append(contentsOf: "];\n".utf8)
    }

    /// The blank line between the nodes and the edges.
    public static func appendEdgesStart(to out: inout [UInt8]) { out.append(0x0a) }

    /// One edge line, `parent -> child`.
    public static func appendEdge(parent: String, child: String, to out: inout [UInt8]) {
        out.append(contentsOf: "  ".utf8)
        appendQuoted(parent, to: &out)
        out.append(contentsOf: " -> ".utf8)
        appendQuoted(child, to: &out)
        out.append(contentsOf: ";\n".utf8)
    }

    /// The legend and the closing brace.
    public static func appendFooter(to out: inout [UInt8]) {
        out.append(contentsOf: legend.utf8)
        out.append(contentsOf: "}\n".utf8)
    }

    private static func label(_ task: TaskSummary) -> String {
        let short = String(task.udid.prefix(8))
        let type = task.typeName ?? "no task_type"
        return task.completed ? "\(short)\n\(type)\ncompleted" : "\(short)\n\(type)"
    }

    static func shape(_ typeName: String?) -> String {
        switch typeName.flatMap(TaskType.init(rawValue:)) {
        case .source: return "invhouse"
        case .middle: return "box"
        case .leaf: return "house"
        case .sourceLeaf: return "diamond"
        case nil: return "octagon"
        }
    }

    static func colour(_ typeName: String?) -> String {
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
        var out: [UInt8] = []
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `quote` into a byte buffer, byte by byte over the UTF-8 (a byte of a multi-byte
    /// character is never below 0x80, so only ASCII bytes can need escaping): a udid is
    /// copied as it is, with no per-character string building.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        // The common case, a udid or a type word: nothing to escape, one block copy.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5c && $0 != 0x7f }) {
            out.append(contentsOf: text.utf8)
            out.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22, 0x5c: out.append(contentsOf: [0x5c, byte])
            case 0x0a: out.append(contentsOf: [0x5c, 0x6e])
            case 0..<0x20, 0x7f: out.append(contentsOf: Array(("\\\\x" + String(byte, radix: 16)).utf8))
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}

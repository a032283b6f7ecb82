/// Renders a `Subgraph` or a `StageGraph` in the node-link JSON form graph libraries read
/// directly (NetworkX `node_link_graph(data, edges="links")`, D3):
/// `{"schema_version": 1, "kind": "dag", "directed": true, "multigraph": false, "graph": {...},
/// "nodes": [...], "links": [...]}` (graph libraries ignore the first two keys).
/// A task node is `{"id": udid, "task_type": stored type or null, "completed": bool}`, a link
/// `{"source": parent, "target": child}`. One node or link per line. Pure.
public enum GraphJSONRenderer {
    /// The members every document opens with.
    static let head = "\"schema_version\": \(Rows.schemaVersion), \"kind\": \"dag\", \"directed\": true, \"multigraph\": false, "

    /// The JSON text for `graph`, titled `title`.
    public static func render(_ graph: Subgraph, title: String) -> String {
        var out: [UInt8] = []
        appendHeader(title: title, focus: graph.focus, to: &out)
        for (at, task) in graph.tasks.enumerated() { appendNode(task, first: at == 0, to: &out) }
        appendLinksStart(to: &out)
        for (at, edge) in graph.edges.enumerated() { appendLink(parent: edge.parent, child: edge.child, first: at == 0, to: &out) }
        appendFooter(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The opening, up to the first node. A caller streaming a large graph appends the
    /// header, every node (`first` for the first), `appendLinksStart`, every link, then the
    /// footer; together they are `render`'s text, byte for byte.
    public static func appendHeader(title: String, focus: String?, to out: inout [UInt8]) {
        out.append(contentsOf: "{\(head)\"graph\": {\"title\": \(Escaping.jsonString(title))".utf8)
        if let focus {
            out.append(contentsOf: ", \"focus\": ".utf8)
            appendString(focus, to: &out)
        }
        out.append(contentsOf: "},\n \"nodes\": [".utf8)
    }

    /// One task's node.
    public static func appendNode(_ task: TaskSummary, first: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: (first ? "\n  {\"id\": " : ",\n  {\"id\": ").utf8)
        appendString(task.udid, to: &out)
        out.append(contentsOf: ", \"task_type\": ".utf8)
        if let type = task.typeName { appendString(type, to: &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: (task.completed ? ", \"completed\": true}" : ", \"completed\": false}").utf8)
    }

    /// The end of the nodes and the start of the links.
    public static func appendLinksStart(to out: inout [UInt8]) { out.append(contentsOf: "\n ],\n \"links\": [".utf8) }

    /// One edge, parent to child.
    public static func appendLink(parent: String, child: String, first: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: (first ? "\n  {\"source\": " : ",\n  {\"source\": ").utf8)
        appendString(parent, to: &out)
        out.append(contentsOf: ", \"target\": ".utf8)
        appendString(child, to: &out)
        out.append(0x7d)
    }

    /// The end of the links and of the object.
    public static func appendFooter(to out: inout [UInt8]) { out.append(contentsOf: "\n ]}\n".utf8) }

    /// The stage picture: nodes `{"id", "stage" (null when unstaged), "task_type" (null when
    /// unknown), "tasks", "completed"}`, links `{"source", "target", "edges"}`; the graph
    /// object holds the title and the checkpoint's task and edge counts.
    public static func render(_ stages: StageGraph, title: String) -> String {
        var out = "{\(head)\"graph\": {\"title\": \(Escaping.jsonString(title)), "
        out += "\"tasks\": \(stages.taskCount), \"edges\": \(stages.edgeCount)},\n \"nodes\": ["
        for (at, group) in stages.groups.enumerated() {
            let stage = group.stage.map(String.init) ?? "null"
            let type = group.type.map { "\"\($0.rawValue)\"" } ?? "null"
            out += at == 0 ? "\n" : ",\n"
            out += "  {\"id\": \"\(group.id)\", \"stage\": \(stage), \"task_type\": \(type), \"tasks\": \(group.tasks), \"completed\": \(group.completed)}"
        }
        out += "\n ],\n \"links\": ["
        for (at, link) in stages.links.enumerated() {
            out += at == 0 ? "\n" : ",\n"
            out += "  {\"source\": \"\(stages.groups[link.source].id)\", \"target\": \"\(stages.groups[link.target].id)\", \"edges\": \(link.edges)}"
        }
        return out + "\n ]}\n"
    }

    /// A udid or type as a JSON string; the common case (nothing to escape) is one copy.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7f && $0 != 0x22 && $0 != 0x5c }) {
            out.append(contentsOf: text.utf8)
        } else {
            // Valid Unicode (a decoded key): keep it, escape quotes and control characters.
            let quoted = Escaping.jsonString(text)
            out.append(contentsOf: quoted.utf8.dropFirst().dropLast())
        }
        out.append(0x22)
    }
}

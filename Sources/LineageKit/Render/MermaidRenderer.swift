/// The sizes above which Mermaid refuses to draw (its `maxEdges` and `maxTextSize`
/// defaults), so an export that would only show an error is refused before it is written.
public struct MermaidLimits: Sendable, Equatable {
    /// Edges in the diagram.
    public var edges: Int
    /// Characters of diagram text (UTF-16 units, as Mermaid counts them).
    public var characters: Int

    /// Mermaid's defaults: 500 edges, 50,000 characters.
    public static let standard = MermaidLimits(edges: 500, characters: 50_000)

    public init(edges: Int, characters: Int) {
        self.edges = edges
        self.characters = characters
    }
}

/// A Mermaid diagram over `MermaidLimits`: the edges it would have (when that is the
/// limit exceeded) or its characters.
public struct MermaidTooLarge: Error, Equatable, Sendable, CustomStringConvertible {
    /// Edges in the diagram, when they exceed the limit.
    public let edges: Int?
    /// Characters of the diagram, when they exceed the limit.
    public let characters: Int?
    /// The limits exceeded.
    public let limits: MermaidLimits

    public var description: String {
        if let edges { return "the Mermaid diagram would have \(edges) edges, more than the \(limits.edges) Mermaid draws" }
        return "the Mermaid diagram would have \(characters ?? 0) characters, more than the \(limits.characters) Mermaid draws"
    }
}

/// Renders a `Subgraph` or a `StageGraph` as a Mermaid `flowchart TD`, which GitHub and
/// GitLab draw in Markdown: node shapes and classes by type, completed tasks filled green
/// with a bold outline (as in DOT), ids made from udids, labels escaped with Mermaid's
/// entity codes so no byte of a checkpoint can end a label or start a statement.
public enum MermaidRenderer {
    /// The diagram for `graph`, titled `title` (escaped).
    /// Throws `MermaidTooLarge` when it would exceed `limits`; the edge count is checked
    /// before anything is rendered.
    public static func render(_ graph: Subgraph, title: String, limits: MermaidLimits = .standard) throws(MermaidTooLarge) -> String {
        if graph.edges.count > limits.edges { throw MermaidTooLarge(edges: graph.edges.count, characters: nil, limits: limits) }
        var out = header(title: title)
        for task in graph.tasks {
            let short = String(task.udid.prefix(8))
            var lines = [short, task.typeName ?? "no task_type"]
            if task.completed { lines.append("completed") }
            out += "  \(id(task.udid))\(shaped(lines, type: task.typeName)):::\(className(task.typeName, completed: task.completed))\n"
        }
        for edge in graph.edges { out += "  \(id(edge.parent)) --> \(id(edge.child))\n" }
        if let focus = graph.focus { out += "  style \(id(focus)) stroke-width:4px\n" }
        return try checked(out, limits: limits)
    }

    /// The stage picture: one node per group, one edge per link labelled with its number
    /// of task edges. Throws `MermaidTooLarge` as `render(_:title:limits:)` does.
    public static func render(_ stages: StageGraph, title: String, limits: MermaidLimits = .standard) throws(MermaidTooLarge) -> String {
        if stages.links.count > limits.edges { throw MermaidTooLarge(edges: stages.links.count, characters: nil, limits: limits) }
        var out = header(title: title)
        for group in stages.groups {
            let lines = StageLabels.label(group).split(separator: "\n").map(String.init)
            let done = group.tasks > 0 && group.completed == group.tasks
            out += "  \(group.id)\(shaped(lines, type: group.type?.rawValue)):::\(className(group.type?.rawValue, completed: done))\n"
        }
        for link in stages.links {
            out += "  \(stages.groups[link.source].id) -->|\(StageLabels.count(link.edges))| \(stages.groups[link.target].id)\n"
        }
        return try checked(out, limits: limits)
    }

    /// The node id for a udid: `t` and the udid when it is ASCII letters and digits (every
    /// udid of a sound file), else `b` and the hex of its bytes, so any key gives a valid,
    /// distinct id.
    public static func id(_ udid: String) -> String {
        let plain = !udid.isEmpty && udid.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5a).contains($0) || (0x61...0x7a).contains($0) }
        if plain { return "t" + udid }
        var out: [UInt8] = [0x62]
        for byte in udid.utf8 { out += [Hex.digit(byte >> 4), Hex.digit(byte & 0xf)] }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` for the inside of a double-quoted Mermaid label: `"`, `#`, `&`, `<`, `>` and
    /// the backtick as Mermaid's numeric entity codes (`#34;`), control characters as
    /// `\xNN` text, and the word "direction" with its `d` as an entity.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "#", "&", "<", ">", "`": out += "#\(scalar.value);"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f: out += "\\x" + String(format2: scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        // Mermaid's lexer takes any line holding "direction TB" (LR, ...) for a direction
        // statement, even inside a quoted label: break the word with an entity.
        return out.replacing("direction", with: "#100;irection")
    }

    private static func header(title: String) -> String {
        // Front matter: the title as a JSON string, which YAML reads as a double-quoted scalar.
        var out = "---\ntitle: \(Escaping.jsonString(title))\n---\nflowchart TD\n"
        for type in TaskType.allCases.map(\.rawValue) + [nil] {
            for completed in [false, true] {
                let fill = completed ? "#a6dba0" : "#f7f7f7"
                let width = completed ? ",stroke-width:2px" : ""
                let dash = type == nil ? ",stroke-dasharray:4 2" : ""
                out += "  classDef \(className(type, completed: completed)) fill:\(fill),stroke:\(DOTRenderer.colour(type))\(width)\(dash)\n"
            }
        }
        return out
    }

    private static func className(_ type: String?, completed: Bool) -> String {
        let base = type.flatMap(TaskType.init(rawValue:))?.rawValue ?? "unknown"
        return completed ? base + "_completed" : base
    }

    /// The label in the shape of its type: source a trapezoid, middle a rectangle, leaf an
    /// inverted trapezoid, source_leaf a rhombus, anything else a hexagon.
    private static func shaped(_ lines: [String], type: String?) -> String {
        let text = "\"" + lines.map(escaped).joined(separator: "<br>") + "\""
        switch type.flatMap(TaskType.init(rawValue:)) {
        case .source: return "[/" + text + "\\]"
        case .middle: return "[" + text + "]"
        case .leaf: return "[\\" + text + "/]"
        case .sourceLeaf: return "{" + text + "}"
        case nil: return "{{" + text + "}}"
        }
    }

    private static func checked(_ text: String, limits: MermaidLimits) throws(MermaidTooLarge) -> String {
        let characters = text.utf16.count
        if characters > limits.characters { throw MermaidTooLarge(edges: nil, characters: characters, limits: limits) }
        return text
    }
}

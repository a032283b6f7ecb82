/// `lineage diff` as text and JSON: pure functions of `CheckpointDiff`.
public enum DiffRenderer {
    /// The text report: both sides, each kind's count and examples, the shape, and one
    /// closing sentence with the verdict.
    public static func text(_ diff: CheckpointDiff) -> String {
        var lines: [String] = []
        for (name, side) in [("a", diff.a), ("b", diff.b)] {
            lines.append("\(name)  \(Escaping.text(side.checkpoint)) (\(side.tasks) tasks, \(side.edges) edges, \(side.completed) completed)")
        }
        lines.append("")
        func group<E>(_ title: String, _ group: CheckpointDiff.Group<E>, _ line: (E) -> String) {
            lines.append("\(title.padding(21))\(String(group.count).leftPadding(9))")
            for example in group.examples { lines.append("  \(line(example))") }
            if group.count > group.examples.count { lines.append("  ... \(group.count - group.examples.count) more") }
        }
        let edge = { (e: CheckpointDiff.Edge) in "\(e.parent.string) -> \(e.child.string)" }
        group("tasks only in a", diff.tasksOnlyInA) { $0.string }
        group("tasks only in b", diff.tasksOnlyInB) { $0.string }
        group("edges only in a", diff.edgesOnlyInA, edge)
        group("edges only in b", diff.edgesOnlyInB, edge)
        group("type changed", diff.typeChanged) { "\($0.udid.string)  \(name($0.a)) -> \(name($0.b))" }
        group("completed only in a", diff.completedOnlyInA) { $0.string }
        group("completed only in b", diff.completedOnlyInB) { $0.string }
        if !diff.sameGraph {
            lines.append("")
            lines.append("shape                " + (diff.shape.equal ? "equal, \(diff.shape.renamed) tasks renamed" : "different: not the same DAG with other udids"))
            if diff.shape.renamed > 0 {
                group("first renamed", diff.shape.firstRenamed) { "\($0.a.string) (a) = \($0.b.string) (b)" }
            }
        }
        lines.append("")
        lines.append(sentence(diff))
        return lines.joined(separator: "\n")
    }

    /// The closing sentence: which of identical, completion only, same DAG with different
    /// udids, or different work.
    public static func sentence(_ diff: CheckpointDiff) -> String {
        switch diff.verdict {
        case .identical: return "The checkpoints are identical."
        case .completionDiffers: return "Same tasks and edges; only completion differs."
        case .sameShape:
            guard let first = diff.shape.firstRenamed.examples.first else {
                return "The same DAG with different udids."
            }
            return "The same DAG with different udids: the lineage path first differs at \(first.a.string) (\(first.b.string) in b)."
        case .differentWork: return "Different work: the two DAGs differ in shape."
        }
    }

    /// One JSON object on one line (schema_version 1, `diff.schema.json`).
    public static func json(_ diff: CheckpointDiff) -> String {
        func side(_ s: CheckpointDiff.Side) -> String {
            "{\"checkpoint\": \(Escaping.jsonString(s.checkpoint)), \"tasks\": \(s.tasks), \"edges\": \(s.edges), \"completed\": \(s.completed)}"
        }
        func group<E>(_ g: CheckpointDiff.Group<E>, _ example: (E) -> String) -> String {
            "{\"count\": \(g.count), \"examples\": [\(g.examples.map(example).joined(separator: ", "))]}"
        }
        func quoted(_ udid: UDID) -> String { "\"\(udid.string)\"" }
        func edge(_ e: CheckpointDiff.Edge) -> String { "{\"parent\": \(quoted(e.parent)), \"child\": \(quoted(e.child))}" }
        func type(_ t: TaskType?) -> String { t.map { "\"\($0.rawValue)\"" } ?? "null" }
        let fields = [
            "\"schema_version\": 1",
            "\"kind\": \"dag\"",
            "\"a\": \(side(diff.a))",
            "\"b\": \(side(diff.b))",
            "\"identical\": \(diff.identical)",
            "\"verdict\": \"\(diff.verdict.rawValue)\"",
            "\"tasks_only_in_a\": \(group(diff.tasksOnlyInA, quoted))",
            "\"tasks_only_in_b\": \(group(diff.tasksOnlyInB, quoted))",
            "\"edges_only_in_a\": \(group(diff.edgesOnlyInA, edge))",
            "\"edges_only_in_b\": \(group(diff.edgesOnlyInB, edge))",
            "\"type_changed\": \(group(diff.typeChanged) { "{\"udid\": \(quoted($0.udid)), \"a\": \(type($0.a)), \"b\": \(type($0.b))}" })",
            "\"completed_only_in_a\": \(group(diff.completedOnlyInA, quoted))",
            "\"completed_only_in_b\": \(group(diff.completedOnlyInB, quoted))",
            "\"shape\": {\"equal\": \(diff.shape.equal), \"renamed\": \(diff.shape.renamed), \"first_renamed\": ["
                + diff.shape.firstRenamed.examples.map { "{\"a\": \(quoted($0.a)), \"b\": \(quoted($0.b))}" }.joined(separator: ", ") + "]}",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func name(_ type: TaskType?) -> String { type?.rawValue ?? "(invalid)" }
}

import LineageKit

extension Console {
    /// Streams `graph` as node-link JSON into stdout's buffer, a node or a link at a time,
    /// as `writeDOT` does for DOT.
    static func writeGraphJSON(_ graph: Subgraph, title: String, progress: ProgressHandler?) {
        let total = graph.tasks.count + graph.edges.count
        var done = 0
        func step() {
            done += 1
            if done & 0xffff == 0 { progress?(WorkProgress(phase: "writing JSON", done: done, total: total, unit: "lines")) }
        }
        withBuffer { GraphJSONRenderer.appendHeader(title: title, focus: graph.focus, to: &$0) }
        for (at, task) in graph.tasks.enumerated() {
            withBuffer { GraphJSONRenderer.appendNode(task, first: at == 0, to: &$0) }
            step()
        }
        withBuffer { GraphJSONRenderer.appendLinksStart(to: &$0) }
        for (at, edge) in graph.edges.enumerated() {
            withBuffer { GraphJSONRenderer.appendLink(parent: edge.parent, child: edge.child, first: at == 0, to: &$0) }
            step()
        }
        withBuffer { GraphJSONRenderer.appendFooter(to: &$0) }
    }
}

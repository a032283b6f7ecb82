import LineageKit

extension Console {
    /// Streams `graph` as DOT into stdout's buffer, a node or an edge at a time, so a
    /// large export is written as it is rendered, never held as one string.
    static func writeDOT(_ graph: Subgraph, title: String, progress: ProgressHandler?) {
        let total = graph.tasks.count + graph.edges.count
        var done = 0
        func step() {
            done += 1
            if done & 0xffff == 0 { progress?(WorkProgress(phase: "writing DOT", done: done, total: total, unit: "lines")) }
        }
        withBuffer { DOTRenderer.appendHeader(title: title, to: &$0) }
        for task in graph.tasks {
            withBuffer { DOTRenderer.appendNode(task, focus: graph.focus, to: &$0) }
            step()
        }
        withBuffer { DOTRenderer.appendEdgesStart(to: &$0) }
        for edge in graph.edges {
            withBuffer { DOTRenderer.appendEdge(parent: edge.parent, child: edge.child, to: &$0) }
            step()
        }
        withBuffer { DOTRenderer.appendFooter(to: &$0) }
    }
}

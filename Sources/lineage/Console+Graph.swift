import LineageKit

extension Console {
    /// Streams `graph` as DOT into stdout's buffer, a node or an edge at a time, so a
    /// large export is written as it is rendered, never held as one string.
    static func writeDOT(_ graph: Subgraph, title: String, progress: ProgressHandler?) {
        writeGraph(
            graph, phase: "writing DOT", progress: progress,
            header: { DOTRenderer.appendHeader(title: title, to: &$0) },
            node: { task, _, out in DOTRenderer.appendNode(task, focus: graph.focus, to: &out) },
            edgesStart: { DOTRenderer.appendEdgesStart(to: &$0) },
            edge: { edge, _, out in DOTRenderer.appendEdge(parent: edge.parent, child: edge.child, to: &out) },
            footer: { DOTRenderer.appendFooter(to: &$0) })
    }

    /// Streams `graph` as node-link JSON into stdout's buffer, as `writeDOT` does for DOT.
    static func writeGraphJSON(_ graph: Subgraph, title: String, progress: ProgressHandler?) {
        writeGraph(
            graph, phase: "writing JSON", progress: progress,
            header: { GraphJSONRenderer.appendHeader(title: title, focus: graph.focus, to: &$0) },
            node: { task, first, out in GraphJSONRenderer.appendNode(task, first: first, to: &out) },
            edgesStart: { GraphJSONRenderer.appendLinksStart(to: &$0) },
            edge: { edge, first, out in GraphJSONRenderer.appendLink(parent: edge.parent, child: edge.child, first: first, to: &out) },
            footer: { GraphJSONRenderer.appendFooter(to: &$0) })
    }

    /// The one streaming loop of the graph formats: header, each node, the edges' start,
    /// each edge (told whether it is the first of its list), footer; progress every 64 k lines.
    private static func writeGraph(
        _ graph: Subgraph, phase: String, progress: ProgressHandler?,
        header: (inout [UInt8]) -> Void,
        node: (TaskSummary, Bool, inout [UInt8]) -> Void,
        edgesStart: (inout [UInt8]) -> Void,
        edge: ((parent: String, child: String), Bool, inout [UInt8]) -> Void,
        footer: (inout [UInt8]) -> Void
    ) {
        let total = graph.tasks.count + graph.edges.count
        var done = 0
        func step() {
            done += 1
            if WorkProgress.isDue(done) { progress?(WorkProgress(phase: phase, done: done, total: total, unit: "lines")) }
        }
        withBuffer { header(&$0) }
        for (at, task) in graph.tasks.enumerated() {
            withBuffer { node(task, at == 0, &$0) }
            step()
        }
        withBuffer { edgesStart(&$0) }
        for (at, item) in graph.edges.enumerated() {
            withBuffer { edge(item, at == 0, &$0) }
            step()
        }
        withBuffer { footer(&$0) }
    }
}

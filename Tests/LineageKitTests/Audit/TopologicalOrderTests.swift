import LineageTestSupport
import Testing

@testable import LineageKit

@Suite("Kahn's algorithm over sweeps")
struct TopologicalOrderTests {
    private func count(_ n: Int, _ edges: [(Int32, Int32)]) -> (ordered: Int, stuck: Set<Int>) {
        let graph = AdjacencyList(nodeCount: n, sources: edges.map(\.0), destinations: edges.map(\.1))
        var indegree = [Int32](repeating: 0, count: n)
        for (from, to) in edges where from != to { indegree[Int(to)] += 1 }
        let ordered = AcyclicCheck.topologicalCount(graph, indegree: &indegree)
        return (ordered, Set((0..<n).filter { indegree[$0] > 0 }))
    }

    @Test("a chain against id order orders every task (the queue fallback)")
    func reverseChain() {
        let n = 5_000
        let edges = (1..<n).map { (Int32($0), Int32($0 - 1)) }  // n-1 -> n-2 -> ... -> 0
        let result = count(n, edges)
        #expect(result.ordered == n)
        #expect(result.stuck.isEmpty)
    }

    @Test("a random DAG orders every task; self-loops are ignored")
    func randomDAG() {
        var rng = SplitMix64(state: 99)
        let n = 20_000
        let order = (0..<n).shuffled(using: &rng).map(Int32.init)
        var edges: [(Int32, Int32)] = []
        for i in 1..<n {
            for _ in 0..<2 { edges.append((order[Int.random(in: 0..<i, using: &rng)], order[i])) }
        }
        edges.append((order[5], order[5]))
        #expect(count(n, edges).ordered == n)
    }

    @Test("tasks on or below a cycle stay unordered, the rest are ordered")
    func cycle() {
        // 0 -> 1 -> 2 -> 0 is a cycle; 2 -> 3 hangs below it; 4 -> 5 is sound.
        let result = count(6, [(0, 1), (1, 2), (2, 0), (2, 3), (4, 5)])
        #expect(result.ordered == 2)
        #expect(result.stuck == [0, 1, 2, 3])
    }
}

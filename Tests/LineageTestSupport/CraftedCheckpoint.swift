import Foundation
import LineageKit
import LineageRecorder

/// A small checkpoint written by the recorder's low-level writer, with whatever content
/// a test needs, including content the pipeline would never write.
public struct CraftedCheckpoint {
    /// Entries per sub-database, in any order; `nil` for a sub-database left out.
    public var inEdges: [(String, String)]? = []
    public var outEdges: [(String, String)]? = []
    public var taskType: [(String, String)]? = []
    public var completed: [(String, String)]? = []
    /// Whether the edge databases get `MDB_DUPSORT`, as the writer creates them.
    public var edgesDupSort = true

    public init() {}

    /// A consistent DAG: edges in both directions and every type derived from them.
    public static func dag(_ edges: [(String, String)], tasks extra: [String] = [], completed: [String] = []) -> CraftedCheckpoint {
        var crafted = CraftedCheckpoint()
        crafted.outEdges = edges
        crafted.inEdges = edges.map { ($0.1, $0.0) }
        let all = Set(edges.flatMap { [$0.0, $0.1] } + extra)
        crafted.taskType = all.sorted().map { udid in
            let type = TaskType(hasParents: edges.contains { $0.1 == udid }, hasChildren: edges.contains { $0.0 == udid })
            return (udid, type.rawValue)
        }
        crafted.completed = completed.map { ($0, "1") }
        return crafted
    }

    /// Writes the checkpoint as a single file (`MDB_NOSUBDIR`) at `file`, creating only
    /// the sub-databases that are not `nil`, with the DUPSORT flag as asked.
    public func write(to file: URL) throws {
        let databases: [(name: String, entries: [(String, String)]?, dupsort: Bool)] = [
            ("in_edges", inEdges, edgesDupSort), ("out_edges", outEdges, edgesDupSort),
            ("task_type", taskType, false), ("completed", completed, false),
        ]
        let present = databases.filter { $0.entries != nil }
        let writer = try RawCheckpointWriter(creating: file.path, databases: present.map { (name: $0.name, dupsort: $0.dupsort) })
        for database in present {
            for (key, value) in database.entries ?? [] {
                try writer.put(database: database.name, key: Array(key.utf8), value: Array(value.utf8))
            }
        }
        try writer.close()
    }
}

/// Udids for hand-made checkpoints, from real lineage paths.
public enum Tasks {
    public static let a = UDID(lineagePath: "0").string
    public static let b = UDID(lineagePath: "0_0").string
    public static let c = UDID(lineagePath: "0_0_0").string
    public static let d = UDID(lineagePath: "0_0_0_0").string
}

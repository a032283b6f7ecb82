import LineageTestSupport
import Foundation
import LineageKit
import Testing

/// A small checkpoint written by lmdb-utils' `mdb_load` (an independent writer), with
/// whatever content a test needs, including content the pipeline would never write.
struct CraftedCheckpoint {
    static let loader = "/usr/bin/mdb_load"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: loader) }

    /// Entries per sub-database, in any order; `nil` for a sub-database left out.
    var inEdges: [(String, String)]? = []
    var outEdges: [(String, String)]? = []
    var taskType: [(String, String)]? = []
    var completed: [(String, String)]? = []
    /// Whether the edge databases get `MDB_DUPSORT`, as the writer creates them.
    var edgesDupSort = true

    /// A consistent DAG: edges in both directions and every type derived from them.
    static func dag(_ edges: [(String, String)], tasks extra: [String] = [], completed: [String] = []) -> CraftedCheckpoint {
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

    /// Writes the checkpoint as a single file (`MDB_NOSUBDIR`) at `file`.
    func write(to file: URL) throws {
        var dump = ""
        func database(_ name: String, _ entries: [(String, String)]?, dupSort: Bool) {
            guard let entries else { return }
            dump += "VERSION=3\nformat=bytevalue\ndatabase=\(name)\ntype=btree\n"
            if dupSort { dump += "dupsort=1\n" }
            dump += "HEADER=END\n"
            for (key, value) in entries {
                dump += " " + hex(key) + "\n " + hex(value) + "\n"
            }
            dump += "DATA=END\n"
        }
        database("completed", completed, dupSort: false)
        database("in_edges", inEdges, dupSort: edgesDupSort)
        database("out_edges", outEdges, dupSort: edgesDupSort)
        database("task_type", taskType, dupSort: false)
        let input = file.deletingLastPathComponent().appendingPathComponent("\(file.lastPathComponent).dump")
        try Data(dump.utf8).write(to: input)
        let result = try runProcess(URL(fileURLWithPath: CraftedCheckpoint.loader), ["-n", "-f", input.path, file.path])
        try #require(result.status == 0, "mdb_load failed: \(result.stderr)")
        // mdb_load locks; a reader of the result must not need that file.
        try? FileManager.default.removeItem(atPath: file.path + "-lock")
        try? FileManager.default.removeItem(at: input)
    }

    private func hex(_ text: String) -> String {
        text.utf8.map { String(format: "%02x", $0) }.joined()
    }
}

/// Udids for hand-made checkpoints, from real lineage paths.
enum Tasks {
    static let a = UDID(lineagePath: "0").string
    static let b = UDID(lineagePath: "0_0").string
    static let c = UDID(lineagePath: "0_0_0").string
    static let d = UDID(lineagePath: "0_0_0_0").string
}

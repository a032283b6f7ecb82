import Foundation
import Testing

/// One pipeline-written fixture checkpoint and what its JSON twin says it holds.
struct FixtureExpectation: Sendable {
    /// What the writer's own reader read back for one task.
    struct Record: Sendable, Equatable {
        var taskType: String
        var completed: Bool
        var parents: [String]
        var children: [String]
    }

    /// The six fixtures, by name.
    static let names = [
        "four_stage", "four_stage_rooted", "four_stage_completed",
        "partial_completion", "killed_midrun", "retries_and_joins",
    ]

    let name: String
    let checkpoint: URL
    /// udid -> record, parents and children sorted.
    let records: [String: Record]
    /// lineage path -> udid.
    let paths: [String: String]

    /// Every edge `(parent, child)` the records imply, sorted by parent then child.
    var edges: [Edge] {
        records.flatMap { udid, record in record.children.map { Edge(parent: udid, child: $0) } }.sorted()
    }

    /// Every udid, sorted.
    var udids: [String] { records.keys.sorted() }

    static func load(_ name: String) throws -> FixtureExpectation {
        let checkpoint = try #require(
            Bundle.module.url(forResource: name, withExtension: "mdb", subdirectory: "Fixtures"),
            "fixture \(name).mdb is not in the test bundle")
        let jsonURL = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL))
        let top = try #require(object as? [String: Any])
        let rawRecords = try #require(top["records"] as? [String: [String: Any]])
        let paths = try #require(top["paths"] as? [String: String])
        var records: [String: Record] = [:]
        for (udid, raw) in rawRecords {
            records[udid] = Record(
                taskType: try #require(raw["task_type"] as? String),
                completed: try #require(raw["completed"] as? Bool),
                parents: try #require(raw["parents"] as? [String]).sorted(),
                children: try #require(raw["children"] as? [String]).sorted())
        }
        return FixtureExpectation(name: name, checkpoint: checkpoint, records: records, paths: paths)
    }
}

/// A parent -> child edge, ordered as `out_edges` stores it.
struct Edge: Hashable, Comparable, Sendable, CustomStringConvertible {
    var parent: String
    var child: String

    static func < (lhs: Edge, rhs: Edge) -> Bool { (lhs.parent, lhs.child) < (rhs.parent, rhs.child) }
    var description: String { "\(parent) -> \(child)" }
}


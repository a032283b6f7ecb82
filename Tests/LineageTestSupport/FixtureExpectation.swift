import Foundation

/// One pipeline-written fixture checkpoint and what its JSON twin says it holds. Every
/// test target reads the fixtures, their names and their JSON through this type.
public struct FixtureExpectation: Sendable {
    /// What the writer's own reader read back for one task.
    public struct Record: Sendable, Equatable, Decodable {
        public var taskType: String
        public var completed: Bool
        public var parents: [String]
        public var children: [String]

        enum CodingKeys: String, CodingKey {
            case taskType = "task_type"
            case completed, parents, children
        }
    }

    /// The six fixtures, by name.
    public static let names = [
        "four_stage", "four_stage_rooted", "four_stage_completed",
        "partial_completion", "killed_midrun", "retries_and_joins",
    ]

    /// Where the fixtures are, found from this file's path (…/Tests/LineageTestSupport/),
    /// so test targets without the fixtures as resources read the same files.
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("LineageKitTests/Fixtures", isDirectory: true)

    /// The checkpoint file of fixture `name`.
    public static func checkpoint(_ name: String) -> URL { directory.appendingPathComponent("\(name).mdb") }

    public let name: String
    public let checkpoint: URL
    /// What the fixture is, as the pipeline run that wrote it describes it.
    public let description: String
    /// udid -> record, parents and children sorted.
    public let records: [String: Record]
    /// lineage path -> udid.
    public let paths: [String: String]

    /// Every edge `(parent, child)` the records imply, sorted by parent then child.
    public var edges: [Edge] {
        records.flatMap { udid, record in record.children.map { Edge(parent: udid, child: $0) } }.sorted()
    }

    /// Every udid, sorted.
    public var udids: [String] { records.keys.sorted() }

    /// The JSON beside a fixture: `description`, `paths` and `records`.
    private struct File: Decodable {
        let description: String
        let paths: [String: String]
        let records: [String: Record]
    }

    /// Reads fixture `name`'s JSON; throws when it is missing or not the expected shape.
    public static func load(_ name: String) throws -> FixtureExpectation {
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: directory.appendingPathComponent("\(name).json")))
        return FixtureExpectation(
            name: name, checkpoint: checkpoint(name), description: file.description,
            records: file.records.mapValues { record in
                var sorted = record
                sorted.parents.sort()
                sorted.children.sort()
                return sorted
            },
            paths: file.paths)
    }
}

/// A parent -> child edge, ordered as `out_edges` stores it.
public struct Edge: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var parent: String
    public var child: String

    public init(parent: String, child: String) {
        self.parent = parent
        self.child = child
    }

    public static func < (lhs: Edge, rhs: Edge) -> Bool { (lhs.parent, lhs.child) < (rhs.parent, rhs.child) }
    public var description: String { "\(parent) -> \(child)" }
}

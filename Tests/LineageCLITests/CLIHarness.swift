import Foundation
import LineageTestSupport
import Testing

/// Runs the built `lineage` binary and finds the pipeline fixtures, both located from
/// this file's path (…/Tests/LineageCLITests/CLIHarness.swift).
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/lineage")
    static let fixtures = packageRoot.appendingPathComponent("Tests/LineageKitTests/Fixtures")

    static let fixtureNames = [
        "four_stage", "four_stage_rooted", "four_stage_completed",
        "partial_completion", "killed_midrun", "retries_and_joins",
    ]

    typealias Result = ProcessOutput

    /// Runs `lineage arguments…` with `LINEAGE_CHECKPOINT` unset unless `environment` sets it.
    /// `prefix` runs it through another program (e.g. setpriv) first.
    static func run(_ arguments: [String], environment: [String: String] = [:], prefix: [String] = []) throws -> Result {
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "the lineage binary is not built at \(binary.path); run `swift build` in \(packageRoot.path) first")
        var env = ProcessInfo.processInfo.environment
        env["LINEAGE_CHECKPOINT"] = nil
        env.merge(environment) { $1 }
        if let tool = prefix.first {
            return try runProcess(URL(fileURLWithPath: tool), Array(prefix.dropFirst()) + [binary.path] + arguments, environment: env)
        }
        return try runProcess(binary, arguments, environment: env)
    }

    /// Runs a program (not lineage) on `input`, given as a file after `arguments`, e.g. dot.
    static func tool(_ path: String, _ arguments: [String], input: Data) throws -> Result {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("input")
            try input.write(to: file)
            return try exec(path, arguments + [file.path])
        }
    }

    /// Runs a program and collects its output.
    static func exec(_ path: String, _ arguments: [String]) throws -> Result {
        try runProcess(URL(fileURLWithPath: path), arguments)
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent("\(name).mdb").path }
}

/// The JSON beside a fixture: udid -> record, and lineage path -> udid.
struct FixtureJSON {
    struct Record: Equatable {
        var taskType: String
        var completed: Bool
        var parents: [String]
        var children: [String]
    }

    let path: String
    let records: [String: Record]
    let paths: [String: String]

    var udids: [String] { records.keys.sorted() }
    /// `parent\tchild`, sorted by parent then child.
    var edgeLines: [String] {
        records.flatMap { udid, record in record.children.map { "\(udid)\t\($0)" } }.sorted()
    }

    init(_ name: String) throws {
        path = CLI.fixture(name)
        let data = try Data(contentsOf: CLI.fixtures.appendingPathComponent("\(name).json"))
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let raw = try #require(top["records"] as? [String: [String: Any]])
        paths = try #require(top["paths"] as? [String: String])
        var records: [String: Record] = [:]
        for (udid, fields) in raw {
            records[udid] = Record(
                taskType: try #require(fields["task_type"] as? String),
                completed: try #require(fields["completed"] as? Bool),
                parents: try #require(fields["parents"] as? [String]).sorted(),
                children: try #require(fields["children"] as? [String]).sorted())
        }
        self.records = records
    }
}

extension ProcessOutput {
    var lines: [String] { text.split(separator: "\n").map(String.init) }
    func json() throws -> Any { try JSONSerialization.jsonObject(with: stdout) }
}

extension String {
    /// Lines without the trailing empty one.
    var lines: [String] { split(separator: "\n").map(String.init) }
}

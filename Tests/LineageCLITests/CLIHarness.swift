import Foundation
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

    struct Result: CustomStringConvertible {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        var lines: [String] { text.split(separator: "\n").map(String.init) }
        var description: String { "exit \(status)\nstdout: \(text.prefix(2000))\nstderr: \(stderr)" }

        func json() throws -> Any { try JSONSerialization.jsonObject(with: stdout) }
    }

    /// Runs `lineage arguments…` with `LINEAGE_CHECKPOINT` unset unless `environment` sets it.
    /// `prefix` runs it through another program (e.g. setpriv) first.
    static func run(_ arguments: [String], environment: [String: String] = [:], prefix: [String] = []) throws -> Result {
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "the lineage binary is not built at \(binary.path); run `swift build` in \(packageRoot.path) first")
        let process = Process()
        if let tool = prefix.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(prefix.dropFirst()) + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["LINEAGE_CHECKPOINT"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr on another thread so neither pipe can fill up and stall the child.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData = err.fileHandleForReading.readDataToEndOfFile() }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outputData, stderr: String(decoding: errorData, as: UTF8.self))
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData = err.fileHandleForReading.readDataToEndOfFile() }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outputData, stderr: String(decoding: errorData, as: UTF8.self))
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

/// A fresh directory under the system temp directory, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-cli-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        try? FileManager.default.removeItem(at: directory)
    }
    return try body(directory)
}

extension String {
    /// Lines without the trailing empty one.
    var lines: [String] { split(separator: "\n").map(String.init) }
}

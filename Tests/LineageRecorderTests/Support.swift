import Foundation
import LineageKit
import Testing

/// Runs `body` with a fresh directory of its own, removed afterwards.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("LineageRecorderTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// The pipeline fixtures committed with the reader's tests (copies of the shared ones).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("LineageKitTests/Fixtures", isDirectory: true)

    static func database(_ name: String) -> URL { directory.appendingPathComponent("\(name).mdb") }

    /// The fixture's JSON: description, `paths` (path -> udid), `records`.
    struct Description: Decodable {
        struct Record: Decodable {
            let parents: [String]
            let children: [String]
            let task_type: String
            let completed: Bool
        }
        let description: String
        let paths: [String: String]
        let records: [String: Record]
    }

    static func description(_ name: String) throws -> Description {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        return try JSONDecoder().decode(Description.self, from: data)
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    let description: String
}

/// lmdb-utils as an independent oracle. Tools run on a copy in a directory of their own,
/// because they create a `-lock` file beside what they open.
enum Oracle {
    /// `mdb_dump -p -a -n` of a copy of `file`.
    static func dump(_ file: URL) throws -> String {
        try run("/usr/bin/mdb_dump", ["-p", "-a", "-n"], onCopyOf: file)
    }

    /// `mdb_stat -a -n` of a copy of `file`.
    static func stat(_ file: URL) throws -> String {
        try run("/usr/bin/mdb_stat", ["-a", "-n"], onCopyOf: file)
    }

    private static func run(_ tool: String, _ arguments: [String], onCopyOf file: URL) throws -> String {
        try withTemporaryDirectory { directory in
            let copy = directory.appendingPathComponent(file.lastPathComponent)
            try FileManager.default.copyItem(at: file, to: copy)
            let errors = directory.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            let errorHandle = try FileHandle(forWritingTo: errors)
            defer { try? errorHandle.close() }
            let output = Pipe()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments + [copy.path]
            process.standardOutput = output
            process.standardError = errorHandle
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
                throw ToolFailure(description: "\(tool) exited \(process.terminationStatus): \(message)")
            }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// A parsed `mdb_dump -p -a` output: per sub-database, its header lines and entries.
struct Dump {
    struct Database {
        var header: [String: String] = [:]
        /// key -> values in dump order (several for a DUPSORT key).
        var entries: [String: [String]] = [:]
        var entryCount = 0
    }

    var databases: [String: Database] = [:]

    init(_ text: String) {
        var current: (name: String, database: Database)?
        var inData = false
        var pendingKey: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if inData {
                if line == "DATA=END" {
                    if let current { databases[current.name] = current.database }
                    current = nil
                    inData = false
                } else if line.hasPrefix(" ") {
                    let text = String(line.dropFirst())
                    if let key = pendingKey {
                        current?.database.entries[key, default: []].append(text)
                        current?.database.entryCount += 1
                        pendingKey = nil
                    } else {
                        pendingKey = text
                    }
                }
            } else if line == "HEADER=END" {
                inData = true
            } else if let equals = line.firstIndex(of: "=") {
                let field = String(line[..<equals])
                let value = String(line[line.index(after: equals)...])
                if field == "VERSION" { current = (name: "", database: Database()) }
                if field == "database" { current?.name = value }
                current?.database.header[field] = value
            }
        }
    }

    subscript(name: String) -> Database? { databases[name] }

    /// The values under `udid` in `database`, sorted as LMDB stores them.
    func values(_ database: String, _ udid: UDID) -> [String] {
        databases[database]?.entries[udid.string] ?? []
    }

    func taskType(_ udid: UDID) -> String? { values("task_type", udid).first }

    func isCompleted(_ udid: UDID) -> Bool { values("completed", udid) == ["1"] }
}

extension URL {
    /// The `-lock` file liblmdb would create beside this data file.
    var lockFile: URL { URL(fileURLWithPath: path + "-lock") }
}

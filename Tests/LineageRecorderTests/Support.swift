import Foundation
import LineageKit
import LineageTestSupport
import Testing

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
            let result = try runProcess(URL(fileURLWithPath: tool), arguments + [copy.path])
            guard result.status == 0 else {
                throw ToolFailure(description: "\(tool) exited \(result.status): \(result.stderr)")
            }
            return result.text
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

import Foundation
import LineageTestSupport
import Testing

/// Runs the built `lineage` binary: `LINEAGE_TEST_BINARY` if set (`make test` sets the
/// release build it just made: a debug build spends most of each start validating its
/// argument definitions), else the debug build, located from this file's path
/// (…/Tests/LineageCLITests/CLIHarness.swift).
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let debugBinary = packageRoot.appendingPathComponent(".build/debug/lineage")
    static let binary = ProcessInfo.processInfo.environment["LINEAGE_TEST_BINARY"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        ?? debugBinary
    static let fixtureNames = FixtureExpectation.names

    typealias Result = ProcessOutput

    /// Runs `lineage arguments…` with `LINEAGE_CHECKPOINT` unset unless `environment` sets it.
    /// `prefix` runs it through another program (e.g. setpriv) first.
    static func run(_ arguments: [String], environment: [String: String] = [:], prefix: [String] = []) throws -> Result {
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "the lineage binary is not built at \(binary.path); run `swift build` (or `make release` for LINEAGE_TEST_BINARY) in \(packageRoot.path) first")
        var env = ProcessInfo.processInfo.environment
        env["LINEAGE_CHECKPOINT"] = nil
        env.merge(environment) { $1 }
        if let tool = prefix.first {
            return try runProcess(URL(fileURLWithPath: tool), Array(prefix.dropFirst()) + [binary.path] + arguments, environment: env)
        }
        return try runProcess(binary, arguments, environment: env)
    }

    /// Runs lineage with `input` on its stdin.
    static func run(_ arguments: [String], stdin input: String, environment: [String: String] = [:]) throws -> Result {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("stdin")
            try Data(input.utf8).write(to: file)
            return try run(arguments, environment: environment, prefix: ["/bin/sh", "-c", "exec \"$0\" \"$@\" < '\(file.path)'"])
        }
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

    static func fixture(_ name: String) -> String { FixtureExpectation.checkpoint(name).path }

    /// Starts `process` with SIGINT and SIGTERM unblocked: a child inherits the spawning
    /// thread's signal mask, and the test runner's worker threads block both, so a child
    /// started plainly would ignore `terminate()` until it ended on its own.
    static func start(_ process: Process) throws {
        var interrupts = sigset_t()
        var previousMask = sigset_t()
        sigemptyset(&interrupts)
        sigaddset(&interrupts, SIGINT)
        sigaddset(&interrupts, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &interrupts, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
        try process.run()
    }
}

extension FixtureExpectation {
    /// The checkpoint's path, as given to `-c`.
    var path: String { checkpoint.path }
    /// `parent\tchild`, sorted by parent then child, as `lineage edges` prints them.
    var edgeLines: [String] { edges.map { "\($0.parent)\t\($0.child)" } }
}

extension ProcessOutput {
    var lines: [String] { text.split(separator: "\n").map(String.init) }
    func json() throws -> Any { try JSONSerialization.jsonObject(with: stdout) }
    /// Stdout as a record document (`--format json` of a command that lists records): checks
    /// `schema_version` 1, `kind` and the checkpoint's presence, and returns the `list` array.
    func records(_ list: String, kind: String = "dag") throws -> [[String: Any]] {
        let document = try #require(try json() as? [String: Any], "not a JSON object: \(text)")
        #expect(document["schema_version"] as? Int == 1 && document["kind"] as? String == kind, "\(text)")
        #expect(document["checkpoint"] is String, "\(text)")
        return try #require(document[list] as? [[String: Any]], "no \(list) array: \(text)")
    }

    /// Stdout as JSON Lines of records: every line carries `schema_version` 1 and `kind`;
    /// returns the objects without those two fields.
    func recordLines(kind: String = "dag") throws -> [[String: Any]] {
        try jsonLines().map { line in
            #expect(line["schema_version"] as? Int == 1 && line["kind"] as? String == kind, "\(line)")
            return line.filter { $0.key != "schema_version" && $0.key != "kind" }
        }
    }

    /// Stdout as JSON Lines: one object per line.
    func jsonLines() throws -> [[String: Any]] {
        try text.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }
}

extension String {
    /// Lines without the trailing empty one.
    var lines: [String] { split(separator: "\n").map(String.init) }
}

/// The shards of a JSON `missing` field (`[[first, last], ...]`), listed one by one; `nil`
/// when it is not that shape.
func shards(fromRanges value: Any?) -> [Int]? {
    guard let pairs = value as? [[Int]], pairs.allSatisfy({ $0.count == 2 && $0[0] <= $0[1] }) else { return nil }
    return pairs.flatMap { Array($0[0]...$0[1]) }
}

import Foundation
import LineageRecorder
import LineageTestSupport
import Testing

/// What a user may point lineage at instead of a checkpoint. Each must end in exit 2
/// with one line on stderr naming the file, never a crash.
enum BadInput: String, CaseIterable, Sendable, CustomStringConvertible {
    case missingFile, emptyFile, textFile, randomBytes, truncatedToOnePage, truncatedByOnePage, directoryWithoutData

    /// Seeds the random bytes, so a failing case can be replayed.
    static let seed: UInt64 = 0x0BAD_1A9E

    /// The case, with the seed when it is random, for failure messages.
    var description: String { self == .randomBytes ? "\(rawValue) (seed \(String(Self.seed, radix: 16)))" : rawValue }

    /// Creates the input inside `directory` and returns the path to give lineage.
    func make(in directory: URL) throws -> String {
        let fixture = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("four_stage")))
        let file = directory.appendingPathComponent("ckpt.mdb")
        switch self {
        case .missingFile: return file.path
        case .emptyFile: try Data().write(to: file)
        case .textFile: try Data("This is not a checkpoint.\nudid,type\n".utf8).write(to: file)
        case .randomBytes:
            var generator = SplitMix64(state: Self.seed)
            try Data((0..<fixture.count).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: file)
        case .truncatedToOnePage: try fixture.prefix(4096).write(to: file)
        case .truncatedByOnePage: try fixture.prefix(fixture.count - 4096).write(to: file)
        case .directoryWithoutData:
            let folder = directory.appendingPathComponent("ckpt")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder.path
        }
        return file.path
    }
}

@Suite("Unreadable checkpoints")
struct ErrorPathTests {
    static let commands: [[String]] = [
        ["show", "5feceb66ffc86f38d952786c6d696c79"], ["show", "5fec"], ["edges"], ["types"], ["types", "--summary"],
        ["export-dot"], ["verify"],
    ]

    @Test("every command exits 2 with a one-line message naming the file", arguments: BadInput.allCases)
    func unreadable(input: BadInput) throws {
        try withTemporaryDirectory { directory in
            let path = try input.make(in: directory)
            for command in Self.commands {
                let result = try CLI.run(command + ["-c", path])
                #expect(result.status == 2, "\(input) \(command): \(result)")
                #expect(result.stderr.lines.count == 1, "\(input) \(command): \(result.stderr)")
                #expect(result.stderr.contains(path), "\(input) \(command): \(result.stderr)")
                #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "\(input) \(command): \(result.stderr)")
                #expect(result.stdout.isEmpty || command == ["verify"], "\(input) \(command): \(result)")
            }
            // verify with JSON still prints a parseable document saying why.
            let json = try CLI.run(["verify", path, "--format", "jsonl"])
            #expect(json.status == 2, "\(input): \(json)")
            let object = try #require(try json.json() as? [String: Any], "\(input): \(json)")
            #expect(object["ok"] as? Bool == false, "\(input)")
            if [.directoryWithoutData, .missingFile, .emptyFile, .textFile, .randomBytes].contains(input) {
                // Not read at all: the unreadable form, no counts.
                #expect((object["error"] as? String)?.contains(path) == true, "\(input)")
                #expect(object["tasks"] == nil, "\(input)")
            } else {
                // The file opened but is not sound: the structure check says where, the rest did not run.
                let checks = try #require(object["checks"] as? [[String: Any]], "\(input)")
                let structure = try #require(checks.first { $0["id"] as? String == "structure" }, "\(input)")
                #expect(structure["status"] as? String == "failed", "\(input)")
                #expect((structure["violations"] as? Int ?? 0) > 0, "\(input)")
                #expect(
                    checks.filter { $0["id"] as? String != "structure" }.allSatisfy { $0["status"] as? String == "not_run" }, "\(input)")
            }
            // Nothing was created beside the input.
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(!left.contains { $0.hasSuffix("-lock") || $0 == "lock.mdb" }, "\(input): \(left)")
        }
    }

    @Test("a directory holding a copied data.mdb reads like the file")
    func directoryLayout() throws {
        let fixture = try FixtureExpectation.load("four_stage_rooted")
        try withTemporaryDirectory { directory in
            try FileManager.default.copyItem(atPath: fixture.path, toPath: directory.appendingPathComponent("data.mdb").path)
            let types = try CLI.run(["types", "-c", directory.path])
            #expect(types.status == 0, "\(types)")
            #expect(types.text.lines.count == fixture.records.count)
            let edges = try CLI.run(["edges", "-c", directory.path])
            #expect(edges.text.lines == fixture.edgeLines)
            let verify = try CLI.run(["verify", directory.path])
            #expect(verify.status == 0, "\(verify)")
            let show = try CLI.run(["show", "-c", directory.path, "--path", "0"])
            #expect(show.status == 0, "\(show)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["data.mdb"])
        }
    }

    @Test("a sub-database missing or with the wrong flags: exit 2, one sentence naming the file and the database")
    func schemaErrors() throws {
        try withTemporaryDirectory { directory in
            let missing = directory.appendingPathComponent("no-completed.mdb").path
            try RawCheckpointWriter(creating: missing, databases: Array(RawCheckpointWriter.pipelineDatabases.prefix(3))).close()
            let flat = directory.appendingPathComponent("flat-edges.mdb").path
            try RawCheckpointWriter(
                creating: flat, databases: RawCheckpointWriter.pipelineDatabases.map { (name: $0.name, dupsort: false) }
            ).close()
            let types = try CLI.run(["types", "-c", missing])
            #expect(types.status == 2, "\(types)")
            #expect(
                types.stderr
                    == "lineage: \(missing): the checkpoint has no `completed` sub-database; it was not written by the lineage checkpoint writer or is damaged (run `lineage verify \(missing)`).\n"
            )
            let edges = try CLI.run(["edges", "-c", flat])
            #expect(edges.status == 2, "\(edges)")
            #expect(edges.stderr == "lineage: \(flat): the `out_edges` sub-database has the wrong flags; run `lineage verify \(flat)` for details.\n")
            #expect(edges.stdout.isEmpty)
        }
    }
}

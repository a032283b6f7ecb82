import Foundation
import LineageTestSupport
import Testing

/// `lineage fixture` writes what the pipeline's writer wrote: compared with the
/// pipeline's own files through `mdb_dump` (lmdb-utils), an independent reader.
@Suite("lineage fixture")
struct FixtureCommandTests {
    /// `mdb_dump -p -a -n` of a copy of `path` (mdb_dump leaves a lock file beside what it reads).
    private func dump(_ path: String, in directory: URL) throws -> String {
        try #require(
            FileManager.default.isExecutableFile(atPath: "/usr/bin/mdb_dump"), "/usr/bin/mdb_dump is missing: install lmdb-utils (CI does)")
        let copy = directory.appendingPathComponent("dump-\(UUID().uuidString).mdb")
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/mdb_dump"), ["-p", "-a", "-n", copy.path])
        try #require(result.status == 0, "\(result)")
        return result.text
    }

    @Test(
        "four-stage writes the pipeline's fixtures",
        arguments: [
            ([String](), "four_stage"), (["--rooted"], "four_stage_rooted"), (["--complete"], "four_stage_completed"),
        ])
    func fourStage(flags: [String], fixture: String) throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("out.mdb").path
            let result = try CLI.run(["fixture", "four-stage", out] + flags)
            #expect(result.status == 0, "\(result)")
            #expect(try dump(out, in: directory) == dump(CLI.fixture(fixture), in: directory))
        }
    }

    @Test("named writes the other fixtures", arguments: FixtureExpectation.names.filter { !$0.hasPrefix("four_stage") })
    func named(fixture: String) throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("out.mdb").path
            let result = try CLI.run(["fixture", "named", fixture, out])
            #expect(result.status == 0, "\(result)")
            #expect(try dump(out, in: directory) == dump(CLI.fixture(fixture), in: directory))
        }
    }

    @Test("an existing file is refused without --force and replaced with it")
    func overwrite() throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("out.mdb").path
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: out))
            let refused = try CLI.run(["fixture", "four-stage", out])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains(out) && refused.stderr.contains("--force"), "\(refused.stderr)")
            #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me")
            let forced = try CLI.run(["fixture", "four-stage", out, "--force", "--fanout", "5"])
            #expect(forced.status == 0, "\(forced)")
            // FanOut(5): five sources, five passthroughs, the fan-in and the final leaf.
            let summary = try CLI.run(["types", "--summary", "--format", "json", "-c", out])
            let counts = try #require(try summary.json() as? [String: Any])
            #expect(counts["total"] as? Int == 12)
            #expect(try CLI.run(["verify", out]).status == 0)
        }
    }

    @Test("a file that cannot be created: exit 2, one line naming it, nothing left behind")
    func cannotCreate() throws {
        try withTemporaryDirectory { directory in
            let out = directory.appendingPathComponent("missing/out.mdb").path
            for command in [["fixture", "four-stage", out], ["fixture", "pipeline", out, "--roots", "2"]] {
                let result = try CLI.run(command)
                #expect(result.status == 2, "\(command): \(result)")
                #expect(result.stdout.isEmpty)
                #expect(result.stderr == "lineage: cannot create \(out): No such file or directory (errno 2)\n", "\(result.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing").path))
        }
    }
}

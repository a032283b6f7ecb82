import Foundation
import LineageTestSupport
import Testing

/// Checkpoints live on shared storage: reading must not create, lock or change anything.
@Suite("Read-only for real")
struct ReadOnlyTests {
    static let fanIn = "ffda5213977a2f1e9422272e5baae3bb"
    static let commands: [[String]] = [
        ["show", fanIn], ["show", "ffda"], ["show", "--path", "0"], ["edges"], ["edges", "--child", fanIn],
        ["types"], ["types", "--summary"], ["export-dot"], ["export-dot", "--around", fanIn], ["verify"],
    ]

    /// A read-only copy of a fixture in a read-only directory, with an old mtime.
    static func withReadOnlyCopy(_ name: String, _ body: (_ directory: URL, _ file: URL) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("\(name).mdb")
            try FileManager.default.copyItem(atPath: CLI.fixture(name), toPath: file.path)
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: 1_600_000_000), .posixPermissions: 0o444], ofItemAtPath: file.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
            try body(directory, file)
        }
    }

    static func expectUntouched(_ directory: URL, _ file: URL, bytes: Data, _ comment: String) throws {
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [file.lastPathComponent], "\(comment)")
        #expect(!FileManager.default.fileExists(atPath: file.path + "-lock"), "\(comment)")
        #expect(try Data(contentsOf: file) == bytes, "\(comment): bytes changed")
        let mtime = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(mtime == Date(timeIntervalSince1970: 1_600_000_000), "\(comment): mtime changed")
    }

    @Test("every command on a 0444 file in a 0555 directory: no lock file, same bytes, same mtime", arguments: CLI.fixtureNames)
    func asRoot(name: String) throws {
        try Self.withReadOnlyCopy(name) { directory, file in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture(name)))
            for command in Self.commands {
                let result = try CLI.run(command + ["-c", file.path])
                // Not every fixture holds the four_stage tasks; only reading matters here.
                #expect([0, 1].contains(result.status), "\(command): \(result)")
                #expect(!result.stderr.contains("Fatal error"))
                try Self.expectUntouched(directory, file, bytes: bytes, "\(command)")
            }
            let verify = try CLI.run(["verify", file.path])
            #expect(verify.status == 0, "\(verify)")
        }
    }

    /// How to run a command as `nobody`, if this machine can.
    static let asNobody: [String]? = {
        guard getuid() == 0 else { return nil }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            return ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        for runuser in ["/usr/sbin/runuser", "/sbin/runuser"] where FileManager.default.isExecutableFile(atPath: runuser) {
            return [runuser, "-u", "nobody", "--"]
        }
        return nil
    }()

    /// Fails the test with what to do when `nobody` cannot reach `path` or run the binary
    /// (a TMPDIR of mode 700, as `mktemp -d` makes, keeps others out).
    static func requireReachable(_ path: String, as prefix: [String]) throws {
        for target in [path, CLI.binary.path] {
            let probe = try runProcess(URL(fileURLWithPath: prefix[0]), Array(prefix.dropFirst()) + ["/usr/bin/test", "-r", target])
            try #require(
                probe.status == 0,
                "user nobody cannot reach \(target): run the tests with a TMPDIR and a checkout that others may enter (mode 755 on every directory above them)")
        }
    }

    @Test(
        "as user nobody, who cannot write anywhere near it, every command still reads the checkpoint",
        .enabled(if: asNobody != nil, "needs root and setpriv or runuser"))
    func asUnprivileged() throws {
        let prefix = try #require(Self.asNobody)
        let fixture = try FixtureExpectation.load("four_stage")
        try Self.withReadOnlyCopy("four_stage") { directory, file in
            try Self.requireReachable(file.path, as: prefix)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
            for command in Self.commands {
                let result = try CLI.run(command + ["-c", file.path], prefix: prefix)
                #expect(result.status == 0, "\(command): \(result)")
                try Self.expectUntouched(directory, file, bytes: bytes, "\(command)")
            }
            let edges = try CLI.run(["edges", "-c", file.path], prefix: prefix)
            #expect(edges.text.lines == fixture.edgeLines)
            let verify = try CLI.run(["verify", file.path, "--format", "jsonl"], prefix: prefix)
            #expect(verify.status == 0, "\(verify)")
            #expect((try verify.json() as? [String: Any])?["ok"] as? Bool == true)
        }
    }
}

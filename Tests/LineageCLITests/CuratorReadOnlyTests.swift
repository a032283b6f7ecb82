import Foundation
import LineageTestSupport
import Testing

/// A Curator checkpoint directory on read-only shared storage: every command reads it, and
/// nothing in the tree is created, changed or touched (no lock file, same bytes and mtimes).
@Suite("Read-only for real: Curator checkpoint directories")
struct CuratorReadOnlyTests {
    static let groups = CuratorStatusCommandTests.folder.appendingPathComponent("curator_run.groups.jsonl").path
    static let commands: [[String]] = [
        ["status"], ["status", "--format", "json"], ["status", "--retry-fields"], ["sources"], ["sources", "--format", "json"],
        ["plan", "--groups", groups], ["export"], ["verify"], ["verify", "--format", "junit"],
    ]

    /// Every path under `root` with its bytes (files) and mtime, so any change shows.
    static func snapshot(_ root: URL) throws -> [String: String] {
        var entries: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        while let relative = enumerator.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let content = isDirectory.boolValue ? "dir" : (try Data(contentsOf: URL(fileURLWithPath: path))).base64EncodedString()
            entries[relative] = "\(mtime) \(content)"
        }
        return entries
    }

    /// A copy of the fixture directory: files 0444, directories 0555, every mtime in 2020.
    static func withReadOnlyCopy(_ body: (URL) throws -> Void) throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, _ in
            let old = Date(timeIntervalSince1970: 1_600_000_000)
            var paths = [checkpoint.path]
            let enumerator = try #require(FileManager.default.enumerator(atPath: checkpoint.path))
            while let relative = enumerator.nextObject() as? String { paths.append(checkpoint.appendingPathComponent(relative).path) }
            // Deepest first, so a directory is made read-only after what it holds.
            for path in paths.sorted(by: { $0.count > $1.count }) {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                try FileManager.default.setAttributes(
                    [.modificationDate: old, .posixPermissions: isDirectory.boolValue ? 0o555 : 0o444], ofItemAtPath: path)
            }
            defer {
                for path in paths { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
            }
            try body(checkpoint)
        }
    }

    func readAll(prefix: [String]) throws {
        try Self.withReadOnlyCopy { checkpoint in
            if prefix != [] { try ReadOnlyTests.requireReachable(checkpoint.path, as: prefix) }
            let before = try Self.snapshot(checkpoint)
            #expect(before.keys.contains { $0.hasSuffix("node-a-1001.mdb") })
            for command in Self.commands {
                let result = try CLI.run(command + [checkpoint.path], prefix: prefix)
                #expect(result.status == 0, "\(command): \(result)")
                #expect(try Self.snapshot(checkpoint) == before, "\(command) changed the tree")
            }
            let show = try CLI.run(["show", "-c", checkpoint.path, "fdc0c14ca5ac"], prefix: prefix)
            #expect(show.status == 0 && show.text.contains("node-a-1001.mdb, node-b-2002.mdb"), "\(show)")
            #expect(try Self.snapshot(checkpoint) == before)
        }
    }

    @Test("every Curator command on a read-only tree: exit 0, nothing created or changed")
    func asRoot() throws { try readAll(prefix: []) }

    @Test(
        "as user nobody, every Curator command still reads the tree and changes nothing",
        .enabled(if: ReadOnlyTests.asNobody != nil, "needs root and setpriv or runuser"))
    func asUnprivileged() throws { try readAll(prefix: try #require(ReadOnlyTests.asNobody)) }
}

import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// The file groups of `curator_run.groups.jsonl` and the id and completion
/// `curator_run.json` gives each (what the pipeline computed).
struct CuratorFixtureGroup: Decodable {
    let paths: [String]
    let source_id: String
    let completed: Bool

    private struct Document: Decodable { let groups: [CuratorFixtureGroup] }

    static func load() throws -> [CuratorFixtureGroup] {
        let url = CuratorFixture.folder.appendingPathComponent("curator_run.json")
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url)).groups
    }

    /// The lines of `curator_run.groups.jsonl`, as bytes.
    static func lines() throws -> [[UInt8]] {
        let data = try Data(contentsOf: CuratorFixture.folder.appendingPathComponent("curator_run.groups.jsonl"))
        return data.split(separator: 0x0a, omittingEmptySubsequences: false).map { Array($0) }
    }
}

@Suite("Curator source ids of file groups")
struct CuratorSourceIDTests {
    @Test("every group of the fixture gets the id the pipeline gave it, whatever the order of its paths")
    func fixtureGroups() throws {
        let groups = try CuratorFixtureGroup.load()
        #expect(groups.count == 12)
        var hasher = CuratorSourceID.Hasher()
        for group in groups {
            #expect(CuratorSourceID(paths: group.paths).description == group.source_id, "\(group.paths)")
            #expect(hasher.id(of: group.paths.reversed()).description == group.source_id, "\(group.paths)")
        }
    }

    /// Ids computed by Python's hashlib over the pipeline's rule, one per line of `groups`.
    static func oracle(_ groups: [[String]]) throws -> [String] {
        let script = """
            import hashlib, json, sys
            for line in open(sys.argv[1], encoding="utf-8"):
                paths = json.loads(line)
                print(hashlib.sha256(("|".join(sorted(paths)) + "|").encode("utf-8")).hexdigest()[:12])
            """
        return try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("groups.jsonl")
            let lines = try groups.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path])
            try #require(result.status == 0, "python3 failed: \(result.stderr)")
            return result.text.split(separator: "\n").map(String.init)
        }
    }

    /// Random groups: absolute, relative and s3:// paths, non-ASCII (precomposed and
    /// decomposed accents, CJK, emoji), spaces, commas and `|`, joined lengths around the
    /// SHA-256 block boundaries.
    static func randomGroups(count: Int, seed: UInt64) -> [[String]] {
        var random = SplitMix64(state: seed)
        let stems = [
            "/lustre/datasets/cc-2024/part-", "relative/dir/part-", "./part-", "s3://bucket/prefix/part-", "/données/caf\u{e9}-",
            "/donne\u{301}es/cafe\u{301}-", "/数据/文件-", "/data/🙂 emoji, and | pipe-", "",
        ]
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...4, using: &random)).map { _ in
                let stem = stems.randomElement(using: &random)!
                let padding = String(repeating: "x", count: Int.random(in: 0...130, using: &random))
                return "\(stem)\(Int.random(in: 0...99_999, using: &random))\(padding).jsonl"
            }
        }
    }

    @Test("random groups give the ids Python's hashlib gives over the same rule")
    func oracleAgreement() throws {
        let groups = Self.randomGroups(count: 400, seed: 11)
        let expected = try Self.oracle(groups)
        try #require(expected.count == groups.count)
        var hasher = CuratorSourceID.Hasher()
        for (group, id) in zip(groups, expected) {
            #expect(hasher.id(of: group).description == id, "\(group)")
        }
    }

    @Test("joined lengths on both sides of the SHA-256 padding boundaries agree with hashlib")
    func blockBoundaries() throws {
        // "|" adds one byte: joined lengths 1...200 cover 55/56/63/64/119/120.
        let groups = (0..<200).map { [String(repeating: "a", count: $0)] }
        let expected = try Self.oracle(groups)
        for (group, id) in zip(groups, expected) {
            #expect(CuratorSourceID(paths: group).description == id, "length \(group[0].count)")
        }
    }

    @Test("paths are sorted by code point and hashed as given: order never matters, spelling always does")
    func sortingAndSpelling() throws {
        let paths = ["s3://b/z.jsonl", "/a/Z.jsonl", "relative/é.jsonl", "/a/z.jsonl", "/a/\u{1F642}.jsonl", "/a/\u{FF5E}.jsonl"]
        let id = CuratorSourceID(paths: paths)
        var random = SplitMix64(state: 3)
        for _ in 0..<20 { #expect(CuratorSourceID(paths: paths.shuffled(using: &random)) == id) }
        // Code-point order puts U+FF5E before U+1F642; UTF-16 order would not.
        let spelled: [[String]] = [
            paths, ["/a/z.jsonl"], ["./a/z.jsonl"], ["a/z.jsonl"], ["/a/z.jsonl", "/a/z.jsonl"], ["/a/caf\u{e9}"], ["/a/cafe\u{301}"],
        ]
        let ids = spelled.map { CuratorSourceID(paths: $0) }
        #expect(Set(ids).count == spelled.count, "two spellings gave one id")
        #expect(try Self.oracle(spelled) == ids.map(\.description))
    }

    @Test("the text form: 12 lowercase hex digits, parsed back; other ids are none")
    func text() throws {
        let id = try #require(CuratorSourceID("ead520a8e8d8"))
        #expect(id.description == "ead520a8e8d8")
        #expect(id.value == 0xead5_20a8_e8d8)
        for other in ["EAD520A8E8D8", "ead520a8e8d", "ead520a8e8d8a", "0", "r" + String(repeating: "0", count: 32), "", "ead520a8e8dg"] {
            #expect(CuratorSourceID(other) == nil, "\(other)")
        }
        #expect(CuratorSourceID("000000000001")?.description == "000000000001")
    }
}

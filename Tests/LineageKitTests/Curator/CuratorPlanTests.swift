import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

@Suite("Curator plan: file groups against the union of completed sources")
struct CuratorPlanTests {
    static func fixtureUnion() throws -> [String] {
        let location = try #require(CuratorLocation.detect(path: CuratorFixture.directory.path))
        return CuratorCheckpoint.read(location).union
    }

    /// The groups of `lines`, read as `form`.
    static func read(_ lines: [String], form: CuratorGroupInput.Form = .groups) throws -> [[String]] {
        var input = CuratorGroupInput(form: form, file: "groups.jsonl")
        return try lines.compactMap { try input.group(line: Array($0.utf8)) }
    }

    @Test("the fixture's groups, read from its JSON Lines: skip exactly the completed ones, in input order")
    func fixture() throws {
        let expected = try CuratorFixtureGroup.load()
        var input = CuratorGroupInput(form: .groups, file: "curator_run.groups.jsonl")
        let groups = try CuratorFixtureGroup.lines().compactMap { try input.group(line: $0) }
        #expect(groups == expected.map(\.paths))
        var plan = CuratorPlan(union: try Self.fixtureUnion())
        let decisions = groups.map { plan.decide($0) }
        #expect(decisions.map(\.id.description) == expected.map(\.source_id))
        #expect(decisions.map(\.action) == expected.map { $0.completed ? .skip : .run })
        let completed = expected.filter(\.completed).count
        #expect(plan.summary == CuratorPlan.Summary(groups: 12, skip: completed, run: 12 - completed, unmatchedCompleted: 0))
    }

    @Test("the plan made from the writers' packed lists decides as the plan over the union's strings")
    func fromLists() throws {
        let expected = try CuratorFixtureGroup.load()
        let location = try #require(CuratorLocation.detect(path: CuratorFixture.directory.path))
        let checkpoint = CuratorCheckpoint.read(location)
        var packed = CuratorPlan(checkpoint)
        var strings = CuratorPlan(union: checkpoint.union)
        let groups = expected.map(\.paths) + [["/not/completed.jsonl"]]
        #expect(groups.map { packed.decide($0) } == groups.map { strings.decide($0) })
        #expect(packed.summary == strings.summary)
        // And on ids of every form: hex of the wrong case or length, decimal, random.
        var random = SplitMix64(state: 23)
        var sources = (0..<3000).map { _ in CuratorSourceID(value: random.next() >> 16).description }
        sources += ["ABCDEF012345", "abcdef01234", "abcdef0123456", "12", "r" + String(repeating: "7", count: 32), "abcdefg12345"]
        let sorted = sources.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let writers = [CuratorSourceList(sorted.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)), CuratorSourceList(sorted)]
        var fromWriters = CuratorPlan(lists: writers)
        var fromStrings = CuratorPlan(union: sources)
        #expect(fromWriters.summary == fromStrings.summary)
        let asked = Array(sources.prefix(50)).map { [$0] }
        #expect(asked.map { fromWriters.decide($0) } == asked.map { fromStrings.decide($0) })
    }

    @Test("completed ids no group maps to are counted, each once, including ids that are not file-group ids")
    func unmatched() throws {
        let expected = try CuratorFixtureGroup.load()
        let union = try Self.fixtureUnion()
        var plan = CuratorPlan(union: union + ["0", "r" + String(repeating: "a", count: 32), union[0]])
        #expect(plan.summary.unmatchedCompleted == union.count + 2)
        let first = try #require(expected.first { $0.completed })
        for _ in 0..<3 { #expect(plan.decide(first.paths).action == .skip) }
        #expect(plan.summary == CuratorPlan.Summary(groups: 3, skip: 3, run: 0, unmatchedCompleted: union.count + 1))
        #expect(plan.decide(["0"]).action == .run, "a positional id never equals a group's id")
    }

    @Test("empty input: nothing decided, every completed id unmatched")
    func empty() throws {
        let union = try Self.fixtureUnion()
        let plan = CuratorPlan(union: union)
        #expect(plan.summary == CuratorPlan.Summary(groups: 0, skip: 0, run: 0, unmatchedCompleted: union.count))
        #expect(try Self.read(["", "   ", "\t"]).isEmpty)
        #expect(try Self.read([""], form: .files).isEmpty)
    }

    @Test("--files form: each line one group, kept exactly (spaces too); the same ids as one-path groups")
    func files() throws {
        let expected = try CuratorFixtureGroup.load().filter { $0.paths.count == 1 }
        let lines = expected.map { $0.paths[0] }
        let groups = try Self.read(["", " trailing space.jsonl "] + lines, form: .files)
        #expect(groups.first == [" trailing space.jsonl "])
        var plan = CuratorPlan(union: try Self.fixtureUnion())
        let decisions = groups.dropFirst().map { plan.decide($0) }
        #expect(decisions.map(\.id.description) == expected.map(\.source_id))
        #expect(decisions.map(\.action) == expected.map { $0.completed ? .skip : .run })
        var input = CuratorGroupInput(form: .files, file: "files.txt")
        #expect(throws: CuratorGroupInput.LineError(file: "files.txt", line: 1, reason: "the path is not valid UTF-8")) {
            try input.group(line: [0x2f, 0xff, 0x61])
        }
    }

    @Test("JSON escapes are decoded before hashing; whitespace around tokens is allowed")
    func escapes() throws {
        let groups = try Self.read([#" [ "\u00e9\/x\ud83d\ude00" ,"a\"b\\c\td" ] "#])
        #expect(groups == [["é/x😀", "a\"b\\c\td"]])
    }

    @Test(
        "a line that is not a group is an error naming the file and the line",
        arguments: [
            "{\"paths\": [\"a\"]}", "[\"a\",]", "[\"a\" \"b\"]", "[1]", "[]", "[\"a\"] x", "[\"a", "[\"a\\q\"]",
            "[\"\\ud800\"]", "[\"\\u12\"]", "\"a\"", "[\"a\tb\"]", "[null]",
        ])
    func badLine(line: String) throws {
        var input = CuratorGroupInput(form: .groups, file: "g.jsonl")
        _ = try input.group(line: Array("[\"/ok\"]".utf8))
        _ = try input.group(line: [])
        do {
            _ = try input.group(line: Array(line.utf8))
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.file == "g.jsonl" && error.line == 3, "\(error)")
            #expect(error.description.hasPrefix("g.jsonl line 3: ") && !error.reason.isEmpty)
        }
    }

    @Test("invalid UTF-8 inside a JSON string is an error")
    func invalidUTF8() throws {
        var input = CuratorGroupInput(form: .groups, file: "g.jsonl")
        #expect(throws: CuratorGroupInput.LineError.self) { try input.group(line: [0x5b, 0x22, 0xc3, 0x22, 0x5d]) }
    }

    @Test("rows escape what needs escaping and keep the rest: JSON rows parse back to the paths, text rows stay on one line")
    func rowEscaping() throws {
        let paths = ["/plain/part-0.jsonl", "/q\"uote\\back\tslash", "/new\nline", "/données/数据🙂", "/del\u{7f}"]
        var plan = CuratorPlan(union: [])
        let decision = plan.decide(paths)
        var out: [UInt8] = []
        CuratorPlanRenderer.appendGroup(decision, paths: paths, first: true, format: .jsonLines, to: &out)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out)) as? [String: Any])
        #expect(object["paths"] as? [String] == paths)
        #expect(object["source_id"] as? String == CuratorSourceID(paths: paths).description)
        for first in [1, 2, 4] {
            var text: [UInt8] = []
            CuratorPlanRenderer.appendGroup(decision, paths: Array(paths[first...]), first: true, format: .text, to: &text)
            #expect(text.filter { $0 == 0x0a }.count == 1 && text.last == 0x0a)
            #expect(text.filter { $0 == 0x09 }.count == 2, "a tab in a path would add a column")
        }
        var sources: [UInt8] = []
        CuratorSourcesRenderer.appendRow(source: "a\"b", writers: ["w\n.mdb"], format: .jsonLines(kind: "curator"), to: &sources)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(sources)) as? [String: Any])
        #expect(row["source_id"] as? String == "a\"b" && row["writers"] as? [String] == ["w\n.mdb"])
    }
}

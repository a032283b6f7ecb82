import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `lineage show -`: many lookups in one process, answers in input order.
@Suite("lineage show - (batch)")
struct ShowBatchCommandTests {

    @Test("each line is answered by the line show --format json prints for it, in input order", arguments: CLI.fixtureNames)
    func everyTask(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        // Full udids, prefixes and upper case, in an order that is not the key order.
        let queries = fixture.udids.reversed().enumerated().map { index, udid in
            switch index % 3 {
            case 0: udid
            case 1: String(udid.prefix(7))
            default: String(udid.prefix(10)).uppercased()
            }
        }
        let input = queries.joined(separator: "\n") + "\n"
        let result = try CLI.run(["show", "-c", fixture.path, "-", "--format", "jsonl"], stdin: input)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let lines = result.text.lines
        #expect(lines.count == queries.count)
        var singles: [[String: Any]] = []
        for (query, line) in zip(queries, lines) {
            let single = try CLI.run(["show", "-c", fixture.path, query, "--format", "json"])
            #expect(line + "\n" == single.text, "\(query)")
            singles.append(try #require(try single.json() as? [String: Any]))
        }
        // json: one document whose answers are the same objects, without schema_version and kind.
        let document = try CLI.run(["show", "-c", fixture.path, "-", "--format", "json"], stdin: input)
        let answers = try document.records("answers")
        #expect(
            try JSONSerialization.data(withJSONObject: answers, options: .sortedKeys)
                == JSONSerialization.data(
                    withJSONObject: singles.map { $0.filter { $0.key != "schema_version" && $0.key != "kind" } }, options: .sortedKeys))
    }

    @Test("unknown, malformed and ambiguous lines get an error line; the rest are answered; exit 1 at the end")
    func failures() throws {
        try withTemporaryDirectory { directory in
            let (path, prefix, candidates) = try UdidOptionTests.ambiguous(in: directory)
            let root = UDID(lineagePath: "0").string
            let input = "\(root)\r\n\nffffffff\n  zz  \n\(prefix)\n\(root.prefix(6))"  // CRLF, a blank line, no final newline
            let result = try CLI.run(["show", "-c", path, "-", "--format", "jsonl"], stdin: input)
            #expect(result.status == 1, "\(result)")
            let lines = try result.recordLines()
            #expect(lines.count == 5, "\(result.text)")
            #expect(lines.map { $0["udid"] as? String } == [root, nil, nil, nil, root])
            #expect(lines.map { $0["error"] as? String } == [nil, "not_found", "not_a_udid", "ambiguous", nil])
            #expect(lines.map { $0["query"] as? String } == [nil, "ffffffff", "zz", prefix, nil])
            #expect(lines[3]["candidates"] as? [String] == candidates)
            #expect((lines[1]["message"] as? String)?.contains(path) == true)

            // Text: the blocks on stdout, the sentences on stderr.
            let text = try CLI.run(["show", "-c", path, "-"], stdin: input)
            #expect(text.status == 1)
            #expect(text.text.components(separatedBy: "\n\n").count == 2, "\(text.text)")
            #expect(text.text.lines.filter { $0.hasPrefix("udid ") }.count == 2)
            #expect(text.stderr.contains("no task with a udid starting with ffffffff"))
            #expect(text.stderr.contains("'zz' is not a udid"))
            #expect(text.stderr.contains("prefix \(prefix) matches 2 tasks"))
        }
    }

    @Test("empty input answers nothing and exits 0; - with --path is a usage error")
    func edges() throws {
        let empty = try CLI.run(["show", "-c", CLI.fixture("four_stage"), "-", "--format", "jsonl"], stdin: "")
        #expect(empty.status == 0, "\(empty)")
        #expect(empty.stdout.isEmpty)
        let document = try CLI.run(["show", "-c", CLI.fixture("four_stage"), "-", "--format", "json"], stdin: "")
        let answers = try document.records("answers")
        #expect(document.status == 0 && answers.isEmpty, "\(document)")
        let both = try CLI.run(["show", "-c", CLI.fixture("four_stage"), "-", "--path", "0"], stdin: "")
        #expect(both.status == 64)
    }
}

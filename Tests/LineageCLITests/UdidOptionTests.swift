import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// Every option that takes a udid accepts what `show` accepts, and says when the task is
/// not there; files that are not lineage checkpoints exit alike from every command.
@Suite("udid options and foreign files")
struct UdidOptionTests {
    /// A checkpoint with two tasks whose udids share their first four digits, the
    /// shared prefix, and the two udids.
    static func ambiguous(in directory: URL) throws -> (path: String, prefix: String, udids: [String]) {
        var seen: [String: String] = [:]
        for index in 0..<100_000 {
            let udid = UDID(lineagePath: "0_\(index)").string
            if let other = seen[String(udid.prefix(4))] {
                let file = directory.appendingPathComponent("ambiguous.mdb")
                try CraftedCheckpoint.dag([(UDID(lineagePath: "0").string, other), (UDID(lineagePath: "0").string, udid)]).write(to: file)
                return (file.path, String(udid.prefix(4)), [other, udid].sorted())
            }
            seen[String(udid.prefix(4))] = udid
        }
        throw CancellationError()
    }

    @Test("edges --parent/--child and export-dot --around take a prefix in any case", arguments: CLI.fixtureNames)
    func prefixes(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        for udid in fixture.udids.prefix(4) {
            for option in ["--parent", "--child"] {
                let full = try CLI.run(["edges", fixture.path, option, udid])
                #expect(full.status == 0, "\(full)")
                for short in [String(udid.prefix(6)), String(udid.prefix(6)).uppercased(), udid.uppercased()] {
                    let result = try CLI.run(["edges", fixture.path, option, short])
                    #expect(result.status == 0, "\(option) \(short): \(result)")
                    #expect(result.stdout == full.stdout, "\(option) \(short)")
                }
            }
            let dot = try CLI.run(["export-dot", fixture.path, "--around", udid, "--depth", "1"])
            let short = try CLI.run(["export-dot", fixture.path, "--around", String(udid.prefix(5)).uppercased(), "--depth", "1"])
            #expect(short.status == 0, "\(short)")
            #expect(short.stdout == dot.stdout)
        }
    }

    @Test(
        "a udid or prefix that names no task exits 1 with a sentence naming it and the file",
        arguments: [
            ["edges", "--parent"], ["edges", "--child"], ["export-dot", "--around"], ["show"],
        ])
    func notThere(command: [String]) throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let unused = try #require((0..<0x10000).lazy.map { String(format: "%04x", $0) }.first { p in !fixture.udids.contains { $0.hasPrefix(p) } })
        for query in [String(repeating: "f", count: 32), unused] {
            let result = try CLI.run(command + [query, "-c", fixture.path])
            #expect(result.status == 1, "\(command) \(query): \(result)")
            #expect(result.stdout.isEmpty, "\(command) \(query)")
            #expect(result.stderr.hasPrefix("lineage: \(fixture.path): no task with "), "\(result.stderr)")
            #expect(result.stderr.contains(query), "\(result.stderr)")
            #expect(result.stderr.lines.count == 1)
        }
    }

    @Test(
        "an ambiguous prefix exits 1 listing the candidates, for every udid option",
        arguments: [
            ["edges", "--parent"], ["edges", "--child"], ["export-dot", "--around"], ["show"],
        ])
    func ambiguousEverywhere(command: [String]) throws {
        try withTemporaryDirectory { directory in
            let (path, prefix, udids) = try Self.ambiguous(in: directory)
            let result = try CLI.run(command + [prefix.uppercased(), "-c", path])
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("lineage: \(path): prefix \(prefix) matches 2 tasks; give more digits:\n"), "\(result.stderr)")
            #expect(Array(result.stderr.lines.dropFirst()) == udids.map { "  \($0)" })
        }
    }

    @Test("the 8-digit labels of a DOT picture can be pasted back into show and edges")
    func dotLabels() throws {
        let fixture = try FixtureExpectation.load("four_stage_rooted")
        let dot = try CLI.run(["export-dot", fixture.path])
        #expect(dot.status == 0)
        let regex = try NSRegularExpression(pattern: #"label="([0-9a-f]{8})\\n"#)
        let text = dot.text
        let labels = regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
        #expect(labels.count == fixture.records.count, "\(labels)")
        for label in labels {
            let udid = try #require(fixture.udids.first { $0.hasPrefix(label) })
            let show = try CLI.run(["show", "-c", fixture.path, label, "--format", "json"])
            #expect(show.status == 0, "\(label): \(show)")
            #expect((try show.json() as? [String: Any])?["udid"] as? String == udid)
            let edges = try CLI.run(["edges", fixture.path, "--parent", label])
            #expect(edges.status == 0, "\(label): \(edges)")
            #expect(edges.text.lines == (fixture.records[udid]?.children ?? []).map { "\(udid)\t\($0)" })
        }
    }

    @Test(
        "a file that is not LMDB at all is UNREADABLE for verify, without counts; exit 2",
        arguments: [
            BadInput.emptyFile, .textFile, .randomBytes,
        ])
    func notLMDB(input: BadInput) throws {
        try withTemporaryDirectory { directory in
            let path = try input.make(in: directory)
            let text = try CLI.run(["verify", path])
            #expect(text.status == 2, "\(text)")
            #expect(text.text == "\(path): not audited\nverdict: UNREADABLE, \(text.stderr.dropFirst("lineage: ".count))", "\(text)")
            #expect(text.stderr.hasPrefix("lineage: \(path): not an LMDB file ("), "\(text.stderr)")
            #expect(!text.stderr.contains("restore") && !text.text.contains("DAMAGED") && !text.text.contains("0 tasks"))
            let show = try CLI.run(["show", "-c", path, "ffda"])
            #expect(show.status == 2)
            #expect(show.stderr == text.stderr, "every command words it alike")
        }
    }

    @Test("an LMDB file without the lineage sub-databases exits 2 from every command, verify included")
    func notLineage() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("other.mdb").path
            try RawCheckpointWriter(creating: path, databases: [(name: "other", dupsort: false)]).close()
            for command in [["verify"], ["types"], ["types", "--summary"], ["show", "ffda"], ["edges"], ["export-dot"]] {
                let result = try CLI.run(command + ["-c", path])
                #expect(result.status == 2, "\(command): \(result)")
                #expect(result.stderr.lines.count == 1, "\(command): \(result.stderr)")
                #expect(result.stderr.contains(path))
            }
            let verify = try CLI.run(["verify", path])
            #expect(verify.text.contains("  FAIL  schema "), "\(verify.text)")
            #expect(verify.text.lines.last?.hasPrefix("verdict: UNREADABLE, an LMDB file but not a lineage checkpoint") == true, "\(verify.text)")
            #expect(verify.stderr.contains("not a lineage checkpoint"))
        }
    }
}

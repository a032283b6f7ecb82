import Foundation
import LineageTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("lineage verify")
struct VerifyCommandTests {
    static let checkIDs = [
        "schema", "key-format", "type-values", "edge-symmetry", "dangling", "type-consistency",
        "self-loop", "acyclic", "completed-values", "completed-known", "completed-closure",
    ]

    @Test("every fixture verifies: exit 0, every check passes", arguments: CLI.fixtureNames)
    func text(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let result = try CLI.run(["verify", fixture.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let lines = result.text.lines
        #expect(lines.first?.hasPrefix("\(fixture.path): \(fixture.records.count) tasks, ") == true)
        for id in Self.checkIDs {
            #expect(lines.contains { $0.hasPrefix("  pass  \(id) ") }, "\(id)")
        }
        #expect(!lines.contains { $0.contains("FAIL") })
        #expect(lines.last?.hasPrefix("verdict: OK") == true)
    }

    @Test("--format jsonl: schema_version 4, kind dag, ok, counts, every check id passed", arguments: CLI.fixtureNames)
    func json(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let result = try CLI.run(["verify", fixture.path, "--format", "jsonl"])
        #expect(result.status == 0, "\(result)")
        let object = try #require(try result.json() as? [String: Any], "\(result)")
        #expect(object["schema_version"] as? Int == 4)
        #expect(object["kind"] as? String == "dag")
        #expect(object["ok"] as? Bool == true)
        #expect(object["checkpoint"] as? String == fixture.path)
        #expect(object["tasks"] as? Int == fixture.records.count)
        #expect(object["edges"] as? Int == fixture.edgeLines.count)
        #expect(object["completed"] as? Int == fixture.records.values.filter(\.completed).count)
        let checks = try #require(object["checks"] as? [[String: Any]])
        let status = Dictionary(
            uniqueKeysWithValues: checks.compactMap { check in (check["id"] as? String).map { ($0, check["status"] as? String) } })
        for id in Self.checkIDs { #expect(status[id] == "passed", "\(id)") }
        #expect(status["structure"] == "passed")
    }

    @Test("--format junit is well-formed XML with one passing test case per check", arguments: CLI.fixtureNames)
    func junit(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let result = try CLI.run(["verify", fixture.path, "--format", "junit"])
        #expect(result.status == 0, "\(result)")
        #if canImport(FoundationXML)
            let document = try XMLDocument(data: result.stdout, options: [])
            let root = try #require(document.rootElement())
            #expect(root.name == "testsuites")
            #expect(root.attribute(forName: "failures")?.stringValue == "0")
            #expect(root.attribute(forName: "errors")?.stringValue == "0")
            let cases = try document.nodes(forXPath: "//testcase").compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
            for id in Self.checkIDs { #expect(cases.contains(id), "\(id)") }
            #expect(try document.nodes(forXPath: "//failure").isEmpty)
        #else
            Issue.record("FoundationXML is not available to parse the JUnit output")
        #endif
    }

    @Test("several paths: JSON Lines, one report per line in the order given, the worst exit code")
    func severalPaths() throws {
        let paths = CLI.fixtureNames.map(CLI.fixture)
        let result = try CLI.run(["verify", "--format", "jsonl"] + paths)
        #expect(result.status == 0, "\(result)")
        let array = try result.jsonLines()
        #expect(result.text.lines.count == paths.count)
        #expect(array.map { $0["checkpoint"] as? String } == paths)
        #expect(array.allSatisfy { $0["ok"] as? Bool == true })

        let text = try CLI.run(["verify"] + paths)
        #expect(text.status == 0)
        #expect(text.text.lines.filter { $0.hasPrefix("verdict: OK") }.count == paths.count)

        try withTemporaryDirectory { directory in
            let missing = directory.appendingPathComponent("gone.mdb").path
            let mixed = try CLI.run(["verify", "--format", "jsonl", paths[0], missing, "--junit", directory.appendingPathComponent("report.xml").path])
            #expect(mixed.status == 2, "\(mixed)")
            #expect(mixed.stderr.contains(missing))
            let documents = try mixed.jsonLines()
            #expect(documents.count == 2)
            #expect(documents[0]["ok"] as? Bool == true)
            #expect(documents[1]["ok"] as? Bool == false)
            #expect((documents[1]["error"] as? String)?.contains(missing) == true)
            let report = try Data(contentsOf: directory.appendingPathComponent("report.xml"))
            #if canImport(FoundationXML)
                let xml = try XMLDocument(data: report, options: [])
                #expect(xml.rootElement()?.attribute(forName: "errors")?.stringValue == "1")
            #endif
        }
    }

    @Test("the checkpoint comes from -c, else from LINEAGE_CHECKPOINT")
    func checkpointSources() throws {
        let path = CLI.fixture("partial_completion")
        let viaOption = try CLI.run(["verify", "-c", path])
        #expect(viaOption.status == 0, "\(viaOption)")
        #expect(viaOption.text.hasPrefix(path + ": "))
        let viaEnvironment = try CLI.run(["verify"], environment: ["LINEAGE_CHECKPOINT": path])
        #expect(viaEnvironment.status == 0, "\(viaEnvironment)")
        #expect(viaEnvironment.stdout == viaOption.stdout)
        // -c wins over the environment.
        let both = try CLI.run(["verify", "-c", path], environment: ["LINEAGE_CHECKPOINT": "/nonexistent/x.mdb"])
        #expect(both.status == 0, "\(both)")
        // Other commands read the environment too.
        let types = try CLI.run(["types", "--summary"], environment: ["LINEAGE_CHECKPOINT": path])
        #expect(types.status == 0, "\(types)")
    }

    @Test(
        "no checkpoint given is a usage error (64) that says how to give one",
        arguments: [
            ["verify"], ["show", "5feceb66"], ["edges"], ["types"], ["export-dot"],
        ])
    func noCheckpoint(arguments: [String]) throws {
        for environment in [[:], ["LINEAGE_CHECKPOINT": ""]] {
            let result = try CLI.run(arguments, environment: environment)
            #expect(result.status == 64, "\(arguments) \(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("LINEAGE_CHECKPOINT"), "\(result.stderr)")
        }
    }

    @Test("a non-ASCII checkpoint path is reported unchanged in the JSON")
    func nonASCIIPath() throws {
        try withTemporaryDirectory { directory in
            let folder = directory.appendingPathComponent("café ✓")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("ckpt.mdb")
            try FileManager.default.copyItem(atPath: CLI.fixture("four_stage"), toPath: file.path)
            let result = try CLI.run(["verify", file.path, "--format", "jsonl"])
            #expect(result.status == 0, "\(result)")
            let object = try #require(try result.json() as? [String: Any])
            #expect(object["checkpoint"] as? String == file.path)
        }
    }
}

@Suite("lineage verify on a logically broken checkpoint")
struct VerifyFindingTextTests {
    @Test("a failed check's example shows its location once, then the phrase")
    func locationOnce() throws {
        try withTemporaryDirectory { directory in
            var data = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("four_stage")))
            let range = try #require(data.range(of: Data("middle".utf8), options: .backwards))
            data.replaceSubrange(range, with: Data("muddle".utf8))
            let file = directory.appendingPathComponent("bad_type.mdb")
            try data.write(to: file)
            let result = try CLI.run(["verify", file.path])
            #expect(result.status == 1, "\(result)")
            let example = try #require(result.text.lines.first { $0.hasPrefix("          - ") }, "\(result)")
            #expect(example.hasPrefix("          - [task_type] "), "\(example)")
            #expect(example.hasSuffix(" has task_type \"muddle\", not one of source, middle, leaf, source_leaf"), "\(example)")
            #expect(example.components(separatedBy: "[task_type]").count == 2, "\(example)")
        }
    }
}

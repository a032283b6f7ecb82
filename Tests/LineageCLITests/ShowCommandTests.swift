import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("lineage show")
struct ShowCommandTests {
    @Test("show --format json of every task equals the fixture record", arguments: CLI.fixtureNames)
    func everyTaskAsJSON(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        for (udid, expected) in fixture.records {
            let result = try CLI.run(["show", "-c", fixture.path, udid, "--format", "json"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.isEmpty)
            let object = try #require(try result.json() as? [String: Any], "\(result)")
            #expect(object["udid"] as? String == udid)
            #expect(object["task_type"] as? String == expected.taskType)
            #expect(object["completed"] as? Bool == expected.completed)
            // Each neighbour with its own type and completion, as the text shows it.
            for (key, udids) in [("parents", expected.parents), ("children", expected.children)] {
                let neighbours = try #require(object[key] as? [[String: Any]], "\(key) of \(udid): \(result)")
                #expect(neighbours.map { $0["udid"] as? String } == udids, "\(key) of \(udid)")
                for neighbour in neighbours {
                    let id = try #require(neighbour["udid"] as? String)
                    #expect(neighbour["task_type"] as? String == fixture.records[id]?.taskType, "\(id)")
                    #expect(neighbour["completed"] as? Bool == fixture.records[id]?.completed, "\(id)")
                }
            }
        }
    }

    @Test("show in text lists the type, completion, parents and children", arguments: CLI.fixtureNames)
    func text(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let (udid, expected) = try #require(fixture.records.max { $0.value.parents.count < $1.value.parents.count })
        let result = try CLI.run(["show", "-c", fixture.path, udid])
        #expect(result.status == 0, "\(result)")
        let lines = result.lines
        #expect(lines.first == "udid       \(udid)")
        #expect(lines.contains("type       \(expected.taskType)"))
        #expect(lines.contains("completed  \(expected.completed ? "yes" : "no")"))
        #expect(lines.contains("parents    \(expected.parents.count)"))
        #expect(lines.contains("children   \(expected.children.count)"))
        for neighbour in expected.parents + expected.children {
            #expect(lines.contains { $0.hasPrefix("  \(neighbour)  ") }, "\(neighbour) not listed")
        }
    }

    @Test("a unique prefix (any case) shows the same task as the full udid")
    func prefix() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        for udid in fixture.udids {
            let full = try CLI.run(["show", "-c", fixture.path, udid, "--format", "json"])
            for prefix in [String(udid.prefix(8)), String(udid.prefix(8)).uppercased(), udid.uppercased()] {
                let short = try CLI.run(["show", "-c", fixture.path, prefix, "--format", "json"])
                #expect(short.status == 0, "\(prefix): \(short)")
                #expect(short.stdout == full.stdout, "\(prefix)")
            }
        }
    }

    @Test("--path looks a task up by its lineage path", arguments: CLI.fixtureNames)
    func byLineagePath(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        for (path, udid) in fixture.paths where !path.isEmpty {
            let result = try CLI.run(["show", "-c", fixture.path, "--path", path, "--format", "json"])
            #expect(result.status == 0, "\(path): \(result)")
            let object = try #require(try result.json() as? [String: Any])
            #expect(object["udid"] as? String == udid)
            #expect(object["lineage_path"] as? String == path)
            #expect(object["task_type"] as? String == fixture.records[udid]?.taskType)
        }
    }

    @Test("a lineage path that is not in the checkpoint exits 1 naming its udid")
    func unknownPath() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let result = try CLI.run(["show", "-c", fixture.path, "--path", "7_7_7"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(UDID(lineagePath: "7_7_7").string))
        #expect(result.stderr.contains(fixture.path))
    }

    @Test("an unknown udid or prefix exits 1 with a message naming the file")
    func unknown() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let absent = UDID(lineagePath: "999").string
        let unusedPrefix = try #require(
            (0..<0x10000).lazy.map { String(format: "%04x", $0) }.first { p in !fixture.udids.contains { $0.hasPrefix(p) } })
        for query in [absent, unusedPrefix] {
            let result = try CLI.run(["show", "-c", fixture.path, query])
            #expect(result.status == 1, "\(query): \(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(query))
            #expect(result.stderr.contains(fixture.path))
            #expect(result.stderr.lines.count == 1)
        }
    }

    @Test(
        "a malformed udid, a short prefix, or no argument is a usage error (64)",
        arguments: [
            ["xyz1"], ["5fe"], ["5feceb66ffc86f38d952786c6d696c79a"], ["5feceb66-ffc8"], [], ["--path", "0_x"], ["--path", "00"], ["--path", "0_01"],
            ["5feceb66", "--path", "0"], ["5feceb66", "--format", "yaml"],
        ])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(["show", "-c", CLI.fixture("four_stage")] + arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test("an ambiguous prefix exits 1 and lists every candidate on stderr")
    func ambiguous() throws {
        // Two real lineage paths whose udids share their first four digits.
        var seen: [String: String] = [:]
        var pair: (String, String)?
        for index in 0..<100_000 {
            let udid = UDID(lineagePath: "0_\(index)").string
            if let other = seen[String(udid.prefix(4))] { pair = (other, udid); break }
            seen[String(udid.prefix(4))] = udid
        }
        let (first, second) = try #require(pair)
        let root = UDID(lineagePath: "0").string
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("ambiguous.mdb")
            try CraftedCheckpoint.dag([(root, first), (root, second)]).write(to: file)
            let shared = String(first.prefix(4))
            let result = try CLI.run(["show", "-c", file.path, shared])
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(shared))
            #expect(result.stderr.contains(first) && result.stderr.contains(second), "\(result.stderr)")
            #expect(!result.stderr.contains(root))
            // One more digit (where they differ) picks one.
            let longer = String(first.prefix(zip(first, second).prefix { $0 == $1 }.count + 1))
            let picked = try CLI.run(["show", "-c", file.path, longer, "--format", "json"])
            #expect(picked.status == 0, "\(picked)")
            #expect((try picked.json() as? [String: Any])?["udid"] as? String == first)
        }
    }
}

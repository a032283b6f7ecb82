import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// The recorder reproduces the pipeline-written fixtures exactly.
@Suite struct ScenarioFixtureTests {
    static let names = FixtureExpectation.names

    @Test("the recorder has a scenario for every fixture and no other")
    func scenarioPerFixture() {
        #expect(Scenario.fixtures.keys.sorted() == Self.names.sorted())
    }

    @Test("the fixture directory holds the listed fixtures, each a checkpoint and its JSON, and the curator folder")
    func everyFixtureListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: FixtureExpectation.directory.path)
        // `curator/` holds the Curator checkpoint directory fixture (a different format).
        #expect(files.sorted() == (Self.names.flatMap { ["\($0).json", "\($0).mdb"] } + ["curator"]).sorted())
    }

    @Test("mdb_dump of the recorded scenario equals mdb_dump of the fixture", arguments: names)
    func dumpEqualsFixture(name: String) throws {
        let scenario = try #require(Scenario.fixtures[name])
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("\(name).mdb")
            try scenario.write(to: file.path)
            #expect(!FileManager.default.fileExists(atPath: file.lockFile.path))
            let ours = try Oracle.dump(file)
            let theirs = try Oracle.dump(FixtureExpectation.checkpoint(name))
            #expect(ours == theirs)
            #expect(theirs.contains("mapsize=\(Scenario.fixtureMapSize)\n"))
        }
    }

    @Test("the lineage paths written are the fixture's paths", arguments: names)
    func pathsEqualFixtureJSON(name: String) throws {
        let scenario = try #require(Scenario.fixtures[name])
        let expected = try FixtureExpectation.load(name)
        try withTemporaryDirectory { directory in
            let paths = try scenario.write(to: directory.appendingPathComponent("\(name).mdb").path)
            #expect(paths.mapValues(\.string) == expected.paths)
            #expect(paths.count == scenario.taskCount)
        }
    }

    @Test("every record of the fixture's JSON reads back from the recorded file", arguments: names)
    func recordsEqualFixtureJSON(name: String) throws {
        let scenario = try #require(Scenario.fixtures[name])
        let expected = try FixtureExpectation.load(name)
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("\(name).mdb")
            try scenario.write(to: file.path)
            let dump = Dump(try Oracle.dump(file))
            #expect(dump["task_type"]?.entryCount == expected.records.count)
            for (key, record) in expected.records {
                let udid = try #require(UDID(key))
                #expect(dump.values("in_edges", udid) == record.parents.sorted(), "parents of \(key)")
                #expect(dump.values("out_edges", udid) == record.children.sorted(), "children of \(key)")
                #expect(dump.taskType(udid) == record.taskType, "type of \(key)")
                #expect(dump.isCompleted(udid) == record.completed, "completion of \(key)")
            }
        }
    }

    @Test func fourStageWithOtherFanoutScales() throws {
        try withTemporaryDirectory { directory in
            let scenario = Scenario.fourStage(fanout: 7, rooted: true, complete: true)
            let file = directory.appendingPathComponent("wide.mdb")
            let paths = try scenario.write(to: file.path)
            #expect(paths.count == scenario.taskCount)
            let dump = Dump(try Oracle.dump(file))
            let root = UDID(lineagePath: "0")
            #expect(dump.values("out_edges", root).count == 7)
            #expect(dump["completed"]?.entryCount == scenario.taskCount)
            #expect(dump.taskType(root) == "source")
        }
    }
}

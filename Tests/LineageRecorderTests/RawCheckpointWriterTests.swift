import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// Building checkpoints that break one invariant each.
@Suite struct RawCheckpointWriterTests {
    @Test func databasesAreWhatTheCallerAsks() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("odd.mdb")
            let writer = try RawCheckpointWriter(
                creating: file.path,
                databases: [
                    (name: "in_edges", dupsort: false),
                    (name: "out_edges", dupsort: true),
                    (name: "task_type", dupsort: false),
                    (name: "notes", dupsort: false),
                    (name: "extra", dupsort: true),
                ]
            )
            try writer.close()
            let dump = Dump(try Oracle.dump(file))
            #expect(dump.databases.keys.sorted() == ["extra", "in_edges", "notes", "out_edges", "task_type"])
            #expect(dump["in_edges"]?.header["dupsort"] == nil)
            #expect(dump["extra"]?.header["dupsort"] == "1")
        }
    }

    @Test func rawBytesGoInAndComeOut() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("raw.mdb")
            let writer = try RawCheckpointWriter(creating: file.path, databases: RawCheckpointWriter.pipelineDatabases)
            try writer.put(database: "task_type", key: "NOT-A-UDID", value: "sideways")
            try writer.put(database: "in_edges", key: "k", value: "v1")
            try writer.put(database: "in_edges", key: "k", value: "v2")
            try writer.put(database: "completed", key: [0x00, 0xff], value: [0x32])
            #expect(try writer.delete(database: "in_edges", key: "k", value: "v1"))
            #expect(try !writer.delete(database: "in_edges", key: "missing"))
            try writer.put(database: nil, key: "stray", value: "x")
            let readBack = try writer.write { txn in
                (
                    try txn.values(database: "in_edges", key: Array("k".utf8)),
                    try txn.value(database: nil, key: Array("stray".utf8))
                )
            }
            #expect(readBack.0 == [Array("v2".utf8)])
            #expect(readBack.1 == Array("x".utf8))
            try writer.delete(database: nil, key: "stray")  // mdb_dump -a cannot list a stray main-DB key
            try writer.close()
            let dump = Dump(try Oracle.dump(file))
            #expect(dump["task_type"]?.entries == ["NOT-A-UDID": ["sideways"]])
            #expect(dump["in_edges"]?.entries == ["k": ["v2"]])
            #expect(dump["completed"]?.entries == ["\\00\\ff": ["2"]])
        }
    }

    @Test func unknownDatabaseIsAnError() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("unknown.mdb")
            let writer = try RawCheckpointWriter(creating: file.path, databases: [(name: "in_edges", dupsort: true)])
            #expect(throws: RecorderError.unknownDatabase(name: "completed", known: ["in_edges"])) {
                try writer.put(database: "completed", key: "a", value: "1")
            }
        }
    }

    @Test func recordedScenarioCanBeDamagedAfterwards() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("damaged.mdb")
            let recorder = try CheckpointRecorder(creating: file.path)
            let paths = try Scenario.fourStage().record(into: recorder)
            let (parent, child) = (try #require(paths["0"]), try #require(paths["0_0"]))
            // Break "in_edges is the transpose of out_edges" and nothing else.
            try recorder.writer.delete(database: "out_edges", key: parent.string, value: child.string)
            try recorder.close()
            let dump = Dump(try Oracle.dump(file))
            #expect(dump.values("in_edges", child) == [parent.string])
            #expect(dump.values("out_edges", parent).isEmpty)
            #expect(dump["out_edges"]?.entryCount == 6)
        }
    }
}

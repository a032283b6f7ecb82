import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// The writer rules of FORMAT.md, each observed through mdb_dump.
@Suite struct CheckpointRecorderTests {
    static func task(_ path: String) -> UDID { UDID(lineagePath: path) }
    let a = task("0")
    let b = task("1")
    let c = task("2")
    let j = task("0_1_2_0")

    @Test func freshCheckpointHasTheFourEmptyDatabases() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("fresh.mdb")
            try CheckpointRecorder(creating: file.path).close()
            let dump = Dump(try Oracle.dump(file))
            #expect(dump.databases.keys.sorted() == ["completed", "in_edges", "out_edges", "task_type"])
            #expect(dump["in_edges"]?.header["dupsort"] == "1")
            #expect(dump["out_edges"]?.header["dupsort"] == "1")
            #expect(dump["task_type"]?.header["dupsort"] == nil)
            #expect(dump["completed"]?.header["dupsort"] == nil)
            #expect(dump.databases.values.allSatisfy { $0.entryCount == 0 })
            #expect(dump["in_edges"]?.header["mapsize"] == String(RawCheckpointWriter.pipelineMapSize))
            #expect(!FileManager.default.fileExists(atPath: file.lockFile.path))
        }
    }

    @Test func retriedEmissionChangesNothing() throws {
        try withTemporaryDirectory { directory in
            let once = directory.appendingPathComponent("once.mdb")
            let twice = directory.appendingPathComponent("twice.mdb")
            try record(to: once) { try $0.recordEmission(parents: [a], children: [b, c]) }
            try record(to: twice) { recorder in
                try recorder.recordEmission(parents: [a], children: [b, c])
                try recorder.recordEmission(parents: [a], children: [b, c])
            }
            #expect(try Oracle.dump(once) == Oracle.dump(twice))
            #expect(Dump(try Oracle.dump(twice)).values("out_edges", a) == [b, c].map(\.string).sorted())
        }
    }

    @Test func joinRecordedInTwoCallsEqualsOneCall() throws {
        try withTemporaryDirectory { directory in
            let oneCall = directory.appendingPathComponent("one.mdb")
            let twoCalls = directory.appendingPathComponent("two.mdb")
            try record(to: oneCall) { try $0.recordEmission(parents: [a, b, c], children: [j]) }
            try record(to: twoCalls) { recorder in
                try recorder.recordEmission(parents: [a, b], children: [j])
                try recorder.recordEmission(parents: [c], children: [j])
            }
            #expect(try Oracle.dump(oneCall) == Oracle.dump(twoCalls))
            let dump = Dump(try Oracle.dump(twoCalls))
            #expect(dump.values("in_edges", j) == [a, b, c].map(\.string).sorted())
            #expect(dump.taskType(j) == "leaf")
            #expect(dump.taskType(c) == "source")
        }
    }

    @Test func taskReturnedInPlaceIsNotItsOwnParent() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("inplace.mdb")
            try record(to: file) { recorder in
                try recorder.recordEmission(parents: [a], children: [a])
                try recorder.recordEmission(parents: [b], children: [b, c])
            }
            let dump = Dump(try Oracle.dump(file))
            #expect(dump.values("in_edges", a).isEmpty)
            #expect(dump.values("out_edges", a).isEmpty)
            #expect(dump.taskType(a) == "source_leaf")
            #expect(dump.values("out_edges", b) == [c.string])
            #expect(dump.values("in_edges", b).isEmpty)
            #expect(dump.taskType(b) == "source")
            #expect(dump.taskType(c) == "leaf")
        }
    }

    @Test func emissionWithoutChildrenWritesNothing() throws {
        try withTemporaryDirectory { directory in
            let empty = directory.appendingPathComponent("empty.mdb")
            let noChildren = directory.appendingPathComponent("nochildren.mdb")
            try record(to: empty) { _ in }
            try record(to: noChildren) { try $0.recordEmission(parents: [a, b], children: []) }
            #expect(try Oracle.dump(empty) == Oracle.dump(noChildren))
        }
    }

    @Test func typesPromoteAsEdgesAppear() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("promote.mdb")
            let recorder = try CheckpointRecorder(creating: file.path)
            func types() throws -> [String?] {
                let dump = Dump(try Oracle.dump(file))
                return [a, b, c].map { dump.taskType($0) }
            }
            try recorder.recordEmission(parents: [], children: [a])
            #expect(try types() == ["source_leaf", nil, nil])
            try recorder.recordEmission(parents: [a], children: [b])
            #expect(try types() == ["source", "leaf", nil])
            try recorder.recordEmission(parents: [b], children: [c])
            #expect(try types() == ["source", "middle", "leaf"])
            // Recording an older emission again does not demote anything.
            try recorder.recordEmission(parents: [a], children: [b])
            #expect(try types() == ["source", "middle", "leaf"])
            try recorder.close()
        }
    }

    @Test func completionPropagatesOnlyWhereAllChildrenAreCompleted() throws {
        // root -> x -> x0 and root -> y -> y0
        let (root, x, y) = (Self.task("0"), Self.task("0_0"), Self.task("0_1"))
        let (x0, y0) = (Self.task("0_0_0"), Self.task("0_1_0"))
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("complete.mdb")
            let recorder = try CheckpointRecorder(creating: file.path)
            try recorder.recordEmission(parents: [root], children: [x, y])
            try recorder.recordEmission(parents: [x], children: [x0])
            try recorder.recordEmission(parents: [y], children: [y0])
            func completed() throws -> [Bool] {
                let dump = Dump(try Oracle.dump(file))
                return [root, x, y, x0, y0].map { dump.isCompleted($0) }
            }
            try recorder.markCompletedAndPropagate([x0])
            #expect(try completed() == [false, true, false, true, false])
            // An unknown task is ignored; a completed one is not walked again.
            try recorder.markCompletedAndPropagate([Self.task("42"), x0])
            #expect(try completed() == [false, true, false, true, false])
            #expect(Dump(try Oracle.dump(file))["completed"]?.entryCount == 2)
            try recorder.markCompletedAndPropagate([y0])
            #expect(try completed() == [true, true, true, true, true])
            try recorder.close()
        }
    }

    @Test func completingSiblingsInOneCallReachesTheirParent() throws {
        let (root, x, y) = (Self.task("0"), Self.task("0_0"), Self.task("0_1"))
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("siblings.mdb")
            try record(to: file) { recorder in
                try recorder.recordEmission(parents: [root], children: [x, y])
                try recorder.markCompletedAndPropagate([x, y])
            }
            #expect(Dump(try Oracle.dump(file)).isCompleted(root))
        }
    }

    @Test func existingFileIsRefusedUntouched() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("taken.mdb")
            let content = Data("not a checkpoint".utf8)
            try content.write(to: file)
            #expect {
                try CheckpointRecorder(creating: file.path)
            } throws: { error in
                guard case .fileExists(let path) = error as? RecorderError else { return false }
                return path == file.path && String(describing: error).contains(file.path)
            }
            #expect(try Data(contentsOf: file) == content)
        }
    }

    @Test func overwriteReplacesTheFile() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("old.mdb")
            try Scenario.fourStage(complete: true).write(to: file.path)
            try Scenario.killedMidrun.write(to: file.path, overwrite: true)
            #expect(try Oracle.dump(file) == Oracle.dump(FixtureExpectation.checkpoint("killed_midrun")))
        }
    }

    @Test func directoryIsRefusedEvenWithOverwrite() throws {
        try withTemporaryDirectory { directory in
            #expect(throws: RecorderError.notARegularFile(path: directory.path)) {
                try CheckpointRecorder(creating: directory.path, overwrite: true)
            }
            #expect(FileManager.default.fileExists(atPath: directory.path))
        }
    }

    @Test func staleLockFileIsRemoved() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("locked.mdb")
            _ = FileManager.default.createFile(atPath: file.lockFile.path, contents: Data("stale".utf8))
            try record(to: file) { try $0.recordEmission(parents: [a], children: [b]) }
            #expect(!FileManager.default.fileExists(atPath: file.lockFile.path))
        }
    }

    @Test func closedRecorderRefusesWrites() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("closed.mdb")
            let recorder = try CheckpointRecorder(creating: file.path)
            try recorder.close()
            try recorder.close()
            #expect(throws: RecorderError.closed(path: file.path)) {
                try recorder.recordEmission(parents: [a], children: [b])
            }
        }
    }

    @Test func fullMapDoublesAndKeepsTheContent() throws {
        let scenario = Scenario.pipeline(roots: 30, fanout: 10, fanin: 4, completeFraction: 0.5, batchSize: 50)
        try withTemporaryDirectory { directory in
            let small = directory.appendingPathComponent("small.mdb")
            let large = directory.appendingPathComponent("large.mdb")
            let initial = 64 << 10
            let recorder = try CheckpointRecorder(creating: small.path, mapSize: initial)
            try scenario.record(into: recorder)
            let grown = recorder.writer.mapSize
            try recorder.close()
            #expect(grown > initial)
            #expect(grown.nonzeroBitCount == 1)
            try scenario.write(to: large.path)
            let smallDump = try Oracle.dump(small)
            #expect(smallDump.contains("mapsize=\(grown)\n"))
            // Only the header's mapsize may differ: that is what this test varies.
            func withoutMapSize(_ dump: String) -> String {
                dump.split(separator: "\n").filter { !$0.hasPrefix("mapsize=") }.joined(separator: "\n")
            }
            #expect(withoutMapSize(smallDump) == withoutMapSize(try Oracle.dump(large)))
        }
    }

    @Test func failedBatchWritesNothing() throws {
        struct Stop: Error {}
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("aborted.mdb")
            let recorder = try CheckpointRecorder(creating: file.path)
            #expect(throws: Stop.self) {
                try recorder.batch { batch in
                    try batch.recordEmission(parents: [a], children: [b])
                    throw Stop()
                }
            }
            try recorder.close()
            #expect(Dump(try Oracle.dump(file)).databases.values.allSatisfy { $0.entryCount == 0 })
        }
    }

    private func record(to file: URL, _ body: (CheckpointRecorder) throws -> Void) throws {
        let recorder = try CheckpointRecorder(creating: file.path)
        try body(recorder)
        try recorder.close()
    }
}

import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

@Suite("Curator writer files read beside their writers")
struct CuratorWriterConsistentTests {
    @Test("a quiet writer file reads as one plain read does")
    func quiet() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CuratorFixture.metadata.path)
            .filter { $0.hasSuffix(".mdb") && !$0.hasPrefix(".") }.sorted()
        try #require(!names.isEmpty)
        for name in names {
            let path = CuratorFixture.metadata.appendingPathComponent(name).path
            guard case .consistent(let writer) = CuratorWriter.readConsistently(path: path, wait: 0) else {
                Issue.record("\(name): BUSY on a file nobody writes")
                continue
            }
            #expect(writer == CuratorWriter.read(path: path))
        }
    }

    @Test("a writer file whose writer commits twice during every read: busy after the wait, its sources not reported")
    func busy() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("node-a-1001.mdb").path
            try FileManager.default.copyItem(atPath: CuratorFixture.metadata.appendingPathComponent("node-a-1001.mdb").path, toPath: path)
            let meta = try #require(MetaCheck(file: try MappedFile(path: path)).meta)
            let plain = CuratorWriter.read(path: path)
            // Torn once (two commits during the first read), then quiet: the second read is the answer.
            var calls = 0
            let retried = CuratorWriter.consistently(path: path, wait: 30, isFailure: { (writer: CuratorWriter) in writer.state.isSkipped }) {
                calls += 1
                if calls == 1 { Self.advance(path, by: 2, pageSize: meta.pageSize) }
                return CuratorWriter.read(path: path)
            }
            #expect(calls == 2)
            #expect(try retried.get().value.sources == plain.sources)
            // Torn every time and no time left: busy, with the ids of the last attempt.
            let start = meta.txnid + 2
            let torn = CuratorWriter.consistently(path: path, wait: 0, isFailure: { (writer: CuratorWriter) in writer.state.isSkipped }) {
                Self.advance(path, by: 2, pageSize: meta.pageSize)
                return CuratorWriter.read(path: path)
            }
            guard case .failure(let busy) = torn else {
                Issue.record("a read torn by two commits was taken as consistent")
                return
            }
            #expect(busy == CheckpointBusy(path: path, firstTxnid: start, lastTxnid: start + 2, attempts: 1))
            let state = CuratorWriter.State.busy(busy)
            #expect(state.isBusy && !state.isSkipped)
            #expect(state.label == "busy: transaction \(start) -> \(start + 2) during the read")
        }
    }

    /// Advances the ids inside a read that cannot throw; a failure fails the test.
    static func advance(_ path: String, by: UInt64, pageSize: Int) {
        do {
            try advanceTransactionIDs(ofFileAt: path, by: by, pageSize: pageSize)
        } catch {
            Issue.record(error, "advancing the transaction ids of \(path)")
        }
    }

    @Test("a writer file nobody writes is not live; one commit during a read is consistent and live")
    func live() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("node-a-1001.mdb").path
            try FileManager.default.copyItem(atPath: CuratorFixture.metadata.appendingPathComponent("node-a-1001.mdb").path, toPath: path)
            let meta = try #require(MetaCheck(file: try MappedFile(path: path)).meta)
            let quiet = CuratorWriter.read(path: path, wait: 0)
            #expect(quiet.live == nil && !quiet.state.isBusy && quiet.sources == CuratorWriter.read(path: path).sources)
            let answer = try ConsistentRead.run(paths: [path], wait: 0) { _ -> CuratorWriter in
                try advanceTransactionIDs(ofFileAt: path, by: 1, pageSize: meta.pageSize)
                return CuratorWriter.read(path: path)
            }
            // Consistent (one commit), so taken at the first attempt, and live.
            #expect(answer.isLive && answer.attempts == 1)
        }
    }
}

import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("The rule for a read beside a writer")
struct ReadWindowTests {
    private func window(_ first: UInt64?, _ last: UInt64?, sizes: (Int, Int) = (4096, 4096)) -> ReadWindow {
        ReadWindow(
            before: MetaSnapshot(first: first.map { $0 - 1 }, second: first, fileSize: sizes.0),
            after: MetaSnapshot(first: last.map { $0 - 1 }, second: last, fileSize: sizes.1))
    }

    @Test("nothing committed: consistent, not live; a failure is proven")
    func stable() {
        let read = window(1200, 1200, sizes: (4096, 8192))
        #expect(read.isConsistent && !read.isLive && read.provesFailure)
    }

    @Test("one commit during the read: consistent and live (S+3 cannot have started)")
    func oneCommit() {
        let read = window(1200, 1201)
        #expect(read.isConsistent && read.isLive)
        // A failure seen while a transaction committed is retried, whether or not the file grew.
        #expect(!read.provesFailure)
        #expect(!window(1200, 1201, sizes: (4096, 8192)).provesFailure)
        #expect(ReadWindow.allowedAdvance == 1)
    }

    @Test("two or more commits: torn", arguments: [2, 3, 63] as [UInt64])
    func torn(advance: UInt64) {
        let read = window(1200, 1200 + advance)
        #expect(!read.isConsistent && !read.isLive && !read.provesFailure)
    }

    @Test("an id that went back (the file was replaced) or vanished: torn")
    func replaced() {
        #expect(!window(1200, 7).isConsistent)
        #expect(!window(1200, nil).isConsistent)
        #expect(!window(nil, 5).isConsistent)
        #expect(window(nil, nil).isConsistent)
    }

    @Test("one valid meta page is enough to know the newest transaction")
    func newest() {
        #expect(MetaSnapshot(first: 8, second: 9, fileSize: 0).txnid == 9)
        #expect(MetaSnapshot(first: 10, second: 9, fileSize: 0).txnid == 10)
        #expect(MetaSnapshot(first: nil, second: 9, fileSize: 0).txnid == 9)
        #expect(MetaSnapshot(first: nil, second: nil, fileSize: 0).txnid == nil)
    }

    @Test("pread of a fixture's meta pages agrees with the meta check")
    func readsFixture() throws {
        let path = FixtureExpectation.checkpoint("four_stage").path
        let snapshot = try #require(MetaSnapshot.read(path: path))
        let meta = try #require(MetaCheck(file: try MappedFile(path: path)).meta)
        #expect(snapshot.txnid == meta.txnid)
        #expect(snapshot.fileSize == meta.fileSize)
        #expect(MetaSnapshot.read(path: path + ".missing") == nil)
    }

    @Test("a read that keeps failing on a quiet file is trusted at once; a torn one is retried until the deadline")
    func retries() throws {
        let path = FixtureExpectation.checkpoint("four_stage").path
        var calls = 0
        let answer = try ConsistentRead.run(paths: [path], wait: 5, isFailure: { (_: Int) in true }) { _ in
            calls += 1
            return calls
        }
        #expect(answer.value == 1 && answer.attempts == 1)
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            _ = try ConsistentRead.run(paths: [path], wait: 5) { _ -> Int in throw Refused() }
        }
    }

    @Test("a torn read is retried from fresh meta pages; with no time left it is BUSY with the ids seen")
    func tornIsRetried() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("copy.mdb").path
            try FileManager.default.copyItem(atPath: FixtureExpectation.checkpoint("four_stage").path, toPath: path)
            let meta = try #require(MetaCheck(file: try MappedFile(path: path)).meta)
            var calls = 0
            let answer = try ConsistentRead.run(paths: [path], wait: 30) { before -> Int in
                calls += 1
                if calls == 1 { try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: meta.pageSize) }
                return calls
            }
            #expect(answer.value == 2 && answer.attempts == 2)
            #expect(answer.windows.first??.firstTxnid == meta.txnid + 2)
            let start = meta.txnid + 2
            #expect(throws: CheckpointBusy(path: path, firstTxnid: start, lastTxnid: start + 3, attempts: 1)) {
                _ = try ConsistentRead.run(paths: [path], wait: 0) { _ -> Int in
                    try advanceTransactionIDs(ofFileAt: path, by: 3, pageSize: meta.pageSize)
                    return 0
                }
            }
        }
    }
}

import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("Curator checkpoint: status summary")
struct CuratorStatusTests {
    @Test("the fixture's summary: union, the source two writers completed, the missing shards as an --array expression")
    func fixture() throws {
        let expected = try CuratorFixture.load()
        let location = try #require(CuratorLocation.detect(path: CuratorFixture.directory.path))
        let status = CuratorStatus(CuratorCheckpoint.read(location), examples: 3)
        #expect(status.union == expected.union.count)
        let multi = expected.union.filter { id in expected.writers.values.filter { $0.contains(id) }.count > 1 }
        #expect(status.multiWriter == .init(count: multi.count, examples: multi))
        #expect(status.neverMatching.count == 0 && status.positional.count == 0)
        #expect(status.retryArray == expected.slurm.missing.map(String.init).joined(separator: ","))
    }

    @Test("retry fields: one line without a maximum array size, one per offset with it, shards relative to it")
    func retryFields() throws {
        let expected = try CuratorFixture.load()
        let location = try #require(CuratorLocation.detect(path: CuratorFixture.directory.path))
        let status = CuratorStatus(CuratorCheckpoint.read(location), examples: 3)
        let tail = "\(expected.slurm.minimum_shard_index) \(expected.slurm.total_shards)"
        #expect(status.retryFields(maxArraySize: nil) == ["2,5 0 \(tail)"])
        #expect(status.retryFields(maxArraySize: 4) == ["2 0 \(tail)", "1 4 \(tail)"])
        #expect(status.retryFields(maxArraySize: 100) == ["2,5 0 \(tail)"])
        let single = CuratorFixture.metadata.appendingPathComponent("node-a-1001.mdb").path
        let noArray = CuratorStatus(CuratorCheckpoint.read(try #require(CuratorLocation.detect(path: single))), examples: 3)
        #expect(noArray.retryFields(maxArraySize: nil).isEmpty)
    }

    @Test("--array expressions: ranges of consecutive shards, singles, duplicates once")
    func arrayExpression() {
        #expect(CuratorStatus.arrayExpression([]) == "")
        #expect(CuratorStatus.arrayExpression([2, 5]) == "2,5")
        #expect(CuratorStatus.arrayExpression([99, 1, 2, 5, 6, 7, 8, 9, 10]) == "1-2,5-10,99")
        #expect(CuratorStatus.arrayExpression([3, 3, 4]) == "3-4")
    }

    @Test("never-matching ids are r + 32 lowercase hex; positional ids are decimal")
    func idKinds() {
        let random = "r" + String(repeating: "0123456789abcdef", count: 2)
        #expect(CuratorStatus.isNeverMatching(random))
        #expect(!CuratorStatus.isNeverMatching(random + "0"))
        #expect(!CuratorStatus.isNeverMatching("r" + String(repeating: "g", count: 32)))
        #expect(!CuratorStatus.isNeverMatching("ead520a8e8d8"))
        #expect(CuratorStatus.isPositional("0") && CuratorStatus.isPositional("17"))
        #expect(!CuratorStatus.isPositional("") && !CuratorStatus.isPositional("ead520a8e8d8"))
    }
}

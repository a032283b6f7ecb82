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
        #expect(ShardRanges([]).expression == "")
        #expect(ShardRanges([2, 5]).expression == "2,5")
        #expect(ShardRanges([99, 1, 2, 5, 6, 7, 8, 9, 10]).expression == "1-2,5-10,99")
        #expect(ShardRanges([3, 3, 4]).expression == "3-4")
    }

    @Test("missing shards are ranges: expected minus done, counted, searched and grouped without listing them")
    func shardRanges() {
        let missing = ShardRanges(0..<20, minus: [0, 3, 4, 19, 25])
        #expect(missing.expression == "1-2,5-18" && missing.count == 16)
        #expect(missing.contains(1) && !missing.contains(3) && missing.contains(18) && !missing.contains(19) && !missing.contains(-1))
        var groups: [String] = []
        missing.forEachGroup(of: 4) { offset, part in groups.append("\(offset):\(part.expression)") }
        #expect(groups == ["0:1-2", "4:1-3", "8:0-3", "12:0-3", "16:0-2"])
        // Against listing every shard, on random sets.
        var generator = SplitMix64(state: 5)
        for _ in 0..<200 {
            let total = Int.random(in: 0...300, using: &generator)
            let done = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Int.random(in: -5...310, using: &generator) }
            let ranges = ShardRanges(0..<total, minus: done)
            let listed = (0..<total).filter { !done.contains($0) }
            #expect(ranges == ShardRanges(listed) && ranges.count == listed.count)
            let size = Int.random(in: 1...50, using: &generator)
            var byOffset: [Int: [Int]] = [:]
            for shard in listed { byOffset[shard / size * size, default: []].append(shard % size) }
            var seen: [(Int, String)] = []
            ranges.forEachGroup(of: size) { seen.append(($0, $1.expression)) }
            #expect(seen.map(\.0) == byOffset.keys.sorted() && seen.map(\.1) == byOffset.keys.sorted().map { ShardRanges(byOffset[$0]!).expression })
        }
        // A count written in a file costs nothing: 10^12 shards, two done.
        let huge = ShardRanges(0..<1_000_000_000_000, minus: [7, 8])
        #expect(huge.count == 999_999_999_998 && huge.expression == "0-6,9-999999999999")
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

import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// The streamed union (`forEachSource`, and `holders`, `union`, `CuratorStatus` built on it)
/// against a plain dictionary over the same writer files, with keys chosen to trip a merge
/// of packed words: shared prefixes, keys of exactly 15 and 16 bytes, long keys equal in
/// their first 15 bytes, one key a prefix of another, non-ASCII text.
@Suite("Curator union merge")
struct CuratorMergeTests {
    static func keys(_ generator: inout SplitMix64) -> [String] {
        let stems = ["", "a", "ab", "abcdefghijklmno", "abcdefghijklmnop", "0", "00", "r", "é", "zz"]
        return (0..<60).map { _ in
            let stem = stems[Int(generator.next() % UInt64(stems.count))]
            let tail = String(repeating: "x", count: Int(generator.next() % 20))
            let key = stem + tail + String(generator.next() % 5)
            return key
        }
    }

    @Test("forEachSource gives the dictionary's union and holders, in byte order", arguments: [1, 2, 3, 4])
    func mergeMatchesDictionary(seed: UInt64) throws {
        var generator = SplitMix64(state: seed)
        try withTemporaryDirectory { directory in
            let metadata = directory.appendingPathComponent(".nemo_curator_metadata")
            try FileManager.default.createDirectory(at: metadata, withIntermediateDirectories: true)
            var expected: [String: [String]] = [:]
            let names = (0..<5).map { "w\($0).mdb" }
            for name in names {
                let file = try CuratorWriterFile(creating: metadata.appendingPathComponent(name).path, syncEachCommit: false)
                for key in Set(Self.keys(&generator)) {
                    try file.complete(key)
                    expected[key, default: []].append(name)
                }
                try file.close()
            }
            let checkpoint = CuratorCheckpoint.read(try #require(CuratorLocation.detect(path: directory.path)))
            let order = expected.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            #expect(checkpoint.union == order)
            let holders = checkpoint.holders
            #expect(holders.map(\.source) == order)
            #expect(holders.map(\.writers) == order.map { expected[$0] ?? [] })
            let multi = order.filter { (expected[$0]?.count ?? 0) > 1 }
            #expect(CuratorStatus(checkpoint, examples: 2).multiWriter == .init(count: multi.count, examples: Array(multi.prefix(2))))
        }
    }

    // About 80,000 keys: each half of the key space spans several buckets of 16,384 keys.
    @Test("status counts and examples equal a dictionary's, over many buckets and both halves", arguments: [5, 6])
    func statusMatchesDictionary(seed: UInt64) throws {
        var generator = SplitMix64(state: seed)
        func hex(_ count: Int) -> String {
            String((0..<count).map { _ in Array("0123456789abcdef")[Int(generator.next() % 16)] })
        }
        let shared = (0..<3000).map { _ in hex(12) }
        try withTemporaryDirectory { directory in
            let metadata = directory.appendingPathComponent(".nemo_curator_metadata")
            try FileManager.default.createDirectory(at: metadata, withIntermediateDirectories: true)
            var expected: [String: Int] = [:]
            for writer in 0..<6 {
                var keys = Set((0..<12000).map { _ in hex(12) })
                keys.formUnion(shared.filter { _ in generator.next() % 3 == 0 })
                keys.formUnion((0..<40).map { _ in String(generator.next() % 200) })
                keys.formUnion((0..<30).map { _ in "r" + hex(32) })
                keys.formUnion((0..<30).map { _ in "/long/key/" + hex(2) })
                let file = try CuratorWriterFile(
                    creating: metadata.appendingPathComponent("w\(writer).mdb").path, syncEachCommit: false)
                for key in keys {
                    try file.complete(key)
                    expected[key, default: 0] += 1
                }
                try file.close()
            }
            let checkpoint = CuratorCheckpoint.read(try #require(CuratorLocation.detect(path: directory.path)))
            let order = expected.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            func sample(_ ids: [String]) -> CuratorStatus.Sample { .init(count: ids.count, examples: Array(ids.prefix(4))) }
            let status = CuratorStatus(checkpoint, examples: 4)
            #expect(status.union == order.count)
            #expect(status.multiWriter == sample(order.filter { (expected[$0] ?? 0) > 1 }))
            #expect(status.neverMatching == sample(order.filter(CuratorStatus.isNeverMatching)))
            #expect(status.positional == sample(order.filter(CuratorStatus.isPositional)))
            #expect(status.positional.count > 0 && status.neverMatching.count == 180)
        }
    }

    @Test("positional ids are short canonical decimals; 12 decimal digits are a hash")
    func positional() {
        #expect(CuratorStatus.isPositional("0") && CuratorStatus.isPositional("10345"))
        #expect(!CuratorStatus.isPositional("07") && !CuratorStatus.isPositional("000009685858"))
        #expect(!CuratorStatus.isPositional("123456789012") && !CuratorStatus.isPositional("12a"))
    }
}

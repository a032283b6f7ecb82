import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

@Suite("Curator: packed source lists, merge and tally over ids of every length")
struct CuratorSourceListTests {
    /// Ids around the 8- and 15-byte limits of the packed words, long ids sharing their first
    /// 15 bytes, prefixes of one another, non-ASCII, random (`r` + 32 hex) and positional ids.
    static let ids: [String] = {
        var ids = [
            "7", "12", "0", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmn", "abcdefghijklmno",
            "abcdefghijklmnop", "abcdefghijklmno1", "abcdefghijklmno2", "abcdefghijklmno10", "caf\u{e9}", "\u{e9}t\u{e9}",
            "0123456789ab", "ffffffffffff",
        ]
        for n in 0..<6 { ids.append("r" + String(repeating: String(n, radix: 16), count: 32)) }
        return ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }()

    @Test("a list gives back the ids it was built from, and compares equal only to the same ids")
    func roundTrip() {
        let list = CuratorSourceList(Self.ids)
        #expect(Array(list) == Self.ids)
        #expect(list.count == Self.ids.count)
        #expect(list == CuratorSourceList(Self.ids))
        #expect(list != CuratorSourceList(Self.ids.dropLast()))
        #expect(list != CuratorSourceList(Self.ids.map { $0 == "abcdefghijklmno2" ? "abcdefghijklmno3" : $0 }))
    }

    @Test("the union, its holders and the status counts agree with a dictionary, whatever the ids' lengths")
    func mergeAndTally() throws {
        try withTemporaryDirectory { directory in
            let metadata = directory.appendingPathComponent(".nemo_curator_metadata")
            try FileManager.default.createDirectory(at: metadata, withIntermediateDirectories: true)
            // Three writers holding overlapping subsets, so ids tie on their words across writers.
            let held: [[String]] = (0..<3).map { writer in Self.ids.enumerated().filter { ($0.offset + writer) % 3 != 0 }.map(\.element) }
            for (writer, ids) in held.enumerated() {
                let file = try CuratorWriterFile(creating: metadata.appendingPathComponent("w\(writer).mdb").path, syncEachCommit: false)
                for id in ids.reversed() { try file.complete(id) }
                try file.close()
            }
            var expected: [String: [String]] = [:]
            for (writer, ids) in held.enumerated() { for id in ids { expected[id, default: []].append("w\(writer).mdb") } }
            let location = try #require(CuratorLocation.detect(path: directory.path))
            let checkpoint = CuratorCheckpoint.read(location)
            #expect(checkpoint.writers.map { Array($0.sources) } == held)
            let holders = checkpoint.holders
            #expect(holders.map(\.source) == expected.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            #expect(holders.allSatisfy { expected[$0.source] == $0.writers })
            let status = CuratorStatus(checkpoint, examples: 100)
            #expect(status.union == expected.count)
            #expect(status.multiWriter.count == expected.values.filter { $0.count > 1 }.count)
            #expect(status.multiWriter.examples == holders.filter { $0.writers.count > 1 }.map(\.source))
            #expect(status.neverMatching.count == expected.keys.filter(CuratorStatus.isNeverMatching).count)
            #expect(status.positional.examples == holders.map(\.source).filter(CuratorStatus.isPositional))
            #expect(CuratorAudit.verify(location).curator?.sources == expected.count)
        }
    }

    @Test("source-keys finds a control character wherever it sits in a long key, and passes non-ASCII text")
    func controlCharactersInLongKeys() throws {
        try withTemporaryDirectory { directory in
            let metadata = directory.appendingPathComponent(".nemo_curator_metadata")
            try FileManager.default.createDirectory(at: metadata, withIntermediateDirectories: true)
            let bad = ["abcdefgh\u{1}", "0123456789ab\u{7f}cd", "abcdefghijklmnop\u{9f}", "\u{1f}bcdefghijklmnopqrstuvwxyz"]
            let good = ["abcdefghijklmnopqrstuvwxyz ~", "caf\u{e9}-and-a-long-id", "0123456789abcdef"]
            let file = try CuratorWriterFile(creating: metadata.appendingPathComponent("w.mdb").path, syncEachCommit: false)
            for id in bad + good { try file.complete(id) }
            try file.close()
            let report = CuratorAudit.verify(try #require(CuratorLocation.detect(path: directory.path)), maxExamples: 10)
            let keys = try #require(report[.sourceKeys])
            #expect(keys.violations == bad.count)
            // Examples come in key order (byte order).
            let expected = bad.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
            #expect(keys.examples.map(\.problem) == expected.map { Finding.Problem.keyControlCharacter($0) })
        }
    }
}

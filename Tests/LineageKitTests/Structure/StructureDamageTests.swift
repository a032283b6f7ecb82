import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// Writes damaged bytes to a fresh temp file, maps it and walks it fully (visitors included).
func walkDamaged(_ bytes: [UInt8]) throws -> (check: MetaCheck, report: StructureReport) {
    let dir = try StructureSupport.makeTempDirectory()
    defer { StructureSupport.cleanUp(dir) }
    let path = try StructureSupport.write(bytes, named: "damaged.mdb", in: dir)
    let walker = StructureWalker(file: try MappedFile(path: path))
    var results = [walker.walkFreeList()]
    for named in walker.databases {
        var delivered: UInt64 = 0
        let result = walker.walk(database: named.name) { _, _ in delivered += 1 }
        #expect(delivered == result.entriesWalked)
        results.append(result)
    }
    return (walker.metaCheck, walker.report(combining: results))
}

func kinds(_ report: StructureReport) -> Set<StructureFinding.Kind> { Set(report.findings.map(\.kind)) }

/// The offset of the first node with duplicates in a sub-page on the leaf page at `page`.
func firstSubpageNode(_ map: FileMap, page: Int) -> Int? {
    for i in 0..<map.nodeCount(page: page) {
        let node = map.nodeOffset(page: page, i)
        if map.bytes.u16(node + 4) & 0x06 == 0x04 { return node }
    }
    return nil
}

@Suite("Structure walk of damaged files")
struct StructureDamageTests {
    let pageSize = 4096

    @Test func badMagicOnBothMetaPages() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        bytes[16] ^= 0xff
        bytes[pageSize + 16] ^= 0xff
        let (check, report) = try walkDamaged(bytes)
        #expect(check.meta == nil)
        #expect(check.findings.count == 2)
        #expect(check.findings.first == StructureFinding(kind: .meta, page: 0, detail: .badMagic(0xBEEF_C0DE ^ 0xff)))
        #expect(check.findings.last?.page == 1)
        #expect(report.meta == nil)
        #expect(report.databases.isEmpty)
        #expect(kinds(report) == [.meta])
    }

    @Test func badMagicOnTheNewerMetaFallsBackToTheOlderOne() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        bytes[map.metaPageOffset + 16] ^= 0xff
        let (check, _) = try walkDamaged(bytes)
        #expect(check.meta?.metaPage == 1 - map.meta.metaPage)
        #expect(!check.isSound)
        #expect(check.findings.map(\.page) == [UInt64(map.meta.metaPage)])
    }

    @Test func truncatedToOnePage() throws {
        let bytes = Array(try StructureSupport.fixtureBytes("four_stage").prefix(pageSize))
        let (check, report) = try walkDamaged(bytes)
        #expect(!check.isSound)
        #expect(check.findings.contains { $0.page == 1 })
        #expect(!report.isClean)
    }

    @Test func truncatedByOnePage() throws {
        let bytes = Array(try StructureSupport.fixtureBytes("four_stage").dropLast(pageSize))
        let (check, report) = try walkDamaged(bytes)
        #expect(check.findings.map(\.detail) == [.fileTruncated(length: 65536, pages: 17, pageSize: 4096)])
        #expect(
            check.findings.map(StructurePhrasing.describe) == [
                "the file is 65536 bytes but the newest meta page says it has 17 pages (69632 bytes): it looks truncated"
            ])
        #expect(kinds(report).contains(.meta))
    }

    @Test func subDatabaseRootPastTheEnd() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        bytes.setU64(try map.recordOffset("in_edges") + 40, map.meta.lastPage + 10)
        let (check, report) = try walkDamaged(bytes)
        #expect(check.isSound)
        #expect(report.findings.contains { $0.kind == .pageRange && $0.database == "in_edges" })
    }

    @Test func mainRootPastTheEndInTheMetaPage() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        bytes.setU64(map.metaPageOffset + 16 + 24 + 48 + 40, 1000)
        let (check, report) = try walkDamaged(bytes)
        #expect(check.findings.map(\.kind) == [.meta])
        #expect(check.findings.first?.detail == .metaRootOutOfRange(.main, root: 1000, lastPage: map.meta.lastPage))
        #expect(check.findings.first.map(StructurePhrasing.describe)?.contains("main DB root page 1000") == true)
        #expect(kinds(report).contains(.pageRange))
    }

    @Test func leafFlagsChangedToBranch() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        bytes.setU16(map.pageOffset(try map.record("in_edges").root) + 10, 0x01)
        let (_, report) = try walkDamaged(bytes)
        #expect(!kinds(report).isDisjoint(with: [.pageType, .depth]))
        #expect(report.databases["in_edges"]?.entriesWalked == 0)
    }

    @Test
    func leafUnderABranchChangedToBranch() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try StructureSupport.makeCheckpoint(roots: 50, in: dir))))
        let map = try FileMap(bytes)
        let record = try map.record("task_type")
        // Follow the first child pointers down to the leftmost leaf.
        var page = record.root
        for _ in 1..<Int(record.depth) {
            let node = map.nodeOffset(page: map.pageOffset(page), 0)
            page = UInt64(bytes.u16(node)) | UInt64(bytes.u16(node + 2)) << 16
        }
        #expect(bytes.u16(map.pageOffset(page) + 10) == 0x02)
        bytes.setU16(map.pageOffset(page) + 10, 0x01)
        let (_, report) = try walkDamaged(bytes)
        #expect(report.findings.contains { $0.kind == .pageType && $0.page == page })
        #expect(kinds(report).contains(.entryCount))
    }

    @Test func lowerAboveUpper() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        let page = map.pageOffset(try map.record("task_type").root)
        bytes.setU16(page + 12, bytes.u16(page + 14) + 2)
        let (_, report) = try walkDamaged(bytes)
        #expect(report.findings.contains { $0.kind == .pageBounds && $0.database == "task_type" })
    }

    @Test func twoKeysSwapped() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        let page = map.pageOffset(try map.record("task_type").root)
        let first = bytes.u16(page + 16)
        bytes.setU16(page + 16, bytes.u16(page + 18))
        bytes.setU16(page + 18, first)
        let (_, report) = try walkDamaged(bytes)
        #expect(kinds(report) == [.keyOrder])
        #expect(report.databases["task_type"]?.entriesWalked == 8)
    }

    @Test func duplicateValuesSwapped() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        // The fan-in task has three parents: its in_edges node holds a sub-page.
        let page = map.pageOffset(try map.record("in_edges").root)
        let node = try #require(firstSubpageNode(map, page: page))
        let sub = node + 8 + bytes.u16(node + 6)
        let first = bytes.u16(sub + 16)
        bytes.setU16(sub + 16, bytes.u16(sub + 18))
        bytes.setU16(sub + 18, first)
        let (_, report) = try walkDamaged(bytes)
        #expect(kinds(report) == [.dupOrder])
    }

    @Test("a node flag on a duplicate in a sub-page is damage (the writer never sets one), whichever flag", arguments: [1, 2, 4])
    func duplicateWithNodeFlags(flags: Int) throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        let page = map.pageOffset(try map.record("in_edges").root)
        let node = try #require(firstSubpageNode(map, page: page))
        let sub = node + 8 + bytes.u16(node + 6)
        let duplicate = sub + bytes.u16(sub + 16)
        bytes.setU16(duplicate + 4, flags)
        let (_, report) = try walkDamaged(bytes)
        #expect(kinds(report) == [.nodeFlags], "\(report.findings)")
        // Every key is still delivered: only the flag is wrong.
        #expect(report.findings.count == 1)
    }

    @Test func entryCountInTheRecordAltered() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        let offset = try map.recordOffset("task_type") + 32
        bytes.setU64(offset, bytes.u64(offset) + 1)
        let (_, report) = try walkDamaged(bytes)
        #expect(kinds(report) == [.entryCount])
        #expect(report.databases["task_type"]?.entriesDeclared == 9)
        #expect(report.databases["task_type"]?.entriesWalked == 8)
    }

    @Test func twoTreesShareARootPage() throws {
        var bytes = try StructureSupport.fixtureBytes("four_stage_completed")
        let map = try FileMap(bytes)
        bytes.setU64(try map.recordOffset("completed") + 40, try map.record("task_type").root)
        let (_, report) = try walkDamaged(bytes)
        #expect(kinds(report).contains(.pageShared))
        #expect(kinds(report).contains(.unaccounted))
    }

    @Test
    func childPointerToAPageAlreadyUsed() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try StructureSupport.makeCheckpoint(roots: 50, in: dir))))
        let map = try FileMap(bytes)
        let root = map.pageOffset(try map.record("in_edges").root)
        #expect(bytes.u16(root + 10) == 0x01)
        let first = map.nodeOffset(page: root, 0)
        let second = map.nodeOffset(page: root, 1)
        bytes.setU16(second, bytes.u16(first))
        bytes.setU16(second + 2, bytes.u16(first + 2))
        bytes.setU16(second + 4, bytes.u16(first + 4))
        let (_, report) = try walkDamaged(bytes)
        #expect(report.findings.contains { $0.kind == .pageShared && $0.database == "in_edges" })
    }

    @Test
    func overflowPageNumberPastTheEnd() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let path = try StructureSupport.makeWithPython(StructureFixtureTests.bigValuesScript, named: "big.mdb", in: dir)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let map = try FileMap(bytes)
        let page = map.pageOffset(try map.record("blobs").root)
        let node = map.nodeOffset(page: page, 0)
        #expect(bytes.u16(node + 4) == 0x01)
        bytes.setU64(node + 8 + bytes.u16(node + 6), map.meta.lastPage + 100)
        let (_, report) = try walkDamaged(bytes)
        #expect(report.findings.contains { $0.kind == .overflowRange && $0.database == "blobs" })
        #expect(report.databases["blobs"]?.entriesWalked == 1)
    }

    @Test func randomBytesFile() throws {
        var generator = SplitMix64(state: 42)
        let bytes = (0..<(16 * pageSize)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let (check, report) = try walkDamaged(bytes)
        #expect(check.meta == nil)
        #expect(kinds(report) == [.meta])
    }

    @Test func textFile() throws {
        let bytes = Array(String(repeating: "this is not an LMDB file\n", count: 400).utf8)
        let (check, report) = try walkDamaged(bytes)
        #expect(check.meta == nil)
        let flags = UInt16(bytes[10]) | UInt16(bytes[11]) << 8
        #expect(check.findings.first == StructureFinding(kind: .meta, page: 0, detail: .notMetaPage(flags: flags)))
        #expect(!report.isClean)
    }

    @Test func findingsAreCappedButCountedExactly() throws {
        // Every record claims one entry too many: 4 findings; the cap is far above, so all are kept.
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        for name in ["in_edges", "out_edges", "task_type"] {
            let offset = try map.recordOffset(name) + 32
            bytes.setU64(offset, bytes.u64(offset) + 1)
        }
        let (_, report) = try walkDamaged(bytes)
        #expect(report.findingCount == 3)
        #expect(report.findings.count == 3)
    }
}

import LineageKit
import LineageTestSupport
import Testing

/// A hand-made damage to a copy of the `four_stage` fixture, with the one finding it must cause.
///
/// These cover the finding kinds random damage reaches only by chance.
enum HandDamage: String, CaseIterable, CustomStringConvertible {
    case pageNumber, nodeFlags, pageCount, subDatabaseRecord, freeListCount, freeListPage

    var description: String { rawValue }

    /// The damaged bytes and the finding (kind, database, page and detail) they must produce.
    func make() throws -> (bytes: [UInt8], expected: StructureFinding) {
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        let map = try FileMap(bytes)
        let taskType = try map.record("task_type")
        switch self {
        case .pageNumber:
            // The root page of task_type claims to be the page after it.
            bytes.setU64(map.pageOffset(taskType.root), taskType.root + 1)
            return (
                bytes,
                StructureFinding(
                    kind: .pageNumber, database: "task_type", page: taskType.root,
                    detail: .pageNumberMismatch(stored: taskType.root + 1))
            )
        case .nodeFlags:
            // task_type has no duplicates, yet its first node now says it holds some.
            let page = map.pageOffset(taskType.root)
            #expect(bytes.u16(page + 10) == 0x02, "task_type's root is a leaf")
            let node = map.nodeOffset(page: page, 0)
            #expect(bytes.u16(node + 4) == 0)
            bytes.setU16(node + 4, 0x04)
            return (
                bytes,
                StructureFinding(
                    kind: .nodeFlags, database: "task_type", page: taskType.root,
                    detail: .duplicateFlagsWithoutDupSort(node: 0, flags: 0x04))
            )
        case .pageCount:
            // The record claims one leaf page more than its tree has.
            let offset = try map.recordOffset("task_type") + 16
            bytes.setU64(offset, taskType.leafPages + 1)
            let declared = StructureFinding.PageCounts(
                branch: taskType.branchPages, leaf: taskType.leafPages + 1, overflow: taskType.overflowPages)
            let walked = StructureFinding.PageCounts(
                branch: taskType.branchPages, leaf: taskType.leafPages, overflow: taskType.overflowPages)
            return (
                bytes,
                StructureFinding(
                    kind: .pageCount, database: "task_type", page: taskType.root,
                    detail: .pagesDiffer(
                        nested: false, walked: walked, inNestedTrees: .init(branch: 0, leaf: 0, overflow: 0),
                        declared: declared))
            )
        case .subDatabaseRecord:
            // The main DB's node for task_type says its record is 40 bytes, not 48.
            let name = Array("task_type".utf8)
            let node = try map.recordOffset("task_type") - 8 - name.count
            #expect(bytes.u16(node) == 48)
            bytes.setU16(node, 40)
            return (
                bytes,
                StructureFinding(
                    kind: .subdbRecord, database: StructureWalker.mainName, page: map.meta.mainDatabase.root,
                    detail: .subDatabaseRecordSize(name: name, size: 40))
            )
        case .freeListCount, .freeListPage:
            let root = map.meta.freeDatabase.root
            let page = map.pageOffset(root)
            #expect(bytes.u16(page + 10) == 0x02, "the free list is one leaf")
            let node = map.nodeOffset(page: page, 0)
            #expect(bytes.u16(node + 4) == 0, "the first free-list entry is stored in the page")
            let dataSize = bytes.u16(node)
            let value = node + 8 + bytes.u16(node + 6)
            #expect(bytes.u64(value) >= 1)
            if self == .freeListCount {
                // The entry claims more page numbers than its bytes hold.
                let claimed = UInt64(dataSize / 8)
                bytes.setU64(value, claimed)
                return (
                    bytes,
                    StructureFinding(
                        kind: .freeList, database: StructureWalker.freeListName, page: root,
                        detail: .freeEntryOverfull(count: claimed, size: dataSize))
                )
            }
            // The entry's first page number is a meta page.
            bytes.setU64(value + 8, 1)
            return (
                bytes,
                StructureFinding(
                    kind: .freeList, database: StructureWalker.freeListName, page: root,
                    detail: .freePageOutOfRange(freePage: 1, lastPage: map.meta.lastPage))
            )
        }
    }
}

@Suite("Structure findings of each kind on hand-damaged files")
struct StructureFindingKindTests {
    @Test("the damage is found with its kind, database and page", arguments: HandDamage.allCases)
    func damageIsFound(_ damage: HandDamage) throws {
        let (bytes, expected) = try damage.make()
        let (_, report) = try walkDamaged(bytes)
        #expect(
            report.findings.contains(expected),
            "expected \(expected), got \(report.findings.map(\.description))")
        let located = report.findings.filter {
            $0.kind == expected.kind && $0.database == expected.database && $0.page == expected.page
        }
        #expect(!located.isEmpty)
    }

    @Test func theUndamagedFixtureHasNoneOfThem() throws {
        let (_, report) = try walkDamaged(try StructureSupport.fixtureBytes("four_stage"))
        #expect(report.isClean, "\(report.findings.map(\.description))")
    }

    @Test func aSubDatabaseTheMainDBDoesNotNameIsASubDatabaseRecordFinding() throws {
        let walker = StructureWalker(file: MappedFile(copying: try StructureSupport.fixtureBytes("four_stage")))
        let result = walker.walk(database: "no_such_table") { _, _ in }
        #expect(
            result.findings == [StructureFinding(kind: .subdbRecord, database: "no_such_table", detail: .noSuchSubDatabase)])
    }
}

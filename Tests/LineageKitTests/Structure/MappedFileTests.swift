import Foundation
import LineageKit
import Testing

@Suite("Structure: MappedFile")
struct StructureMappedFileTests {
    @Test func mapsAFixtureReadOnlyWithoutCreatingALockFile() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let path = try StructureSupport.write(
            StructureSupport.fixtureBytes("four_stage"), named: "ckpt.mdb", in: dir)
        let file = try MappedFile(path: path)
        #expect(file.bytes.count == 69632)
        #expect(file.path == path)
        _ = StructureWalker(file: file).walkAll()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["ckpt.mdb"])
    }

    @Test func missingFileIsANamedError() throws {
        let path = "/nonexistent-\(UUID().uuidString)/ckpt.mdb"
        #expect(throws: MappedFileError(path: path, reason: .notFound)) { try MappedFile(path: path) }
        do {
            _ = try MappedFile(path: path)
        } catch {
            #expect(error.description.contains(path))
        }
    }

    @Test func directoryIsReadThroughItsDataFile() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        #expect(throws: MappedFileError(path: dir.path, reason: .directoryWithoutData)) {
            try MappedFile(path: dir.path)
        }
        _ = try StructureSupport.write(StructureSupport.fixtureBytes("four_stage"), named: "data.mdb", in: dir)
        let file = try MappedFile(path: dir.path)
        #expect(file.path.hasSuffix("/data.mdb"))
        #expect(StructureWalker(file: file).walkAll().isClean)
    }

    @Test func zeroLengthFileMapsToAnEmptyBufferAndFailsTheMetaCheck() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let path = try StructureSupport.write([], named: "empty.mdb", in: dir)
        let file = try MappedFile(path: path)
        #expect(file.bytes.isEmpty)
        let check = MetaCheck(file: file)
        #expect(check.meta == nil)
        #expect(check.findings.map(\.kind) == [.meta])
        let report = StructureWalker(file: file).walkAll()
        #expect(!report.isClean)
        #expect(report.meta == nil)
    }
}

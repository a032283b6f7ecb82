import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

/// The structure walk never passes a file that LMDB's readers refuse: random damage to the
/// DAG fixtures, each copy read whole by py-lmdb from PyPI (its bundled, patched LMDB
/// 0.9.36) in a forked child. Where py-lmdb raises, faults or hangs, the walk must have a
/// finding (verify says DAMAGED).
@Suite(.enabled(if: CuratorPipelineReader.isAvailable, "needs python3 with py-lmdb (make test-deps)"))
struct StructureOracleTests {
    /// Whether the structure walk finds nothing wrong with `path` (what verify's structure
    /// check passes).
    static func walkPasses(_ path: String) -> Bool {
        guard let file = try? MappedFile(path: path) else { return false }
        let walker = StructureWalker(file: file)
        var walks = [walker.walkFreeList()]
        for database in walker.databases { walks.append(walker.walk(database: database.name) { _, _ in }) }
        return walker.report(combining: walks).findings.isEmpty
    }

    @Test func theWalkNeverPassesAFilePyLMDBRefuses() throws {
        try withTemporaryDirectory { directory in
            let originals = try StructureSupport.fixtureNames.map { try StructureSupport.fixtureBytes($0) }
            var random = SplitMix64(state: 0x5EED_0019)
            var cases: [(what: String, path: String)] = []
            for round in 0..<400 {
                let which = round % originals.count
                let (what, bytes) = mutate(originals[which], pageSize: 4096, using: &random)
                let path = directory.appendingPathComponent("mutation-\(round).mdb").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                cases.append(("\(StructureSupport.fixtureNames[which]), mutation \(round): \(what)", path))
            }
            let answers = try PipelineFileOracle.read(cases.map(\.path), everything: true)
            var refused = 0
            for (item, oracle) in zip(cases, answers) where oracle.outcome != "read" {
                refused += 1
                #expect(!Self.walkPasses(item.path), "\(item.what): py-lmdb \(oracle.outcome) (\(oracle.detail ?? "")), but the walk passes it")
            }
            // The campaign reaches files py-lmdb refuses, or it proves nothing.
            #expect(refused > 40, "only \(refused) of 400 refused")
        }
    }
}

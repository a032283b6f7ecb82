import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

/// The totals read from the named databases' records, held to `mdb_stat` (the
/// independent oracle) and to the walk, and refusing what is not LMDB.
@Suite("RecordTotals: entry counts from the sub-databases' records")
struct RecordTotalsTests {
    @Test("every fixture: the entries mdb_stat reports for each database, and its last transaction", arguments: FixtureExpectation.names)
    func fixtures(name: String) throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let path = try StructureSupport.write(StructureSupport.fixtureBytes(name), named: "copy.mdb", in: dir)
        let totals = try RecordTotals.read(path: path)
        let stat = try #require(StructureSupport.mdbStat(path), "mdb_stat is needed: install lmdb-utils")
        #expect(totals.txnid == stat["Environment Info"]?["Last transaction ID"])
        #expect(Set(totals.records.keys) == Set(SubDatabase.allCases.map(\.rawValue)))
        for database in SubDatabase.allCases {
            #expect(UInt64(totals.entries(database.rawValue) ?? -1) == stat[database.rawValue]?["Entries"], "\(name) \(database)")
        }
        // The DAG totals are the fixture's own counts.
        let expected = try FixtureExpectation.load(name)
        let dag = try #require(DAGTotals(checkpoint: path, totals))
        #expect(dag.tasks.total == expected.records.count)
        #expect(dag.tasks.completed == expected.records.values.filter(\.completed).count)
        #expect(dag.edges == expected.edges.count)
    }

    /// 300 named databases: the main database spans branch pages.
    static let manyDatabases = """
        import lmdb, sys
        env = lmdb.open(sys.argv[1], subdir=False, lock=False, max_dbs=400, map_size=1 << 26)
        for i in range(300):
            db = env.open_db(b"db%04d" % i)
            with env.begin(write=True, db=db) as txn:
                for k in range(i % 7):
                    txn.put(b"k%d" % k, b"v")
        env.close()
        """

    @Test("a main database of several pages: every record found, as mdb_stat counts them")
    func branchPages() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let path = try StructureSupport.makeWithPython(Self.manyDatabases, named: "many.mdb", in: dir)
        let stat = try #require(StructureSupport.mdbStat(path))
        #expect((stat["Main DB"]?["Tree depth"] ?? 0) > 1, "the main database should span branch pages")
        let totals = try RecordTotals.read(path: path)
        #expect(totals.records.count == 300)
        for i in [0, 1, 6, 150, 299] {
            let name = String(format: "db%04d", i)
            #expect(totals.entries(name) == i % 7, "\(name)")
            #expect(UInt64(totals.entries(name) ?? -1) == stat[name]?["Entries"], "\(name)")
        }
    }

    @Test("not LMDB, empty, missing or with a main-database root past the end: a Problem, never a crash")
    func refuses() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let text = try StructureSupport.write(Array("not a checkpoint at all\n".utf8), named: "text.mdb", in: dir)
        let empty = try StructureSupport.write([], named: "empty.mdb", in: dir)
        var bytes = try StructureSupport.fixtureBytes("four_stage")
        // Both meta pages' main-database root (offset 16 + 72 + 40 in pages 0 and 1) points past the file.
        for page in 0..<2 {
            let at = page * 4096 + 16 + 72 + 40
            for index in 0..<8 { bytes[at + index] = index == 0 ? 0xF0 : 0 }
            bytes[at + 1] = 0xFF
        }
        let past = try StructureSupport.write(bytes, named: "past.mdb", in: dir)
        let truncated = try StructureSupport.write(
            Array(try StructureSupport.fixtureBytes("four_stage").prefix(3 * 4096)), named: "short.mdb", in: dir)
        for path in [text, empty, past, truncated, dir.appendingPathComponent("missing.mdb").path] {
            #expect(throws: RecordTotals.Problem.self, "\(path)") { try RecordTotals.read(path: path) }
        }
    }

    @Test("a directory holding data.mdb is read through it")
    func directory() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        _ = try StructureSupport.write(StructureSupport.fixtureBytes("four_stage"), named: "data.mdb", in: dir)
        let totals = try RecordTotals.read(path: dir.path)
        #expect(totals.entries("task_type") == (try FixtureExpectation.load("four_stage")).records.count)
    }
}

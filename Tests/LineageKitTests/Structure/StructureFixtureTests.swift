import Foundation
import LineageKit
import LineageTestSupport
import Testing

extension FixtureExpectation {
    /// The (key, value) pairs each sub-database must hold, sorted as LMDB sorts them.
    var expectedPairs: [String: [String]] {
        var inEdges: [String] = []
        var outEdges: [String] = []
        var types: [String] = []
        var completed: [String] = []
        for (udid, record) in records {
            for parent in record.parents { inEdges.append(udid + " " + parent) }
            for child in record.children { outEdges.append(udid + " " + child) }
            types.append(udid + " " + record.taskType)
            if record.completed { completed.append(udid + " 1") }
        }
        return [
            "in_edges": inEdges.sorted(), "out_edges": outEdges.sorted(), "task_type": types.sorted(),
            "completed": completed.sorted(),
        ]
    }
}

/// Walks `name` of `walker`, returning "key value" strings in delivery order.
func deliveredPairs(_ walker: StructureWalker, _ name: String) -> (pairs: [String], result: DatabaseWalkResult) {
    var pairs: [String] = []
    let result = walker.walk(database: name) { key, value in
        pairs.append(String(decoding: key, as: UTF8.self) + " " + String(decoding: value, as: UTF8.self))
    }
    return (pairs, result)
}

@Suite("Structure walk of sound files")
struct StructureFixtureTests {
    @Test(arguments: FixtureExpectation.names)
    func fixtureWalksCleanAndDeliversItsRecords(name: String) throws {
        let file = MappedFile(copying: try StructureSupport.fixtureBytes(name), name: name)
        let walker = StructureWalker(file: file)
        #expect(walker.metaCheck.isSound)
        #expect(walker.databases.map(\.name) == ["completed", "in_edges", "out_edges", "task_type"])
        let expected = try FixtureExpectation.load(name).expectedPairs
        var results: [DatabaseWalkResult] = [walker.walkFreeList()]
        for database in ["in_edges", "out_edges", "task_type", "completed"] {
            let (pairs, result) = deliveredPairs(walker, database)
            // Delivery order is LMDB's order: keys, then duplicates, byte-wise.
            #expect(pairs == expected[database], "\(name) \(database)")
            #expect(result.isClean, "\(name) \(database): \(result.findings)")
            #expect(result.entriesWalked == UInt64(pairs.count))
            #expect(result.record?.entries == UInt64(pairs.count))
            results.append(result)
        }
        let report = walker.report(combining: results)
        #expect(report.isClean, "\(report.findings)")
        #expect(report.pagesReachable + report.pagesOnFreeList + 2 == (report.meta?.lastPage ?? 0) + 1)
        #expect(report.databases["in_edges"]?.flags == 0x04)
        #expect(report.databases["task_type"]?.flags == 0)
    }

    @Test(arguments: FixtureExpectation.names)
    func fixtureCountsMatchMdbStat(name: String) throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let path = try StructureSupport.write(StructureSupport.fixtureBytes(name), named: "copy.mdb", in: dir)
        let report = StructureWalker(file: try MappedFile(path: path)).walkAll()
        try expectMatchesMdbStat(report, path: path)
    }

    @Test func concurrentWalkAllEqualsSerialWalkAll() async throws {
        let walker = StructureWalker(file: MappedFile(copying: try StructureSupport.fixtureBytes("retries_and_joins")))
        let serial = walker.walkAll()
        let concurrent = await walker.walkAllConcurrently()
        #expect(serial.databases == concurrent.databases)
        #expect(serial.findings == concurrent.findings)
        #expect(serial.pagesReachable == concurrent.pagesReachable)
    }

    @Test
    func generatedCheckpointWithBranchPagesWalksCleanAndMatchesMdbStat() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let path = try StructureSupport.makeCheckpoint(roots: 50, in: dir)
        let walker = StructureWalker(file: try MappedFile(path: path))
        let report = walker.walkAll()
        #expect(report.isClean, "\(report.findings)")
        #expect((report.databases["in_edges"]?.depth ?? 0) > 1)
        try expectMatchesMdbStat(report, path: path)
        var previous = ""
        var ordered = true
        _ = walker.walk(database: "task_type") { key, _ in
            let current = String(decoding: key, as: UTF8.self)
            if current <= previous { ordered = false }
            previous = current
        }
        #expect(ordered)
    }

    @Test
    func nestedDuplicateTreesAndOverflowValuesAreWalked() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let path = try StructureSupport.makeWithPython(Self.bigValuesScript, named: "nested.mdb", in: dir)
        let walker = StructureWalker(file: try MappedFile(path: path))
        let report = walker.walkAll()
        #expect(report.isClean, "\(report.findings)")
        try expectMatchesMdbStat(report, path: path)
        let (pairs, result) = deliveredPairs(walker, "many")
        #expect(result.nestedTrees == 1)
        #expect(result.nestedPages > 0)
        #expect(pairs.count == 301)
        #expect(pairs.first == "k0000 v00000")
        #expect(pairs.last == "k0001 only")
        var bigSizes: [Int] = []
        let blobs = walker.walk(database: "blobs") { _, value in bigSizes.append(value.count) }
        #expect(bigSizes == [10000, 5])
        #expect(blobs.overflowPages == 3)
    }

    @Test
    func otherKeyOrdersAndFixedSizeDuplicatesAreWalked() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let path = try StructureSupport.makeWithPython(Self.flagsScript, named: "flags.mdb", in: dir)
        let walker = try StructureWalker(path: path)
        let report = walker.walkAll()
        #expect(report.isClean, "\(report.findings)")
        try expectMatchesMdbStat(report, path: path)
        #expect(report.databases["fixed"]?.entriesWalked == 1503)
        #expect(report.databases["intdup"]?.entriesWalked == 600)
        var fixed: [String] = []
        let result = walker.walk(database: "fixed") { key, value in
            fixed.append(String(decoding: key, as: UTF8.self) + " " + String(decoding: value, as: UTF8.self))
        }
        #expect(result.nestedTrees == 1)
        #expect(fixed.prefix(4) == ["a a", "a b", "a c", "b 0000"])
        #expect(fixed.last == "b 1499")
        #expect(result.nestedPages == 3)
    }

    /// Writes databases with reversed keys, integer keys, and fixed-size (`P_LEAF2`) duplicates,
    /// both in sub-pages and in nested trees.
    static let flagsScript = """
        import lmdb, struct, sys
        env = lmdb.open(sys.argv[1], subdir=False, lock=False, max_dbs=8, map_size=1 << 26)
        rev = env.open_db(b"rev", reverse_key=True)
        ints = env.open_db(b"ints", integerkey=True)
        fixed = env.open_db(b"fixed", dupsort=True, dupfixed=True)
        intdup = env.open_db(b"intdup", dupsort=True, dupfixed=True, integerdup=True)
        with env.begin(write=True) as txn:
            for i in range(500):
                txn.put(b"k%d" % (i * 7919 % 1000), b"v", db=rev)
                txn.put(struct.pack("=Q", i * 104729 % 1000003), b"v", db=ints)
            for d in (b"c", b"a", b"b"):
                txn.put(b"a", d, db=fixed)
            for i in range(1500):
                txn.put(b"b", b"%04d" % i, db=fixed)
            for k in (b"x", b"y"):
                for i in range(300):
                    txn.put(k, struct.pack("=Q", i * 7 + 1), db=intdup)
        env.close()
        """

    /// Writes `blobs` (one 10000-byte value on overflow pages) and `many` (a key with 300 duplicates: a nested tree).
    static let bigValuesScript = """
        import lmdb, sys
        env = lmdb.open(sys.argv[1], subdir=False, lock=False, max_dbs=4, map_size=1 << 26)
        blobs = env.open_db(b"blobs")
        many = env.open_db(b"many", dupsort=True)
        with env.begin(write=True) as txn:
            txn.put(b"big", b"x" * 10000, db=blobs)
            txn.put(b"small", b"hello", db=blobs)
            for i in range(300):
                txn.put(b"k0000", b"v%05d" % i, db=many)
            txn.put(b"k0001", b"only", db=many)
        env.close()
        """
}

/// Compares each database's record and walk with `mdb_stat -n -a`. A missing mdb_stat fails
/// the test rather than skipping the comparison: CI installs lmdb-utils.
func expectMatchesMdbStat(_ report: StructureReport, path: String) throws {
    try #require(
        StructureSupport.findExecutable("mdb_stat") != nil,
        "mdb_stat is not on PATH: install lmdb-utils (CI does); it is the independent oracle for this test")
    let stat = try #require(StructureSupport.mdbStat(path), "mdb_stat -n -e -f -a \(path) failed")
    let main = try #require(stat["Main DB"])
    #expect(main["Entries"] == report.main?.entriesWalked)
    let environment = try #require(stat["Environment Info"])
    let meta = try #require(report.meta)
    #expect(environment["Page size"] == UInt64(meta.pageSize))
    #expect(environment["Number of pages used"] == meta.lastPage + 1)
    #expect(environment["Last transaction ID"] == meta.txnid)
    let freelist = try #require(stat["Freelist Status"])
    #expect(freelist["Free pages"] == report.pagesOnFreeList)
    #expect(freelist["Entries"] == report.freeList?.entriesWalked)
    for (name, summary) in report.databases {
        let fields = try #require(stat[name], "mdb_stat has no \(name)")
        let record = try #require(summary.record)
        #expect(fields["Tree depth"] == UInt64(record.depth), "\(name)")
        #expect(fields["Branch pages"] == record.branchPages, "\(name)")
        #expect(fields["Leaf pages"] == record.leafPages, "\(name)")
        #expect(fields["Overflow pages"] == record.overflowPages, "\(name)")
        #expect(fields["Entries"] == summary.entriesWalked, "\(name)")
    }
}

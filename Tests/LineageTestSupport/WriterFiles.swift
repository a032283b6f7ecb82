import Foundation

/// Writer files to damage: the fixture's three (written by the pipeline's writer) and a
/// larger one written by py-lmdb the way the writer does, whose tree has a branch page.
public enum WriterFiles {
    public struct Sources {
        public let all: [String]
        public let noDatabase: String
    }

    /// The writer files of the folder `fixtures`, and the two written into `directory`.
    public static func make(in directory: URL, fixtures: URL) throws -> Sources {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".mdb") }.sorted()
        var all = names.map { fixtures.appendingPathComponent($0).path }
        let large = directory.appendingPathComponent("large.mdb").path
        let plain = directory.appendingPathComponent("plain.mdb").path
        let script = """
            import hashlib, lmdb, sys
            env = lmdb.open(sys.argv[1], subdir=False, max_dbs=1, sync=False, map_size=1 << 24)
            db = env.open_db(b"completed_sources")
            for start in range(0, 1200, 10):
                with env.begin(write=True, db=db) as txn:
                    for n in range(start, start + 10):
                        txn.put(hashlib.sha256(str(n).encode()).hexdigest()[:12].encode(), b"1")
            env.close()
            env = lmdb.open(sys.argv[2], subdir=False, max_dbs=1, sync=False, map_size=1 << 20)
            with env.begin(write=True) as txn:
                txn.put(b"other", b"1")
            env.close()
            """
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, large, plain])
        guard result.status == 0 else { throw CuratorPipelineReader.OracleFailure(description: "writing large.mdb: \(result)") }
        all.append(large)
        return Sources(all: all, noDatabase: plain)
    }

    public static func u16(_ bytes: [UInt8], _ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
    public static func u64(_ bytes: [UInt8], _ offset: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) } }
    public static func setU16(_ bytes: inout [UInt8], _ offset: Int, _ value: Int) {
        bytes[offset] = UInt8(value & 0xFF)
        bytes[offset + 1] = UInt8(value >> 8)
    }
    public static func setU64(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt64) {
        for step in 0..<8 { bytes[offset + step] = UInt8(truncatingIfNeeded: value >> (8 * step)) }
    }
    public static func zero(_ bytes: inout [UInt8], page: Int) {
        for index in page * 4096..<min(bytes.count, (page + 1) * 4096) { bytes[index] = 0 }
    }
    /// The first node of a leaf page.
    public static func firstNode(_ bytes: [UInt8], page: Int) -> Int { page * 4096 + u16(bytes, page * 4096 + 16) }
    public static func setFirstKeyByte(_ bytes: inout [UInt8], page: Int, _ value: UInt8) { bytes[firstNode(bytes, page: page) + 8] = value }
    public static func setFirstNodeFlags(_ bytes: inout [UInt8], page: Int, _ value: Int) { setU16(&bytes, firstNode(bytes, page: page) + 4, value) }
    public static func swapFirstSlots(_ bytes: inout [UInt8], page: Int) {
        let slot = page * 4096 + 16
        (bytes[slot], bytes[slot + 1], bytes[slot + 2], bytes[slot + 3]) = (bytes[slot + 2], bytes[slot + 3], bytes[slot], bytes[slot + 1])
    }

    /// One to three random bytes of `bytes` set to random values: half of them in the first
    /// 64 bytes of a page (page and node headers, where a byte changes what liblmdb does),
    /// the others anywhere in the page.
    public static func mutate(_ bytes: inout [UInt8], using random: inout SplitMix64) {
        let pages = bytes.count / 4096
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let page = Int.random(in: 0..<pages, using: &random)
            let offset = Bool.random(using: &random) ? Int.random(in: 0..<64, using: &random) : Int.random(in: 0..<4096, using: &random)
            bytes[page * 4096 + offset] = UInt8.random(in: 0...255, using: &random)
        }
    }

    /// Pages whose header says they are branch pages (the live tree's and older snapshots').
    public static func branchPages(of bytes: [UInt8]) -> [Int] {
        (2..<bytes.count / 4096).filter { page in
            let base = page * 4096
            return u64(bytes, base) == UInt64(page) && u16(bytes, base + 10) == 0x01 && u16(bytes, base + 12) >= 20
        }
    }

    /// The offset of the child page number of node `index` of a branch page.
    public static func childNode(_ bytes: [UInt8], page: Int, index: Int) -> Int { page * 4096 + u16(bytes, page * 4096 + 16 + 2 * index) }

    /// The records of `completed_sources` in the main database's leaves (every snapshot's):
    /// the offset of each 48-byte record.
    public static func sourceRecords(of bytes: [UInt8]) -> [Int] {
        (2..<bytes.count / 4096).compactMap { page in
            let base = page * 4096
            guard u64(bytes, base) == UInt64(page), u16(bytes, base + 10) == 0x02, u16(bytes, base + 12) >= 18 else { return nil }
            let node = firstNode(bytes, page: page)
            guard u16(bytes, node + 6) == 17, Array(bytes[node + 8..<node + 25]) == Array("completed_sources".utf8) else { return nil }
            return node + 8 + 17
        }
    }

    /// The leaf pages holding source ids (12-character keys), in page order.
    public static func sourceLeaves(of path: String) -> [Int] {
        guard let bytes = try? Array(Data(contentsOf: URL(fileURLWithPath: path))) else { return [] }
        return (2..<bytes.count / 4096).filter { page in
            let base = page * 4096
            guard u64(bytes, base) == UInt64(page), bytes[base + 10] == 0x02, u16(bytes, base + 12) > 18 else { return false }
            return u16(bytes, firstNode(bytes, page: page) + 6) == 12
        }
    }
}

extension ReaderModel {
    /// The environment as `lmdb.open` leaves it: the page size, the first page number past
    /// the snapshot, and the main DB's record of the meta page a read transaction picks.
    struct Environment {
        let pageSize: UInt64
        let nextPage: UInt64
        let main: Record
    }

    /// A sub-database record (`MDB_db`) at a byte offset of the map.
    struct Record {
        let pad: UInt32
        let flags: UInt16
        let depth: UInt16
        let root: UInt64

        init(_ model: ReaderModel, at offset: UInt64) throws(Stop) {
            _ = try model.read(offset, 48)
            pad = try model.u32(offset)
            flags = try model.u16(offset + 4)
            depth = try model.u16(offset + 6)
            root = try model.u64(offset + 40)
        }

        /// `BAD_DB_FLAGS`: a flag that needs `MDB_DUPSORT` without it.
        var badFlags: Bool { DatabaseFlag.needsDupSort(flags) }
        /// `BAD_MD_PAD`: a fixed key size larger than a page's room.
        func badPad(pageSize: UInt64) -> Bool { UInt64(pad) > pageSize - UInt64(Layout.pageHeaderSize) }
    }

    /// `lmdb.open(path, subdir=False, readonly=True, lock=False, max_dbs=1)`.
    func open() throws(Stop) -> Environment {
        try chooseEngine()
        let header = try readHeader()
        let pageSize = UInt64(try u32(header + 40))
        // mdb_env_open2: the page size of the chosen meta must be a power of two in range.
        guard pageSize >= UInt64(Layout.pageHeaderSize), pageSize <= UInt64(Self.maxPageSize), pageSize & (pageSize - 1) == 0 else {
            throw fail(.open, .invalid, "its meta page gives the page size \(pageSize)")
        }
        // The map: py-lmdb's 10 MiB, or what the meta's last page needs (a wrapping product).
        let needed = (try u64(header + 136) &+ 1) &* pageSize
        let mapSize = max(Self.pyLMDBMapSize, needed)
        guard mapSize <= 1 << 46 else {
            throw Stop(outcome: .undecided("its meta page asks for a map of \(mapSize) bytes, which mmap may refuse"))
        }
        // mdb_txn_renew0, in the read transaction lmdb.open begins: the meta with the larger
        // transaction id as the map shows it (the second at one page size).
        let first = try u64(16 + 128)
        let second = try u64(pageSize + 16 + 128)
        let meta: UInt64 = first < second ? pageSize : 0
        let nextPage = try u64(meta + 136) &+ 1
        guard mapSize / pageSize >= nextPage else { throw fail(.open, .mapResized, "its last page is past the map") }
        let free = try Record(self, at: meta + 40)
        let main = try Record(self, at: meta + 88)
        guard !free.badFlags, !main.badFlags else { throw fail(.open, .invalid, "a meta page's database flags") }
        guard !main.badPad(pageSize: pageSize) else { throw fail(.open, .invalid, "the main database's key size") }
        return Environment(pageSize: pageSize, nextPage: nextPage, main: main)
    }

    /// py-lmdb picks its LMDB from the word after the first meta magic in the file's first
    /// 64 bytes: none, 0 or 1 is LMDB 0.9, 3 is LMDB 1.0, any other version it refuses.
    func chooseEngine() throws(Stop) {
        let scanned = min(64, bytes.count)
        var offset = 0
        while offset + 8 <= scanned {
            if try u32(UInt64(offset)) == Layout.magic {
                let version = try u32(UInt64(offset + 4))
                switch version {
                // 0: not a version py-lmdb knows, so it takes its default engine, LMDB 0.9.
                case 0, 1: return
                case 3: throw Stop(outcome: .undecided("it is in LMDB 1.0's data format, which py-lmdb reads with another engine"))
                default: throw Stop(outcome: .skipped("lmdb.open raises: LMDB data format v\(version) is not supported"))
                }
            }
            offset += 4
        }
    }

    /// `mdb_env_read_header`: both meta pages read with `pread` (the second one meta page
    /// size after the first); returns the offset of the one with the larger transaction id.
    func readHeader() throws(Stop) -> UInt64 {
        guard !bytes.isEmpty else {
            throw Stop(outcome: .skipped("lmdb.open raises: the file is empty, and a read-only open cannot write its meta pages"))
        }
        var offset: UInt64 = 0
        var chosen: UInt64 = 0
        for index in 0..<2 {
            // `off` is an int: past 2^31 pread gets a negative offset and fails.
            guard offset <= UInt64(Int32.max), offset + UInt64(Self.metaReadSize) <= UInt64(bytes.count) else {
                throw fail(.open, .invalid, "the file ends before meta page \(index)")
            }
            guard try u16(offset + 10) & PageFlag.meta != 0 else {
                throw fail(.open, .invalid, "meta page \(index) lacks the meta flag")
            }
            guard try u32(offset + 16) == Layout.magic else { throw fail(.open, .invalid, "meta page \(index)'s magic") }
            guard try u32(offset + 20) == 1 else { throw fail(.open, .versionMismatch, "meta page \(index)") }
            let newer = try u64(offset + 144) > u64(chosen + 144)
            if index == 0 || newer { chosen = offset }
            if index == 0 { offset = UInt64(try u32(40)) }
        }
        return chosen
    }
}

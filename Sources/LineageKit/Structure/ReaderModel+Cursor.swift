extension ReaderModel {
    static let databaseName = Array("completed_sources".utf8)

    /// One level of the cursor's stack: a page's offset in the map and the cursor's index in it.
    struct Frame {
        let page: UInt64
        var index: UInt16
    }

    /// A page of the map as the cursor uses it.
    func flags(_ page: UInt64) throws(Stop) -> UInt16 { try u16(page + 10) }

    /// `NUMKEYS`: an int from the page's lower bound, compared as unsigned by the cursor.
    func keyCount(_ page: UInt64) throws(Stop) -> UInt32 {
        UInt32(bitPattern: Int32((Int(try u16(page + 12)) - Layout.pageHeaderSize) >> 1))
    }

    /// `NODEPTR`: the node whose offset is slot `index` of the page's pointer array.
    func node(_ page: UInt64, _ index: UInt16) throws(Stop) -> UInt64 {
        page + UInt64(try u16(page + UInt64(Layout.pageHeaderSize) + 2 * UInt64(index)))
    }

    func keySize(_ node: UInt64) throws(Stop) -> Int { Int(try u16(node + 6)) }
    func dataSize(_ node: UInt64) throws(Stop) -> UInt64 { UInt64(try u16(node)) | UInt64(try u16(node + 2)) << 16 }
    /// `NODEPGNO`: a branch node's child, in its size and flag fields.
    func child(_ node: UInt64) throws(Stop) -> UInt64 { try dataSize(node) | UInt64(try u16(node + 4)) << 32 }

    /// `mdb_page_get` in a read transaction, with py-lmdb's checks of the page bounds and,
    /// for a fixed-size-key page, of the key size `pad` of the database being read.
    func page(_ number: UInt64, _ env: Environment, _ stage: Stage, pad: UInt32 = 0) throws(Stop) -> UInt64 {
        guard number < env.nextPage else { throw fail(stage, .pageNotFound, "page \(number)") }
        let page = env.pageSize &* number
        let flags = try flags(page)
        guard flags & PageFlag.dirty == 0 else { throw fail(stage, .corrupted, "page \(number) is marked dirty") }
        if flags & (PageFlag.branch | PageFlag.leaf | PageFlag.leaf2) != 0 {
            let lower = UInt64(try u16(page + 12))
            let upper = UInt64(try u16(page + 14))
            guard lower >= UInt64(Layout.pageHeaderSize), upper <= env.pageSize, lower <= upper else {
                throw fail(stage, .corrupted, "page \(number)'s bounds")
            }
            if flags & PageFlag.leaf2 != 0 {
                // py-lmdb's validate-leaf2-keysize: a key size of 0 is refused. The pipeline's
                // databases have none; another size is a format the model does not follow.
                guard pad != 0, try u16(page + 8) != 0 else { throw fail(stage, .corrupted, "page \(number)'s fixed key size") }
                throw Stop(outcome: .undecided("page \(number) is a fixed-size-key page, which the pipeline never writes"))
            }
        }
        return page
    }

    func isBranch(_ page: UInt64) throws(Stop) -> Bool { try flags(page) & PageFlag.branch != 0 }
    func isLeaf(_ page: UInt64) throws(Stop) -> Bool { try flags(page) & PageFlag.leaf != 0 }

    /// `mdb_node_read`: where a leaf node's value is and how long it is.
    func value(_ page: UInt64, _ node: UInt64, _ env: Environment, _ stage: Stage) throws(Stop) -> (offset: UInt64, count: UInt64) {
        let size = try dataSize(node)
        let start = node + 8 + UInt64(try keySize(node))
        if try u16(node + 4) & NodeFlag.bigData == 0 {
            guard start + size <= page + env.pageSize else { throw fail(stage, .corrupted, "a value runs past its page") }
            return (start, size)
        }
        let overflow = try self.page(try u64(start), env, stage, pad: env.main.pad)
        return (overflow + UInt64(Layout.pageHeaderSize), size)
    }

    // MARK: - open_db(b"completed_sources")

    /// `mdb_dbi_open(txn, "completed_sources", MDB_CREATE)` in a read transaction: the
    /// sub-database's record, or `nil` when it is not there (py-lmdb raises; nothing counts).
    func openDatabase(_ env: Environment) throws(Stop) -> Record? {
        let main = env.main
        if main.flags & (DatabaseFlag.dupSort | DatabaseFlag.integerKey) != 0 { throw fail(.database, .incompatible, "the main database's flags") }
        guard main.root != Layout.invalidPage else { return nil }
        guard main.root >= 2 else { throw fail(.database, .corrupted, "the main database's root") }
        var top = try page(main.root, env, .database, pad: main.pad)
        var depth = 1
        let reverse = main.flags & DatabaseFlag.reverseKey != 0
        // mdb_page_search_root, with its assertions (py-lmdb compiles them in: a failed one
        // aborts the process).
        while try isBranch(top) {
            let count = try keyCount(top)
            guard Int32(bitPattern: count) > 1 else { throw Self.abort("NUMKEYS(mp) > 1 in mdb_page_search_root") }
            let (found, index, exact) = try search(top, reverse: reverse)
            var slot = found ? index : UInt16(truncatingIfNeeded: Int(count) - 1)
            if found && !exact {
                guard slot > 0 else { throw Self.abort("i > 0 in mdb_page_search_root") }
                slot -= 1
            }
            guard UInt32(slot) < count else { throw Self.abort("i < NUMKEYS(mp) in mdb_page_search_root") }
            top = try page(try child(try node(top, slot)), env, .database, pad: main.pad)
            depth += 1
            guard depth <= Self.cursorStack else { throw fail(.database, .cursorFull, "the main database") }
        }
        guard try isLeaf(top) else { throw fail(.database, .corrupted, "a main database page is no leaf") }
        let (found, index, exact) = try search(top, reverse: reverse)
        guard found, exact else { return nil }
        let node = try node(top, index)
        let flags = try u16(node + 4)
        guard flags & NodeFlag.dupData == 0 else { throw fail(.database, .corrupted, "the sub-database's node") }
        let (offset, _) = try value(top, node, env, .database)
        guard flags & (NodeFlag.dupData | NodeFlag.subData) == NodeFlag.subData else {
            throw fail(.database, .incompatible, "completed_sources is not a sub-database")
        }
        let record = try Record(self, at: offset)
        guard !record.badPad(pageSize: env.pageSize), !record.badFlags else { throw fail(.database, .invalid, "its record") }
        guard record.depth <= UInt16(Self.cursorStack) else { throw fail(.database, .corrupted, "its record's depth") }
        return record
    }

    /// `mdb_node_search` for the name `completed_sources`: whether a node at or after it
    /// is on the page, its index, and whether it matched exactly.
    func search(_ page: UInt64, reverse: Bool) throws(Stop) -> (found: Bool, index: UInt16, exact: Bool) {
        let count = try keyCount(page)
        var low = try isLeaf(page) ? 0 : 1
        var high = Int(count) - 1
        var index = 0
        var order = 0
        while low <= high {
            index = (low + high) >> 1
            let node = try node(page, UInt16(truncatingIfNeeded: index))
            order = try compare(node, reverse: reverse)
            if order == 0 { break }
            if order > 0 { low = index + 1 } else { high = index - 1 }
        }
        if order > 0 {
            index += 1
            // NODEPTR(mp, i) reads the pointer slot even past the last key.
            _ = try u16(page + UInt64(Layout.pageHeaderSize) + 2 * UInt64(UInt16(truncatingIfNeeded: index)))
        }
        let slot = UInt16(truncatingIfNeeded: index)
        return (UInt32(truncatingIfNeeded: index) < count, slot, order == 0 && count > 0)
    }

    /// `mdb_cmp_memn` (bytes, then length), or `mdb_cmp_memnr` (from the last byte), of
    /// the name against a node's key: `memcmp` reads no more of the key than the name's length.
    func compare(_ node: UInt64, reverse: Bool) throws(Stop) -> Int {
        let key = Self.databaseName
        let size = try keySize(node)
        let shared = min(key.count, size)
        let other = try slice(node + 8 + UInt64(reverse ? size - shared : 0), shared)
        for step in 0..<shared {
            let (left, right) = reverse ? (key[key.count - 1 - step], other[shared - 1 - step]) : (key[step], other[step])
            if left != right { return Int(left) - Int(right) }
        }
        return key.count - size
    }

    // MARK: - for key, _ in txn.cursor()

    /// `MDB_FIRST`, then `MDB_NEXT` until `MDB_NOTFOUND`, each entry's key and value copied
    /// and the key decoded as UTF-8, as py-lmdb's iterator and the pipeline do.
    func iterate(_ env: Environment, _ record: Record, visit: (UnsafeRawBufferPointer) -> Void) throws(Stop) -> Outcome {
        // The read transaction re-reads the record (the database is "stale" in it) and
        // compares its flags with what open_db kept, which drops MDB_VALID (0x8000).
        guard record.flags & DatabaseFlag.valid == 0 else { throw fail(.cursor, .incompatible, "completed_sources' flags claim 0x8000") }
        guard record.flags & DatabaseFlag.dupSort == 0 else {
            return .undecided("completed_sources is a sorted-duplicates database, which the pipeline never writes")
        }
        guard record.root != Layout.invalidPage else { return .read(keys: 0) }
        guard record.root >= 2 else { throw fail(.cursor, .corrupted, "completed_sources' root") }
        let pad = record.pad
        var stack = [Frame(page: try page(record.root, env, .cursor, pad: pad), index: 0)]
        // mdb_page_search_root to the first leaf, with its assertion.
        while try isBranch(stack[stack.count - 1].page) {
            guard Int32(bitPattern: try keyCount(stack[stack.count - 1].page)) > 1 else {
                throw Self.abort("NUMKEYS(mp) > 1 in mdb_page_search_root")
            }
            let next = try page(try child(try node(stack[stack.count - 1].page, 0)), env, .cursor, pad: pad)
            guard stack.count < Self.cursorStack else { throw fail(.cursor, .cursorFull, "completed_sources") }
            stack.append(Frame(page: next, index: 0))
        }
        guard try isLeaf(stack[stack.count - 1].page) else { throw fail(.cursor, .corrupted, "a completed_sources page is no leaf") }
        // Every move steps an index forward, so the walk ends; a tree that lists its pages
        // many times can still make it long: past this many entries the model stops.
        let budget = bytes.count / 2 + 100_000
        var keys = 0
        let pageSize = Int(env.pageSize)
        while true {
            // The entries of the page on top, one after the other (its key count cannot
            // change), then the next page through the parents.
            var top = stack[stack.count - 1]
            let count = try keyCount(top.page)
            while true {
                if !plainEntry(top, pageSize: pageSize, visit: visit) { try entry(top, env, visit: visit) }
                keys += 1
                guard keys <= budget else {
                    return .undecided(
                        "liblmdb returns more than \(budget) entries (the tree lists its pages many times): the start may take very long")
                }
                if UInt32(top.index) + 1 >= count { break }
                top.index &+= 1
            }
            stack[stack.count - 1] = top
            guard try sibling(&stack, env, pad: pad) else { return .read(keys: keys) }
            // mdb_cursor_next asserts that the page it moved to is a leaf.
            guard try isLeaf(stack[stack.count - 1].page) else { throw Self.abort("IS_LEAF(mp) in mdb_cursor_next") }
        }
    }

    /// The entry under the cursor when it is the common case: its page inside the file, a
    /// plain node (no big or duplicate data) whose key and value fit the page, an ASCII key.
    /// Then `entry` could not fail or fault, and this gives the same key without its checks;
    /// otherwise returns `false` and `entry` decides.
    @inline(__always)
    func plainEntry(_ frame: Frame, pageSize: Int, visit: (UnsafeRawBufferPointer) -> Void) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= pageSize, frame.page <= UInt64(bytes.count - pageSize) else { return false }
        let page = Int(frame.page)
        let end = page + pageSize
        func load(_ offset: Int) -> Int { Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) }
        let slot = page + Layout.pageHeaderSize + 2 * Int(frame.index)
        guard slot + 2 <= end else { return false }
        let node = page + load(slot)
        guard node + 8 <= end, load(node + 4) & Int(NodeFlag.bigData | NodeFlag.dupData) == 0 else { return false }
        let keySize = load(node + 6)
        guard node + 8 + keySize + (load(node) | load(node + 2) << 16) <= end else { return false }
        let key = UnsafeRawBufferPointer(start: base + node + 8, count: keySize)
        guard Self.isASCII(key) else { return false }
        visit(key)
        return true
    }

    /// The entry under the cursor, as `mdb_cursor_first`/`mdb_cursor_next` return it and
    /// py-lmdb copies it.
    func entry(_ frame: Frame, _ env: Environment, visit: (UnsafeRawBufferPointer) -> Void) throws(Stop) {
        let node = try node(frame.page, frame.index)
        guard try u16(node + 4) & NodeFlag.dupData == 0 else { throw fail(.cursor, .corrupted, "a node claims duplicates") }
        let value = try value(frame.page, node, env, .cursor)
        let keyCount = try keySize(node)
        let key = try read(node + 8, keyCount)
        _ = try read(value.offset, Int(value.count))
        if key.count == keyCount {
            try decoded(key, visit: visit)
        } else {
            let copy = try slice(node + 8, keyCount)
            let valid = copy.withUnsafeBytes { String(validating: $0, as: UTF8.self) != nil }
            guard valid else { throw Stop(outcome: .failsResume("a key is not UTF-8: key.decode() raises UnicodeDecodeError")) }
            copy.withUnsafeBytes { visit($0) }
        }
    }

    /// Hands `key` to `visit` if Python's `key.decode()` takes it.
    func decoded(_ key: UnsafeRawBufferPointer, visit: (UnsafeRawBufferPointer) -> Void) throws(Stop) {
        guard Self.isASCII(key) || String(validating: key, as: UTF8.self) != nil else {
            throw Stop(outcome: .failsResume("a key is not UTF-8: key.decode() raises UnicodeDecodeError"))
        }
        visit(key)
    }

    /// A failed `mdb_cassert`: py-lmdb builds LMDB with its assertions (`-UNDEBUG`), and a
    /// failed one calls `abort()`.
    static func abort(_ assertion: String) -> Stop {
        Stop(outcome: .failsResume("liblmdb's assertion \(assertion) fails: it aborts the process (SIGABRT)"))
    }

    /// Whether every byte of `key` is below 0x80 (then it is UTF-8): the common case, checked
    /// without making a `String`.
    static func isASCII(_ key: UnsafeRawBufferPointer) -> Bool {
        var bits: UInt64 = 0
        var at = 0
        while at + 8 <= key.count {
            bits |= key.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            at += 8
        }
        while at < key.count {
            bits |= UInt64(key[at])
            at += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    /// `mdb_cursor_sibling(mc, 1)`: the next page at the top's level, through the parents;
    /// `false` when there is none (the walk ends).
    func sibling(_ stack: inout [Frame], _ env: Environment, pad: UInt32) throws(Stop) -> Bool {
        guard stack.count >= 2 else { return false }
        let popped = stack.removeLast()
        let parent = stack[stack.count - 1]
        if UInt32(parent.index) + 1 >= (try keyCount(parent.page)) {
            guard try sibling(&stack, env, pad: pad) else {
                stack.append(popped)
                return false
            }
        } else {
            stack[stack.count - 1].index &+= 1
        }
        let top = stack[stack.count - 1]
        guard try isBranch(top.page) else { throw Self.abort("IS_BRANCH(mc->mc_pg[mc->mc_top]) in mdb_cursor_sibling") }
        let next = try page(try child(try node(top.page, top.index)), env, .cursor, pad: pad)
        stack.append(Frame(page: next, index: 0))
        return true
    }
}

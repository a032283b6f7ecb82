extension TreeWalk {
    /// Checks `key` against the previous key of the tree and the page's bounds.
    @inline(__always) mutating func order(
        _ key: ByteRun, pgno: UInt64, index: Int, lower: ByteRun?, upper: ByteRun?, _ tree: inout TreeState
    ) {
        let kind: StructureFinding.Kind = tree.role == .duplicates ? .dupOrder : .keyOrder
        if let previous = tree.previousKey {
            if tree.keyOrder.compare(previous, key) >= 0 {
                log.add(kind, page: pgno, database: database, .keyNotAbovePrevious(key: index))
            }
        } else if let lower, tree.keyOrder.compare(key, lower) < 0 {
            log.add(kind, page: pgno, database: database, .keyBelowParentBound(key: index, onBranch: false))
        }
        if let upper, tree.keyOrder.compare(key, upper) >= 0 {
            log.add(kind, page: pgno, database: database, .keyNotBelowParentBound(key: index, onBranch: false))
        }
        tree.previousKey = key
    }

    /// Reads every node of a leaf page and hands its entries to `visit` by the tree's role.
    mutating func walkLeaf(
        _ nodes: NodeReader, pgno: UInt64, lower: ByteRun?, upper: ByteRun?, _ tree: inout TreeState,
        _ visit: EntryVisitor
    ) {
        let count = nodes.count
        let page = nodes.page
        if count == 0 && tree.role != .main {
            log.add(.pageBounds, page: pgno, database: database, .leafWithoutEntries)
        }
        for index in 0..<count {
            guard let offset = nodes.nodeOffset(index) else {
                log.add(.pageBounds, page: pgno, database: database, .nodeOutsidePage(node: index, onBranch: false))
                continue
            }
            let dataSize = Int(page.u16(offset + NodeField.low)) | Int(page.u16(offset + NodeField.high)) << 16
            let flags = page.u16(offset + NodeField.flags)
            let keySize = Int(page.u16(offset + NodeField.keySize))
            let keyStart = offset + Layout.nodeHeaderSize
            let dataStart = keyStart + keySize
            let inPage = flags & NodeFlag.bigData != 0 ? 8 : dataSize
            guard dataStart + inPage <= nodes.size else {
                log.add(
                    .pageBounds, page: pgno, database: database,
                    .leafNodePastPage(node: index, keySize: keySize, dataSize: dataSize))
                continue
            }
            let key = ByteRun(start: page + keyStart, count: keySize)
            order(key, pgno: pgno, index: index, lower: lower, upper: upper, &tree)

            var value = ByteRun(start: page + dataStart, count: dataSize)
            if flags & NodeFlag.bigData != 0 {
                if flags & (NodeFlag.subData | NodeFlag.dupData) != 0 || tree.role == .duplicates {
                    log.add(
                        .nodeFlags, page: pgno, database: database, .conflictingNodeFlags(node: index, flags: flags))
                    continue
                }
                guard let big = overflowValue(page.u64(dataStart), size: dataSize, from: pgno, &tree) else { continue }
                value = big
            }

            switch tree.role {
            case .main:
                if flags & NodeFlag.subData != 0 {
                    guard dataSize == Layout.recordSize, flags & NodeFlag.dupData == 0 else {
                        log.add(
                            .subdbRecord, page: pgno, database: database,
                            .subDatabaseRecordSize(name: Array(key.buffer), size: dataSize))
                        continue
                    }
                    named.append(
                        NamedDatabase(
                            name: String(decoding: key.buffer, as: UTF8.self),
                            record: DatabaseRecord(at: value.start, offset: 0)))
                } else {
                    visit(key.buffer, value.buffer)
                }
                tree.tally.entries &+= 1
            case .free:
                readFreeList(value, pgno: pgno)
                tree.tally.entries &+= 1
            case .plain, .duplicates:
                if flags & (NodeFlag.subData | NodeFlag.dupData) != 0 {
                    log.add(
                        .nodeFlags, page: pgno, database: database,
                        .duplicateFlagsWithoutDupSort(node: index, flags: flags))
                    continue
                }
                if tree.role == .duplicates, let outer = tree.outerKey {
                    visit(outer.buffer, key.buffer)
                } else {
                    visit(key.buffer, value.buffer)
                }
                tree.tally.entries &+= 1
            case .dupSort:
                if flags & NodeFlag.dupData == 0 {
                    if flags & NodeFlag.subData != 0 {
                        log.add(
                            .nodeFlags, page: pgno, database: database, .nestedTreeWithoutDuplicatesFlag(node: index))
                        continue
                    }
                    visit(key.buffer, value.buffer)
                    tree.tally.entries &+= 1
                } else if flags & NodeFlag.subData != 0 {
                    guard dataSize == Layout.recordSize else {
                        log.add(
                            .subdbRecord, page: pgno, database: database,
                            .nestedRecordSize(node: index, size: dataSize))
                        continue
                    }
                    let nested = DatabaseRecord(at: value.start, offset: 0)
                    let tally = walkTree(
                        nested, role: .duplicates, outerKey: key, keyOrder: tree.dupOrder, visit: visit)
                    nestedTrees += 1
                    nestedTally.branchPages &+= tally.branchPages
                    nestedTally.leafPages &+= tally.leafPages
                    nestedTally.overflowPages &+= tally.overflowPages
                    tree.tally.entries &+= tally.entries
                } else {
                    tree.tally.entries &+= walkSubpage(value, key: key, pgno: pgno, index: index, &tree, visit)
                }
            }
        }
    }

    /// Walks a `P_LEAF2` page of fixed-size duplicates (nested trees of `MDB_DUPFIXED` databases).
    mutating func walkFixedLeaf(
        _ nodes: NodeReader, pgno: UInt64, lower: ByteRun?, upper: ByteRun?, _ tree: inout TreeState,
        _ visit: EntryVisitor
    ) {
        let size = Int(tree.record.pad)
        let count = nodes.count
        guard nodes.holdsFixed(valueSize: size) else {
            log.add(.pageBounds, page: pgno, database: database, .fixedLeafOverfull(count: count, valueSize: size))
            return
        }
        for index in 0..<count {
            let key = nodes.fixedValue(index, size: size)
            order(key, pgno: pgno, index: index, lower: lower, upper: upper, &tree)
            if let outer = tree.outerKey { visit(outer.buffer, key.buffer) }
            tree.tally.entries &+= 1
        }
    }
}

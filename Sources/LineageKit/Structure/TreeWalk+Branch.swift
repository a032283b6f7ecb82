extension TreeWalk {
    /// The key of branch node `index`, silently `nil` when it does not fit (`walkBranch` reports it).
    func branchKey(_ nodes: NodeReader, _ index: Int) -> ByteRun? {
        guard let offset = nodes.nodeOffset(index) else { return nil }
        return nodes.key(at: offset)
    }

    /// Checks the keys of a branch page against each other and `[lower, upper)`, then descends into each child.
    mutating func walkBranch(
        _ nodes: NodeReader, pgno: UInt64, level: Int, lower: ByteRun?, upper: ByteRun?,
        _ tree: inout TreeState, _ visit: EntryVisitor
    ) {
        let count = nodes.count
        guard count > 0 else {
            log.add(.pageBounds, page: pgno, database: database, .branchWithoutChildren)
            return
        }
        // mdb_page_search_root asserts two children or more, but on the free list.
        if count == 1, tree.role != .free { log.add(.pageBounds, page: pgno, database: database, .branchWithOneChild) }
        let page = nodes.page
        let orderKind: StructureFinding.Kind = tree.role == .duplicates ? .dupOrder : .keyOrder
        var previous: ByteRun?
        var nextKey: ByteRun? = count > 1 ? branchKey(nodes, 1) : nil
        for index in 0..<count {
            guard let offset = nodes.nodeOffset(index) else {
                log.add(.pageBounds, page: pgno, database: database, .nodeOutsidePage(node: index, onBranch: true))
                previous = nil
                nextKey = index + 2 < count ? branchKey(nodes, index + 2) : nil
                continue
            }
            guard let key = nodes.key(at: offset) else {
                log.add(.pageBounds, page: pgno, database: database, .branchKeyPastPage(node: index))
                previous = nil
                nextKey = index + 2 < count ? branchKey(nodes, index + 2) : nil
                continue
            }
            let child =
                UInt64(page.u16(offset + NodeField.low)) | UInt64(page.u16(offset + NodeField.high)) << 16 | UInt64(
                    page.u16(offset + NodeField.flags)) << 32
            var childLower = lower
            if index > 0 {
                // LMDB never compares the first key of a branch page; the others bound their children.
                if let previous, tree.keyOrder.compare(previous, key) >= 0 {
                    log.add(orderKind, page: pgno, database: database, .branchKeysOutOfOrder(node: index))
                } else if let lower, tree.keyOrder.compare(key, lower) < 0 {
                    log.add(orderKind, page: pgno, database: database, .keyBelowParentBound(key: index, onBranch: true))
                } else if let upper, tree.keyOrder.compare(key, upper) >= 0 {
                    log.add(
                        orderKind, page: pgno, database: database, .keyNotBelowParentBound(key: index, onBranch: true))
                }
                previous = key
                childLower = key
            }
            let childUpper = index + 1 < count ? nextKey : upper
            nextKey = index + 2 < count ? branchKey(nodes, index + 2) : nil
            descend(child, level: level + 1, lower: childLower, upper: childUpper, &tree, visit)
        }
    }
}

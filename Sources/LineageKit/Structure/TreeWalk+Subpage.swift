extension TreeWalk {
    /// Walks the inline sub-page of duplicates stored in a node's data; returns the duplicates seen.
    mutating func walkSubpage(
        _ data: ByteRun, key: ByteRun, pgno: UInt64, index: Int, _ tree: inout TreeState, _ visit: EntryVisitor
    ) -> UInt64 {
        let size = data.count
        let sub = data.start
        guard size >= Layout.pageHeaderSize else {
            log.add(.pageBounds, page: pgno, database: database, .subpageTooSmall(node: index, size: size))
            return 0
        }
        let flags = sub.u16(PageField.flags) & PageFlag.typeMask
        let fixed = flags == PageFlag.leaf | PageFlag.subpage | PageFlag.leaf2
        guard flags == PageFlag.leaf | PageFlag.subpage || fixed else {
            log.add(.pageType, page: pgno, database: database, .subpageFlags(node: index, flags: flags))
            return 0
        }
        let nodes = NodeReader(sub, size: size)
        guard nodes.hasSoundBounds(fixedSize: fixed) else {
            log.add(
                .pageBounds, page: pgno, database: database,
                .subpageBounds(node: index, lower: nodes.lower, upper: nodes.upper, size: size))
            return 0
        }
        let count = nodes.count
        let fixedSize = Int(sub.u16(PageField.fixedValueSize))
        if fixed {
            guard nodes.holdsFixed(valueSize: fixedSize) else {
                log.add(.pageBounds, page: pgno, database: database, .subpageFixedOverfull(node: index))
                return 0
            }
        }
        var previous: ByteRun?
        var seen: UInt64 = 0
        for dup in 0..<count {
            let value: ByteRun
            if fixed {
                value = nodes.fixedValue(dup, size: fixedSize)
            } else {
                guard let offset = nodes.nodeOffset(dup) else {
                    log.add(
                        .pageBounds, page: pgno, database: database, .duplicateOutsideSubpage(duplicate: dup, node: index))
                    continue
                }
                guard let stored = nodes.key(at: offset) else {
                    log.add(
                        .pageBounds, page: pgno, database: database, .duplicatePastSubpage(duplicate: dup, node: index))
                    continue
                }
                // A duplicate is a bare key: the writer never flags it. LMDB reads a node
                // flagged big-data, sub-database or duplicates as such (with F_DUPDATA,
                // 0.9.35 raises MDB_CORRUPTED), so the flag is damage; the key still counts.
                let nodeFlags = sub.u16(offset + NodeField.flags)
                if nodeFlags != 0 {
                    log.add(
                        .nodeFlags, page: pgno, database: database, .duplicateNodeFlags(duplicate: dup, node: index, flags: nodeFlags))
                }
                value = stored
            }
            if let previous, tree.dupOrder.compare(previous, value) >= 0 {
                log.add(
                    .dupOrder, page: pgno, database: database, .duplicateNotAbovePrevious(duplicate: dup, node: index))
            }
            previous = value
            visit(key.buffer, value.buffer)
            seen &+= 1
        }
        return seen
    }
}

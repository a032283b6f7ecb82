extension TreeWalk {
    /// The value stored on the overflow run at `pgno`, after checking and marking the run.
    mutating func overflowValue(_ pgno: UInt64, size: Int, from leaf: UInt64, _ tree: inout TreeState) -> ByteRun? {
        guard pgno >= Layout.metaPageCount, pgno <= lastPage, pgno < filePages else {
            log.add(
                .overflowRange, page: leaf, database: database,
                .overflowOutOfRange(overflowPage: pgno, lastUsable: min(lastPage, filePages &- 1)))
            return nil
        }
        let page = base + Int(truncatingIfNeeded: pgno) &* pageSize
        let flags = page.u16(PageField.flags) & PageFlag.typeMask
        guard flags == PageFlag.overflow, page.u64(PageField.pageNumber) == pgno else {
            log.add(.overflowRange, page: pgno, database: database, .notOverflowPage(leaf: leaf))
            return nil
        }
        let run = UInt64(page.u32(PageField.overflowPages))
        let end = pgno &+ run &- 1
        guard run >= 1, end <= lastPage, end < filePages else {
            log.add(.overflowRange, page: pgno, database: database, .overflowRunPastEnd(run: run))
            return nil
        }
        guard UInt64(Layout.pageHeaderSize) + UInt64(size) <= run * UInt64(pageSize) else {
            log.add(.overflowRange, page: pgno, database: database, .overflowRunTooShort(run: run, valueSize: size))
            return nil
        }
        var p = pgno
        while p <= end {
            if p >= pages.pageCount || !pages.insert(p) {
                log.add(.pageShared, page: p, database: database, .overflowPageReachedTwice)
                return nil
            }
            p &+= 1
        }
        tree.tally.overflowPages &+= run
        return ByteRun(start: page + Layout.pageHeaderSize, count: size)
    }
}

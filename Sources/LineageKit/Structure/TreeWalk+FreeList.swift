extension TreeWalk {
    /// Reads one free-list value: a count, then that many page numbers.
    mutating func readFreeList(_ value: ByteRun, pgno: UInt64) {
        guard value.count >= 8 else {
            log.add(.freeList, page: pgno, database: database, .freeEntryTooShort(size: value.count))
            return
        }
        let count = value.start.u64(0)
        guard count <= UInt64((value.count - 8) / 8) else {
            log.add(.freeList, page: pgno, database: database, .freeEntryOverfull(count: count, size: value.count))
            return
        }
        for i in 0..<Int(count) {
            let free = value.start.u64(8 + i * 8)
            if free < Layout.metaPageCount || free >= freeListed.pageCount {
                log.add(
                    .freeList, page: pgno, database: database,
                    .freePageOutOfRange(freePage: free, lastPage: freeListed.pageCount &- 1))
            } else if !freeListed.insert(free) {
                log.add(.freeList, page: free, database: database, .freePageListedTwice)
            }
        }
    }
}

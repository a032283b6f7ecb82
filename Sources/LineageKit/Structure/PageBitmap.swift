/// One bit per page of the file: which pages a walk has reached.
///
/// Sized from the file length (not from any value inside the file), so it costs
/// one bit per file page: 3 KB for a 100 MB file.
struct PageBitmap: Sendable, Equatable {
    private(set) var words: [UInt64]
    /// Pages `0..<pageCount` can be recorded.
    let pageCount: UInt64

    init(pageCount: UInt64) {
        self.pageCount = pageCount
        self.words = Array(repeating: 0, count: Int((pageCount + 63) / 64))
    }

    /// Records `page`; false when it was already recorded. The caller guarantees `page < pageCount`.
    @inline(__always) mutating func insert(_ page: UInt64) -> Bool {
        let index = Int(truncatingIfNeeded: page >> 6)
        let bit: UInt64 = 1 << (page & 63)
        let word = words[index]
        if word & bit != 0 { return false }
        words[index] = word | bit
        return true
    }

    /// Whether `page` was recorded; false for pages outside the bitmap.
    func contains(_ page: UInt64) -> Bool {
        guard page < pageCount else { return false }
        return words[Int(truncatingIfNeeded: page >> 6)] & (1 << (page & 63)) != 0
    }

    /// How many pages were recorded.
    var count: UInt64 {
        var total: UInt64 = 0
        for word in words { total += UInt64(word.nonzeroBitCount) }
        return total
    }
}

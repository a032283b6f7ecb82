/// The node area of a page, or of a duplicates sub-page inside a node: the header's
/// `lower` and `upper`, the node offsets after the header, and bounds-checked reads
/// of node headers and keys.
///
/// The one place that decides whether a node lies inside its page: branch pages,
/// leaf pages and sub-pages all read their nodes through it. It costs nothing per
/// node beyond the checks themselves (no allocation; every read is inlined).
struct NodeReader {
    /// The first byte of the page or sub-page.
    let page: UnsafeRawPointer
    /// Its size in bytes: the page size, or the sub-page's share of its node.
    let size: Int
    /// `mp_lower`: where the node-offset array ends.
    let lower: Int
    /// `mp_upper`: where the nodes begin.
    let upper: Int

    @inline(__always) init(_ page: UnsafeRawPointer, size: Int) {
        self.page = page
        self.size = size
        self.lower = Int(page.u16(PageField.lower))
        self.upper = Int(page.u16(PageField.upper))
    }

    /// Whether `lower` and `upper` describe a node area inside the page.
    ///
    /// Fixed-size (`P_LEAF2`) pages keep no node offsets: `lower` still counts 2 bytes per
    /// value but `upper` moves by (size - 2), so both may pass the end; their values are
    /// checked with `holdsFixed(valueSize:)` instead.
    @inline(__always) func hasSoundBounds(fixedSize: Bool) -> Bool {
        lower >= Layout.pageHeaderSize && lower & 1 == 0 && (fixedSize || (lower <= upper && upper <= size))
    }

    /// The number of nodes (or fixed-size values); meaningful once `hasSoundBounds` holds.
    var count: Int { (lower - Layout.pageHeaderSize) >> 1 }

    /// The offset of node `index`'s header, if the header lies inside the node area.
    @inline(__always) func nodeOffset(_ index: Int) -> Int? {
        let offset = Int(page.u16(Layout.pageHeaderSize + index &* 2))
        guard offset >= upper, offset & 1 == 0, offset &+ Layout.nodeHeaderSize <= size else { return nil }
        return offset
    }

    /// The key of the node whose header is at `offset`, if the key lies inside.
    @inline(__always) func key(at offset: Int) -> ByteRun? {
        let keySize = Int(page.u16(offset + NodeField.keySize))
        guard offset + Layout.nodeHeaderSize + keySize <= size else { return nil }
        return ByteRun(start: page + offset + Layout.nodeHeaderSize, count: keySize)
    }

    /// Whether `count` values of `valueSize` bytes fit after the header (fixed-size pages).
    @inline(__always) func holdsFixed(valueSize: Int) -> Bool {
        valueSize > 0 && Layout.pageHeaderSize + count * valueSize <= size
    }

    /// Value `index` of a fixed-size page; the caller checked `holdsFixed(valueSize:)`.
    @inline(__always) func fixedValue(_ index: Int, size valueSize: Int) -> ByteRun {
        ByteRun(start: page + Layout.pageHeaderSize + index * valueSize, count: valueSize)
    }
}

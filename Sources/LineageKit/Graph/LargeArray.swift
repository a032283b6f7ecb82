#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The audit's big arrays (the task index, the kept edge values, the adjacency) are
/// written once and some are read at random. Backed by 4 KB pages, each costs a page
/// fault per 4 KB when first written and a TLB miss on most random reads; on Linux,
/// where transparent huge pages are usually given only to memory that asks for them,
/// these helpers ask, before the memory is first touched. Elsewhere they are plain
/// `reserveCapacity` and `init(repeating:count:)`.
extension Array where Element: BitwiseCopyable {
    /// Below this, the hint is not worth a system call (a huge page is 2 MB).
    private static var hugePageThreshold: Int { 4 << 20 }

    /// `reserveCapacity(capacity)`, then the hint for the room reserved.
    mutating func reserveLarge(_ capacity: Int) {
        reserveCapacity(capacity)
        let bytes = self.capacity * MemoryLayout<Element>.stride
        guard bytes >= Self.hugePageThreshold else { return }
        withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { adviseHugePages(UnsafeMutableRawPointer(base), byteCount: bytes) }
        }
    }

    /// `init(unsafeUninitializedCapacity:initializingWith:)`, with the hint given first.
    init(
        largeUninitializedCapacity capacity: Int,
        initializingWith initializer: (inout UnsafeMutableBufferPointer<Element>, inout Int) throws -> Void
    ) rethrows {
        try self.init(unsafeUninitializedCapacity: capacity) { buffer, initialized in
            if let base = buffer.baseAddress, capacity * MemoryLayout<Element>.stride >= Self.hugePageThreshold {
                adviseHugePages(UnsafeMutableRawPointer(base), byteCount: capacity * MemoryLayout<Element>.stride)
            }
            try initializer(&buffer, &initialized)
        }
    }

    /// `count` copies of `value`, in memory given the hint before it is written.
    init(largeRepeating value: Element, count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, count * MemoryLayout<Element>.stride >= Self.hugePageThreshold {
                adviseHugePages(UnsafeMutableRawPointer(base), byteCount: count * MemoryLayout<Element>.stride)
            }
            buffer.initialize(repeating: value)
            initialized = count
        }
    }
}

/// Asks for huge pages over the whole 2 MB pages inside `byteCount` bytes at `start`;
/// a hint the kernel may ignore. Only on Linux.
private func adviseHugePages(_ start: UnsafeMutableRawPointer, byteCount: Int) {
    #if os(Linux)
        let huge = 1 << 21
        let first = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: start) + byteCount) & ~(huge - 1)
        guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, end - first, MADV_HUGEPAGE)
    #endif
}

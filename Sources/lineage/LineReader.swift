import Glibc

/// Reads lines from a file descriptor in large blocks.
struct LineReader {
    let fileDescriptor: Int32

    /// Calls `body` with each line (without its `\n` or `\r\n`), then `whenIdle` after the
    /// lines of each block read, and at the end.
    func forEachLine(_ body: (ArraySlice<UInt8>) throws -> Void, whenIdle: () -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var pending: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            var start = pending.startIndex
            while let end = pending[start...].firstIndex(of: 0x0a) {
                var line = pending[start..<end]
                if line.last == 0x0d { line = line.dropLast() }
                try body(line)
                start = end + 1
            }
            pending.removeSubrange(..<start)
            whenIdle()
        }
        if !pending.isEmpty { try body(pending[...]) }
        whenIdle()
    }
}

import Glibc

/// The only place that writes to stdout and stderr. Stdout is buffered and written in
/// large blocks, so streaming millions of lines costs a few system calls.
enum Console {
    nonisolated(unsafe) private static var buffer: [UInt8] = {
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 17)
        return buffer
    }()

    /// Appends raw bytes to stdout.
    static func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Lets `body` append straight into the stdout buffer (no intermediate arrays).
    static func withBuffer(_ body: (inout [UInt8]) throws -> Void) rethrows {
        try body(&buffer)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends a line of text to stdout.
    static func print(_ line: String, terminator: String = "\n") {
        buffer.append(contentsOf: line.utf8)
        buffer.append(contentsOf: terminator.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes the buffered output. On the terminal stderr also shows, the status line
    /// is erased first and not drawn again (one check per 64 KiB block, not per row).
    static func flush() {
        guard !buffer.isEmpty else { return }
        if Terminal.current.stdoutSharesTerminal { retireStatus() }
        writeAll(STDOUT_FILENO, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// One message line on stderr, prefixed `lineage: `, on a line of its own.
    static func error(_ message: String) {
        flush()
        withStatusErased { writeAll(STDERR_FILENO, Array(("lineage: " + message + "\n").utf8)) }
    }

    /// Text on stderr as it is, for usage errors in ArgumentParser's `Error: …` layout.
    static func usageError(_ text: String) {
        flush()
        writeAll(STDERR_FILENO, Array((text + "\n").utf8))
    }
}

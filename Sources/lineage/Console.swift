import Glibc

/// The only place that writes to stdout and stderr. Stdout is buffered and written in
/// large blocks, so streaming millions of lines costs a few system calls.
///
/// Its state is static and unsynchronized (`nonisolated(unsafe)`) because there is one
/// stdout per process and only the main thread writes to it: the rendering threads hand
/// their bytes back to it (`renderSources`), and the crash guard's signal handler only
/// reads `flushedBytes`.
enum Console {
    /// Stdout's bytes not yet written.
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

    /// Bytes written to stdout so far (what a retried read can no longer take back).
    nonisolated(unsafe) private(set) static var flushedBytes = 0
    /// Asked before each write to stdout whether what is buffered may be shown (a read of
    /// a checkpoint being written checks its snapshot is still whole); once it says no,
    /// output is dropped until `rewind`.
    nonisolated(unsafe) static var flushGate: (() -> Bool)?
    /// Set once `flushGate` said no: output is dropped until `rewind`.
    nonisolated(unsafe) private static var withheld = false

    /// Where stdout's output stands, to `rewind` to.
    static var mark: (flushed: Int, buffered: Int) { (flushedBytes, buffer.count) }

    /// Drops what was buffered since `mark`; false when some of it was already written.
    static func rewind(to mark: (flushed: Int, buffered: Int)) -> Bool {
        guard flushedBytes == mark.flushed, buffer.count >= mark.buffered else { return false }
        buffer.removeSubrange(mark.buffered...)
        withheld = false
        return true
    }

    /// Drops what was buffered since `mark` and not yet written, whether or not some of it
    /// was (what was written passed `flushGate` when it was).
    static func drop(since mark: (flushed: Int, buffered: Int)) {
        if flushedBytes == mark.flushed, buffer.count >= mark.buffered {
            buffer.removeSubrange(mark.buffered...)
        } else {
            buffer.removeAll(keepingCapacity: true)
        }
        withheld = false
    }

    /// Writes the buffered output. On the terminal stderr also shows, the status line
    /// is erased first and not drawn again (one check per 64 KiB block, not per row).
    static func flush() {
        guard !buffer.isEmpty else { return }
        if !withheld, let gate = flushGate, !gate() { withheld = true }
        if withheld {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        flushedBytes += buffer.count
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

import Glibc
import LineageKit

/// The one self-overwriting status line on stderr (progress). It never shares a line
/// with anything else: `Console.error` erases it before a message, `Console.flush`
/// erases it for good before the first data reaches the terminal stdout shares, and an
/// interrupt (SIGINT, SIGTERM) erases it before the program dies of the signal.
///
/// On a terminal whose `TERM` is unset or `dumb`, the line is redrawn and erased with
/// `\r` and spaces only, never an escape sequence.
extension Console {
    /// Guards the two below: progress is reported from the reading threads.
    private static let statusLock = Lock()
    /// Characters visible on the status line now; 0 when nothing is drawn.
    nonisolated(unsafe) private static var statusWidth = 0
    /// Set once data has been written to the terminal stdout shares: no more drawing.
    nonisolated(unsafe) private static var statusRetired = false

    /// Draws `text` as the status line, cut to the terminal's width (a wrapped line
    /// could not be overwritten).
    static func drawStatus(_ text: String) {
        statusLock.lock()
        defer { statusLock.unlock() }
        guard !statusRetired else { return }
        StatusSignals.installOnce()
        // A path given on the command line may hold control characters: shown as \xNN.
        let scalars = Escaping.text(text).unicodeScalars
        let visible = String(String.UnicodeScalarView(scalars.prefix(max(1, Terminal.current.columns - 1))))
        let width = visible.unicodeScalars.count
        var bytes = Array("\r".utf8)
        if Terminal.current.understandsEscapes {
            bytes += Array("\u{1b}[K".utf8) + Array(visible.utf8)
        } else {
            // Spaces blank what a longer previous line left behind.
            bytes += Array(visible.utf8) + Array(repeating: UInt8(ascii: " "), count: max(0, statusWidth - width))
        }
        // A signal may come while the line is being written: the handler blanks the
        // wider of the old and the new line until the write is done.
        StatusSignals.shown(width: max(width, statusWidth))
        writeAll(STDERR_FILENO, bytes)
        statusWidth = width
        StatusSignals.shown(width: width)
    }

    /// Erases the status line, if one is drawn, leaving the cursor at the start of the line.
    static func eraseStatus() { withStatusErased {} }

    /// Runs `body` (which writes to stderr) with the status line erased, so no progress
    /// report from another thread can be drawn in the middle of what it writes.
    static func withStatusErased(_ body: () -> Void) {
        statusLock.lock()
        defer { statusLock.unlock() }
        eraseStatusLocked()
        body()
    }

    /// Erases the status line and draws no more: called before data goes to the
    /// terminal stdout shares, whose lines the status line must never join.
    static func retireStatus() {
        statusLock.lock()
        defer { statusLock.unlock() }
        eraseStatusLocked()
        statusRetired = true
    }

    private static func eraseStatusLocked() {
        guard statusWidth > 0 else { return }
        if Terminal.current.understandsEscapes {
            writeAll(STDERR_FILENO, Array("\r\u{1b}[K".utf8))
        } else {
            writeAll(STDERR_FILENO, Array("\r".utf8) + Array(repeating: UInt8(ascii: " "), count: statusWidth) + Array("\r".utf8))
        }
        statusWidth = 0
        StatusSignals.shown(width: 0)
    }

    /// Writes every byte to `descriptor`, retrying after interrupted or partial writes.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { break }
                offset += written
            }
        }
    }
}

/// SIGINT and SIGTERM handlers that tidy the terminal and then die of the signal.
enum DyingSignals {
    /// Installs `handler` for SIGINT and SIGTERM, for one delivery (`SA_RESETHAND`): it
    /// tidies up and raises the signal again, which then kills the process with the
    /// default action, so the shell sees it ($? is 130 or 143) and stops a loop or script
    /// on Ctrl-C as it should. A signal ignored when the program started (a background
    /// job of a non-interactive shell) stays ignored.
    static func install(_ handler: @convention(c) (Int32) -> Void) {
        for signal in [SIGINT, SIGTERM] {
            var previous = sigaction()
            guard sigaction(signal, nil, &previous) == 0, unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) != 1 else {
                continue  // SIG_IGN
            }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }
}

/// What a signal handler needs to erase the status line, prepared in advance: a handler
/// may only call async-signal-safe functions (here `write`, `signal`, `raise`), so it
/// builds nothing and takes no lock.
enum StatusSignals {
    /// Longest status line the prepared buffer can blank.
    private static let capacity = 1024
    /// `\r`, then `capacity` spaces: the handler writes `\r` and as many spaces as are shown, then `\r`.
    nonisolated(unsafe) private static let blanks: UnsafeMutablePointer<UInt8> = {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 1)
        buffer.initialize(repeating: UInt8(ascii: " "), count: capacity + 1)
        buffer[0] = UInt8(ascii: "\r")
        return buffer
    }()
    /// The escape sequence that erases the line, for terminals that have one.
    nonisolated(unsafe) private static let escapeErase: UnsafeMutablePointer<CChar> = strdup("\r\u{1b}[K")!
    /// Characters shown now (0: nothing to erase), one aligned word the handler reads.
    nonisolated(unsafe) private static let width: UnsafeMutablePointer<Int32> = {
        let word = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        word.initialize(to: 0)
        return word
    }()
    /// Whether the terminal takes escape sequences; set before the handlers are installed,
    /// read by them.
    nonisolated(unsafe) private static var escapes = false
    /// Whether the handlers are installed (set once, on the main thread).
    nonisolated(unsafe) private static var installed = false

    static func shown(width: Int) { self.width.pointee = Int32(min(width, capacity)) }

    /// Installs the SIGINT and SIGTERM handlers the first time a status line is drawn
    /// (the caller holds the status lock). A signal ignored when the program started
    /// (a background job of a non-interactive shell) stays ignored.
    static func installOnce() {
        guard !installed else { return }
        installed = true
        escapes = Terminal.current.understandsEscapes
        _ = blanks
        _ = escapeErase
        DyingSignals.install { signal in
            StatusSignals.eraseFromHandler()
            raise(signal)
        }
    }

    /// Erases the status line if one is shown; async-signal-safe.
    static func eraseFromHandler() {
        let shown = Int(width.pointee)
        guard shown > 0 else { return }
        if escapes {
            _ = write(STDERR_FILENO, escapeErase, 4)
        } else {
            _ = write(STDERR_FILENO, blanks, 1 + shown)
            _ = write(STDERR_FILENO, blanks, 1)
        }
    }
}

import FoundationEssentials
import Glibc

/// What the standard streams are attached to, read once when the program starts.
struct Terminal: Sendable {
    /// Stderr is a terminal: progress may be drawn there.
    let stderrIsTerminal: Bool
    /// Stdout is that same terminal (same device), so data and progress would share lines.
    let stdoutSharesTerminal: Bool
    /// `TERM` is set and is not `dumb`: the terminal understands `ESC[K` (erase to end
    /// of line). Otherwise only `\r` and spaces are written. No colour is ever written.
    let understandsEscapes: Bool

    static let current = Terminal(environment: ProcessInfo.processInfo.environment)

    init(environment: [String: String]) {
        stderrIsTerminal = isatty(STDERR_FILENO) == 1
        stdoutSharesTerminal = stderrIsTerminal && isatty(STDOUT_FILENO) == 1 && Self.sameDevice(STDOUT_FILENO, STDERR_FILENO)
        let term = environment["TERM"] ?? ""
        understandsEscapes = !term.isEmpty && term != "dumb"
    }

    /// Columns of stderr's terminal now (it may be resized while a command runs), 80 when
    /// the terminal does not say.
    var columns: Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Two descriptors open on the same terminal device (e.g. `/dev/pts/3` twice).
    private static func sameDevice(_ a: Int32, _ b: Int32) -> Bool {
        var first = stat()
        var second = stat()
        guard fstat(a, &first) == 0, fstat(b, &second) == 0 else { return false }
        return first.st_rdev == second.st_rdev
    }
}

import Glibc
import LineageKit

/// Where `watch` puts each snapshot: a screen redrawn in place, plain text, JSON lines or
/// a Prometheus file replaced atomically.
struct WatchSink {
    let format: WatchFormat
    let output: String?
    let interval: Double
    /// Redraw in place: text on a terminal that takes escape sequences, more than one snapshot.
    let redraws: Bool
    /// Bold for stalls and idleness: on that screen, unless `NO_COLOR` is set.
    let emphasis: Bool
    private var last: WatchSnapshot?
    private var entered = false

    init(format: WatchFormat, output: String?, interval: Double, once: Bool) {
        self.format = format
        self.output = output
        self.interval = interval
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        redraws = format == .text && !once && isatty(STDOUT_FILENO) == 1 && !term.isEmpty && term != "dumb"
        let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        emphasis = redraws && noColor.isEmpty
    }

    /// Shows one snapshot.
    mutating func show(_ snapshot: WatchSnapshot) throws {
        last = snapshot
        try emit(snapshot, up: true)
    }

    /// Says that `count` snapshots so far could not be read: the screen and the Prometheus
    /// file say it with the last values; a JSON stream gets no line for it.
    mutating func busy(_ count: Int) throws {
        guard var snapshot = last else { return }
        snapshot.busySnapshots = count
        last = snapshot
        if format == .jsonl || format == .json { return }
        try emit(snapshot, up: false)
    }

    private mutating func emit(_ snapshot: WatchSnapshot, up: Bool) throws {
        switch format {
        case .jsonl, .json:
            Console.print(WatchRenderer.jsonLine(snapshot, interval: interval))
            Console.flush()
        case .prom:
            let text = WatchRenderer.prometheus(snapshot, up: up)
            if let output {
                try Self.replace(output, with: text)
            } else {
                Console.print(text, terminator: "")
                Console.flush()
            }
        case .text:
            let (width, height) = Self.size()
            let lines = WatchRenderer.screen(snapshot, interval: interval, width: width, height: redraws ? height : Int.max)
            if redraws {
                draw(lines, height: height)
            } else {
                // One snapshot after another, a blank line between.
                if snapshot.number > 1 || !up { Console.print("") }
                Console.print(lines.joined(separator: "\n"))
                Console.flush()
            }
        }
    }

    /// Puts `lines` on the alternate screen from its top, each line erased to its end.
    private mutating func draw(_ lines: [String], height: Int) {
        if !entered {
            entered = true
            ScreenSignals.enter()
        }
        var frame = "\u{1b}[H"
        for (index, line) in lines.prefix(max(1, height - 1)).enumerated() {
            if index > 0 { frame += "\r\n" }
            let strong = emphasis && (line.hasPrefix("stalled") || line.hasPrefix("idle") || line.hasPrefix("busy"))
            frame += strong ? "\u{1b}[1m\(line)\u{1b}[0m\u{1b}[K" : "\(line)\u{1b}[K"
        }
        frame += "\u{1b}[J"
        Console.writeAll(STDOUT_FILENO, Array(frame.utf8))
    }

    /// Leaves the screen as it was before the first redraw.
    func finish() {
        if entered { ScreenSignals.leave() }
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`, so a
    /// reader (node_exporter's textfile collector) never sees half a file.
    static func replace(_ path: String, with text: String) throws {
        let temporary = "\(path).tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WatchFailure.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw WatchFailure.cannotWrite(path: path, reason: reason)
            }
            written += count
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WatchFailure.cannotWrite(path: path, reason: reason)
        }
    }

    /// Stdout's terminal size now, 80 x 24 when it does not say.
    static func size() -> (width: Int, height: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return (80, 24) }
        return (Int(size.ws_col), max(4, Int(size.ws_row)))
    }
}

/// The alternate screen and hidden cursor of a redrawn watch, restored at exit and by the
/// SIGINT and SIGTERM handlers (which write a prepared string, then die of the signal).
enum ScreenSignals {
    nonisolated(unsafe) private static let restore: UnsafeMutablePointer<CChar> = strdup("\u{1b}[?25h\u{1b}[?1049l")!
    nonisolated(unsafe) private static let enterText: UnsafeMutablePointer<CChar> = strdup("\u{1b}[?1049h\u{1b}[?25l\u{1b}[2J")!

    static func enter() {
        _ = restore
        DyingSignals.install { signal in
            ScreenSignals.leave()
            raise(signal)
        }
        _ = write(STDOUT_FILENO, enterText, strlen(enterText))
    }

    /// Async-signal-safe: one `write`.
    static func leave() {
        _ = write(STDOUT_FILENO, restore, strlen(restore))
    }
}

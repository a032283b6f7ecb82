import Foundation
import LineageTestSupport
import Testing

/// Runs the built `lineage` with stderr (and, if asked, stdout) on a pseudo-terminal, and
/// collects the bytes the terminal received, as a person at a terminal would see them.
enum PseudoTerminal {
    /// Where the command's stdout goes.
    enum Stdout {
        /// The same terminal as stderr.
        case terminal
        /// /dev/null.
        case discard
        /// A pipe the test reads until `interrupt`'s signal is sent, and then no more, so
        /// a command with output still to write is stuck mid-work when the signal comes.
        case pipe
    }

    struct Run: CustomStringConvertible {
        /// Every byte written to the terminal.
        var screen: String
        /// What came through the stdout pipe (`.pipe` only).
        var stdout: Data
        /// The exit status, or the signal that ended the process.
        var status: Int32
        var killedBySignal: Bool
        var description: String { "\(killedBySignal ? "signal" : "exit") \(status)\nterminal: \(screen.debugDescription.prefix(3000))" }
    }

    /// Runs `lineage arguments…` with `TERM` as given (`nil`: unset), no progress delay and
    /// no `LINEAGE_CHECKPOINT`. With `interrupt`, sends that signal once `when` holds for
    /// what the terminal has shown so far.
    static func run(
        _ arguments: [String], stdout: Stdout = .discard, term: String? = "xterm", columns: UInt16 = 200,
        environment extra: [String: String] = [:], interrupt: (signal: Int32, when: (String) -> Bool)? = nil
    ) throws -> Run {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        try #require(openpty(&master, &slave, nil, nil, &size) == 0, "openpty failed: errno \(errno)")
        defer { close(master) }

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LINEAGE_CHECKPOINT"] = nil
        environment["LINEAGE_PROGRESS_DELAY"] = "0"
        environment["TERM"] = term
        environment["NO_COLOR"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardError = terminal
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        switch stdout {
        case .terminal: process.standardOutput = terminal
        case .discard: process.standardOutput = FileHandle.nullDevice
        case .pipe: process.standardOutput = pipe
        }
        try CLI.start(process)
        // The parent keeps the terminal's other end open until the child has exited and
        // everything it wrote was read: once no one holds it, Linux may answer EIO to a
        // read of the master before the last bytes (the erasing of a status line) arrive.
        defer { close(slave) }
        if case .pipe = stdout {} else { try? pipe.fileHandleForReading.close() }
        try? pipe.fileHandleForWriting.close()

        var screen: [UInt8] = []
        var output: [UInt8] = []
        var readingStdout: Bool
        if case .pipe = stdout { readingStdout = true } else { readingStdout = false }
        var signalled = false
        var quiet = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            if readingStdout { fds.append(pollfd(fd: pipe.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 {
                // Nothing to read: done once the child has exited (after one more quiet
                // round, so bytes in flight when it exited are read); a safety net turns a
                // hung command into a failure after two minutes, not a speed bound.
                if !process.isRunning && !readingStdout {
                    if quiet >= 1 { break }
                    quiet += 1
                    continue
                }
                quiet += 1
                try #require(quiet < 1200, "the command showed nothing for two minutes:\n\(String(decoding: screen, as: UTF8.self))")
                continue
            }
            quiet = 0
            if fds[0].revents & Int16(POLLIN) != 0 {
                let count = read(master, &buffer, buffer.count)
                if count > 0 { screen += buffer[0..<count] }
            }
            if readingStdout, fds[1].revents != 0 {
                let count = read(fds[1].fd, &buffer, buffer.count)
                if count > 0 { output += buffer[0..<count] } else { readingStdout = false }
            }
            if let interrupt, !signalled, interrupt.when(String(decoding: screen, as: UTF8.self)) {
                kill(process.processIdentifier, interrupt.signal)
                signalled = true
                readingStdout = false
            }
        }
        try? pipe.fileHandleForReading.close()
        process.waitUntilExit()
        return Run(
            screen: String(decoding: screen, as: UTF8.self), stdout: Data(output), status: process.terminationStatus,
            killedBySignal: process.terminationReason == .uncaughtSignal)
    }

    /// The lines a person would read on the terminal: `\r` returns to the start of the line,
    /// `ESC[K` erases to its end, other characters overwrite; trailing blanks dropped.
    /// (Works on scalars: the terminal's `\r\n` is one `Character` in Swift.)
    static func visibleLines(_ screen: String) -> [String] {
        let scalars = Array(screen.unicodeScalars)
        var lines: [String] = []
        var line: [Unicode.Scalar] = []
        var cursor = 0
        var index = 0
        func endLine() {
            var text = String(String.UnicodeScalarView(line))
            while text.hasSuffix(" ") { text.removeLast() }
            lines.append(text)
            line = []
            cursor = 0
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\n": endLine()
            case "\r": cursor = 0
            case "\u{1b}" where scalars[index...].starts(with: ["[", "K"]):
                line.removeSubrange(min(cursor, line.count)...)
                index += 2
            default:
                if cursor < line.count { line[cursor] = scalar } else { line.append(scalar) }
                cursor += 1
            }
        }
        if !line.isEmpty { endLine() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

import ArgumentParser
import FoundationEssentials
import Glibc
import LineageKit

/// `--no-progress`, accepted by every command so scripts can pass it uniformly.
struct ProgressOptions: ParsableArguments {
    @Flag(help: "Never show progress on stderr (it is shown only on a terminal, after about a second).")
    var noProgress = false

    /// A handler that draws progress on stderr, or `nil` when stderr is not a terminal
    /// or `--no-progress` was given. `command` starts the line, e.g. `lineage verify: b.mdb`.
    func handler(_ command: String) -> ProgressHandler? {
        guard !noProgress, Terminal.current.stderrIsTerminal else { return nil }
        let printer = ProgressPrinter(command: command)
        return { printer.report($0) }
    }
}

/// Words progress as one status line (`Console.drawStatus`): phase, count, rate. Silent
/// for the first second, so quick commands never flicker; redrawn when the phase changes,
/// and else at most ten times a second.
final class ProgressPrinter: @unchecked Sendable {
    private let command: String
    private let start = Date()
    /// Seconds of silence before the first line: 1, or `LINEAGE_PROGRESS_DELAY` (tests).
    private let delay = ProcessInfo.processInfo.environment["LINEAGE_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
    private var lastDraw = Date.distantPast
    private var lastPhase: String?
    /// When each phase was first reported: phases may run on two threads at once.
    private var phaseStarts: [String: Date] = [:]
    private let lock = Lock()

    init(command: String) { self.command = command }

    deinit { clear() }

    func report(_ progress: WorkProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let phaseStart = phaseStarts[progress.phase] ?? now
        phaseStarts[progress.phase] = phaseStart
        guard now.timeIntervalSince(start) >= delay, progress.phase != lastPhase || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        lastPhase = progress.phase
        let elapsed = now.timeIntervalSince(phaseStart)
        var line = "\(command): \(progress.phase)"
        if progress.done > 0 {
            line += " \(Self.count(progress.done))"
            if let total = progress.total, total > 0 {
                line += " / \(Self.count(total)) \(progress.unit) (\(Int(100 * Double(progress.done) / Double(total)))%)"
            } else {
                line += " \(progress.unit)"
            }
            if elapsed >= 0.1 { line += ", \(Self.count(Int(Double(progress.done) / elapsed)))/s" }
        } else {
            line += "..."
        }
        Console.drawStatus(line)
    }

    /// Erases the status line, so the terminal is left as it was.
    func clear() { Console.eraseStatus() }

    private static func count(_ n: Int) -> String {
        switch n {
        case 10_000_000...: return decimal(Double(n) / 1e6, digits: 1) + "M"
        case 10_000...: return decimal(Double(n) / 1e3, digits: 0) + "k"
        default: return String(n)
        }
    }

    /// `value` with `digits` decimals, rounded as printf's `%.*f` rounds.
    private static func decimal(_ value: Double, digits: Int32) -> String { FixedPoint.text(value, digits: digits) }
}

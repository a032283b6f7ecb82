import Glibc
import LineageKit

/// What the crash guard needs to tell a fault caused by the pipeline writing the file
/// (exit 75, `BUSY`) from damage (exit 2): the meta pages seen before the read, and
/// everything the handler prints, prepared in advance (a handler may not allocate).
/// Static and unsynchronized because the signal handler reads them; they are set on the
/// reading thread before the read they watch and cleared after it.
enum CrashWatch {
    /// The LMDB data file being read (a directory's `data.mdb`), for the handler to `open`.
    nonisolated(unsafe) static var dataFile: UnsafeMutablePointer<CChar>?
    /// The newest transaction and the file size when the read began.
    nonisolated(unsafe) static var before: (txnid: UInt64, fileSize: Int)?
    /// The BUSY sentence's words around the two ids (`ErrorPresentation.busyWords`).
    nonisolated(unsafe) static var busyPrefix: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var busyBetween: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var busySuffix: UnsafeMutablePointer<CChar>?
    /// Room for the handler to read the meta pages into, and to spell a number in.
    nonisolated(unsafe) static let scratch = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 16)
    nonisolated(unsafe) static let digits = UnsafeMutablePointer<CChar>.allocate(capacity: 64)
    /// Until when (monotonic seconds) a torn read may be tried again by running the same
    /// command line anew, and how much stdout had been written when the read began.
    nonisolated(unsafe) static var retryUntil = 0.0
    nonisolated(unsafe) static var flushedAtStart = 0

    /// The variable that carries `retryUntil` into the command run anew.
    static let retryVariable = "LINEAGE_RETRY_UNTIL"

    /// Set by `status` and `types --summary`, which answer from the records' totals when no
    /// whole-file read is consistent: a faulted read with no time left runs the command
    /// again to do so, instead of ending BUSY.
    nonisolated(unsafe) static var totalsFallback = false

    /// The variable that tells the command run anew to answer from the totals at once.
    static let totalsVariable = "LINEAGE_RETRY_TOTALS"

    /// Whether this process is the run anew of a command whose read faulted with no time
    /// left, and should answer from the totals without reading the whole file; read once.
    static let inheritedTotals: Bool = {
        guard getenv(totalsVariable) != nil else { return false }
        unsetenv(totalsVariable)
        return (inheritedWait ?? 1) <= 0
    }()

    /// The seconds left to retry when this process is a retry of a faulted read, read once.
    static let inheritedWait: Double? = {
        guard let value = getenv(retryVariable).map({ String(cString: $0) }), let until = Double(value) else { return nil }
        unsetenv(retryVariable)
        return max(0, until - ConsistentRead.monotonicSeconds())
    }()

    /// In the signal handler: if the file's transaction id moved past what a consistent
    /// read allows, say the checkpoint is busy and exit 75; otherwise return (damage).
    static func exitIfTorn() {
        guard let dataFile, let before, let busyPrefix, let busyBetween, let busySuffix else { return }
        let now = MetaSnapshot.newestTxnid(dataFile: dataFile, scratch: scratch)
        let window = ReadWindow(
            before: MetaSnapshot(first: before.txnid, second: nil, fileSize: before.fileSize),
            after: MetaSnapshot(first: now?.txnid, second: nil, fileSize: now?.fileSize ?? 0))
        if window.provesFailure { return }
        StatusSignals.eraseFromHandler()
        // Nothing shown yet and time left: run the same command line again, from a fresh
        // mapping (execv and sigprocmask may be called here; the variable was set before).
        if Console.flushedBytes == flushedAtStart, ConsistentRead.monotonicSeconds() < retryUntil || totalsFallback {
            var all = sigset_t()
            sigfillset(&all)
            sigprocmask(SIG_UNBLOCK, &all, nil)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
        }
        _ = write(STDERR_FILENO, busyPrefix, strlen(busyPrefix))
        writeNumber(before.txnid)
        _ = write(STDERR_FILENO, busyBetween, strlen(busyBetween))
        writeNumber(now?.txnid ?? 0)
        _ = write(STDERR_FILENO, busySuffix, strlen(busySuffix))
        _exit(ExitStatus.busy)
    }

    private static func writeNumber(_ value: UInt64) {
        var value = value
        var index = 63
        repeat {
            index -= 1
            digits[index] = CChar(48 + Int(value % 10))
            value /= 10
        } while value > 0 && index > 0
        _ = write(STDERR_FILENO, digits + index, 63 - index)
    }
}

extension CrashGuard {
    /// Lets the guard tell a writer's fault from damage while `path` is read from the
    /// snapshot `before` (nothing to compare when `nil`).
    static func watch(path: String, before: MetaSnapshot?, retryUntil: Double) {
        stopWatching()
        guard let before, let txnid = before.txnid else { return }
        CrashWatch.retryUntil = retryUntil
        CrashWatch.flushedAtStart = Console.flushedBytes
        setenv(CrashWatch.retryVariable, String(retryUntil), 1)
        if CrashWatch.totalsFallback { setenv(CrashWatch.totalsVariable, "1", 1) }
        var info = stat()
        let isDirectory = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        CrashWatch.dataFile = strdup(isDirectory ? PathJoin.join(path, "data.mdb") : path)
        // The sentence the handler says, prepared now around the two ids it reads then.
        let words = ErrorPresentation.busyWords(path: path)
        CrashWatch.busyPrefix = strdup("lineage: " + words.beforeFirst)
        CrashWatch.busyBetween = strdup(words.between)
        CrashWatch.busySuffix = strdup(words.afterLast + "\n")
        CrashWatch.before = (txnid, before.fileSize)
    }

    /// Forgets the watched read.
    static func stopWatching() {
        CrashWatch.before = nil
        unsetenv(CrashWatch.retryVariable)
        unsetenv(CrashWatch.totalsVariable)
        free(CrashWatch.dataFile)
        free(CrashWatch.busyPrefix)
        free(CrashWatch.busyBetween)
        free(CrashWatch.busySuffix)
        CrashWatch.dataFile = nil
        CrashWatch.busyPrefix = nil
        CrashWatch.busyBetween = nil
        CrashWatch.busySuffix = nil
    }
}

extension CrashGuard {
    /// The guard around each path `verify` reads: armed for the path, watching each
    /// attempt (a torn read with time left within `wait` runs the command again), then
    /// forgotten.
    static func watch(wait: Double) -> Verification.Watch {
        var retryUntil = 0.0
        return Verification.Watch(
            arm: { path in
                arm(reading: path)
                retryUntil = ConsistentRead.monotonicSeconds() + wait
            },
            reading: { path, before in watch(path: path, before: before, retryUntil: retryUntil) },
            done: { stopWatching() })
    }
}

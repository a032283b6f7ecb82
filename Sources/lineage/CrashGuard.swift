import Glibc
import LineageKit

/// The last line of defence on damaged input: if reading a checkpoint faults anyway
/// (liblmdb on a page the pre-flight check cannot see is damaged, or a file truncated
/// by another process while mapped), print one sentence naming the file and exit 2,
/// instead of dying with a signal and a stack trace.
enum CrashGuard {
    /// The message, prepared before reading starts: a signal handler may only write
    /// and exit, so nothing is built after the fault.
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?

    /// Arms the guard for reading `path`.
    static func arm(reading path: String) {
        // A liblmdb assertion met in a torn read ends as a retry or BUSY before liblmdb prints it.
        LMDBEnvironment.assertionHook = { _, _ in CrashWatch.exitIfTorn() }
        let text = "lineage: " + ErrorPresentation.readingFault(path) + "\n"
        free(message)
        message = strdup(text)
        for signal in [SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                CrashWatch.exitIfTorn()
                StatusSignals.eraseFromHandler()
                if let text = CrashGuard.message { _ = write(STDERR_FILENO, text, strlen(text)) }
                _exit(ExitStatus.unreadable)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }
}

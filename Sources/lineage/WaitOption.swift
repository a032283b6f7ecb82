import ArgumentParser
import LineageKit

/// `--wait SECONDS`: how long a read of a checkpoint the pipeline is writing is retried
/// for a consistent snapshot before the command gives up with exit 75.
struct WaitOption: ParsableArguments {
    // .unconditional takes `-1` as the value, so the range check below can word it.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "While the pipeline writes the checkpoint, retry the read for a consistent snapshot this long (0: read once). Default: 2.",
            valueName: "seconds"))
    var wait: Double?

    /// The seconds to retry. - Throws: `UsageError` for a negative or non-finite value.
    var seconds: Double {
        get throws {
            guard let wait else { return ConsistentRead.defaultWait }
            guard wait.isFinite, wait >= 0 else { throw UsageError("--wait must be 0 or more seconds (got \(wait)).") }
            return wait
        }
    }
}

import ArgumentParser
import LineageKit

extension Lineage {
    struct Udid: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "udid",
            abstract: "Print the udid of a lineage path (first 32 hex digits of its SHA-256).")

        @Argument(
            help: ArgumentHelp(
                "Decimal indexes without leading zeros joined by '_', e.g. 0_0_1 (\"\" for a root without one).", valueName: "lineage-path"))
        var lineagePath: String

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            // The empty path is valid: it names a root that was never given a lineage.
            guard LineagePath.isValid(lineagePath) else { throw UsageError(LineagePath.usage(lineagePath)) }
        }

        func run() {
            Console.print(UDID(lineagePath: lineagePath).string)
            Console.flush()
        }
    }
}

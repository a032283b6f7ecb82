import ArgumentParser
import LineageKit

extension Lineage {
    struct Udid: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "udid",
            abstract: "Print the udid of a lineage path (first 32 hex digits of its SHA-256).")

        @Argument(help: ArgumentHelp("Decimal indexes joined by '_', e.g. 0_0_1.", valueName: "lineage-path"))
        var lineagePath: String

        @OptionGroup var progress: ProgressOptions

        func validate() throws {
            // The empty path is legitimate: it names a root that was never given a lineage.
            guard lineagePath.isEmpty || LineagePath.isValid(lineagePath) else {
                throw ValidationError("'\(lineagePath)' is not a lineage path: give decimal indexes joined by '_', e.g. 0_0_1.")
            }
        }

        func run() {
            Console.print(UDID(lineagePath: lineagePath).string)
            Console.flush()
        }
    }
}

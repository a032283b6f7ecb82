import ArgumentParser
import LineageKit

extension Lineage {
    struct Descendants: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            abstract: "List every task below one task (children, their children, ...) with its distance, type and completion.",
            discussion: """
                One line per task, UDID<TAB>DISTANCE<TAB>TYPE<TAB>completed|pending, ordered by \
                distance (fewest edges), then udid; the task itself is not listed. Reads only the \
                tasks it lists. Exit 1 when the udid names no task, or a prefix names several.
                """)

        @OptionGroup var options: CheckpointOptions
        @OptionGroup var walk: WalkOptions
        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws { try walk.checkUsage() }

        func run() throws { try walk.run(.descendants, checkpoint: options, progress: progress) }
    }
}

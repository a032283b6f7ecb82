import ArgumentParser
import LineageKit

/// The direction of `ancestors` or `descendants`: all that differs between the two.
protocol WalkCommandDirection {
    static var direction: WalkDirection { get }
    /// "above one task (parents, their parents, ...)", or below.
    static var reach: String { get }
}

extension Lineage {
    /// `ancestors` and `descendants`: every task above or below one task.
    struct Walk<Way: WalkCommandDirection>: ParsableCommand, UsageChecked {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: Way.direction.rawValue,
                abstract: "List every task \(Way.reach) with its distance, type and completion.",
                discussion: """
                    One line per task, UDID<TAB>DISTANCE<TAB>TYPE<TAB>completed|pending, ordered by \
                    distance (fewest edges), then udid; the task itself is not listed. Reads only the \
                    tasks it lists. Exit 1 when the udid names no task, or a prefix names several. \
                    With - it walks from every udid read from stdin, one per line, each row \
                    starting with the task walked from (FROM<TAB>..., "from" in JSON).
                    """)
        }

        @OptionGroup var options: CheckpointOptions
        @OptionGroup var walk: WalkOptions
        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws { try walk.checkUsage(command: Way.direction.rawValue) }

        func run() throws { try walk.run(Way.direction, checkpoint: options, progress: progress) }
    }

    enum Up: WalkCommandDirection {
        static let direction = WalkDirection.ancestors
        static let reach = "above one task (parents, their parents, ...)"
    }

    enum Down: WalkCommandDirection {
        static let direction = WalkDirection.descendants
        static let reach = "below one task (children, their children, ...)"
    }

    typealias Ancestors = Walk<Up>
    typealias Descendants = Walk<Down>
}

import ArgumentParser
import LineageKit

extension Lineage {
    struct SourceID: ParsableCommand, UsageChecked {
        static let configuration = CommandConfiguration(
            commandName: "source-id",
            abstract: "Print the NeMo Curator source id of one file group (the paths given) or one Lance fragment set.",
            discussion: """
                The first 12 hex digits of SHA-256 over the paths, sorted, each followed by '|'. \
                The paths are hashed exactly as given: the pipeline's spelling (absolute, relative, \
                s3://...) decides the id. A Lance source (--lance DATASET --dataset-version V \
                --fragments 1,2,3) is hashed the same way over the dataset path, the version and \
                the fragment ids, as the pipeline's LanceReadTask does (NeMo Curator 26.09). No \
                checkpoint is read.
                """)

        @Argument(help: ArgumentHelp("The paths of one file group, in any order.", valueName: "path"))
        var paths: [String] = []

        @OptionGroup var lance: LanceOptions

        @OptionGroup var progress: ProgressOptions

        func checkUsage() throws {
            try lance.check(others: !paths.isEmpty)
            if lance.inputs == nil, paths.isEmpty { throw UsageError("Give the paths of one file group, e.g. lineage source-id /data/part-0.jsonl.") }
        }

        func run() {
            Console.print(CuratorSourceID(paths: lance.inputs ?? paths).description)
            Console.flush()
        }
    }
}

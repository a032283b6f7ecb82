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

        @Option(help: ArgumentHelp("A Lance dataset's path, as the pipeline was given it (with --dataset-version and --fragments).", valueName: "dataset"))
        var lance: String?

        @Option(help: ArgumentHelp("With --lance: the dataset version read.", valueName: "version"))
        var datasetVersion: Int?

        @Option(help: ArgumentHelp("With --lance: the fragment ids, comma-separated, in any order.", valueName: "ids"))
        var fragments: String?

        @OptionGroup var progress: ProgressOptions

        /// The strings the id is hashed over.
        var inputs: [String] {
            guard let lance else { return paths }
            // Python's str() of each integer: "03" and " 3" are 3.
            let ids = (fragments ?? "").split(separator: ",").compactMap { Int($0.filter { $0 != " " }) }.map(String.init)
            return [lance, String(datasetVersion ?? 0)] + ids
        }

        func checkUsage() throws {
            guard let lance else {
                if datasetVersion != nil || fragments != nil { throw UsageError("--dataset-version and --fragments go with --lance DATASET.") }
                if paths.isEmpty { throw UsageError("Give the paths of one file group, e.g. lineage source-id /data/part-0.jsonl.") }
                return
            }
            if !paths.isEmpty { throw UsageError("Give either paths or --lance DATASET, not both.") }
            if lance.isEmpty { throw UsageError("--lance needs the dataset's path, e.g. s3://bucket/ds.lance.") }
            guard datasetVersion != nil, let fragments, !fragments.isEmpty else {
                throw UsageError("--lance needs --dataset-version V and --fragments 1,2,3 (the fragment ids the task read).")
            }
            for id in fragments.split(separator: ",", omittingEmptySubsequences: false) where Int(id.filter { $0 != " " }) == nil {
                throw UsageError("--fragments takes integer ids separated by commas, e.g. 1,2,3 (got '\(fragments)').")
            }
        }

        func run() {
            Console.print(CuratorSourceID(paths: inputs).description)
            Console.flush()
        }
    }
}

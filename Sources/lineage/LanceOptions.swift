import ArgumentParser
import LineageKit

/// A Lance source (NeMo Curator 26.09's `LanceReadTask`) as `source-id` and `why` take it:
/// the dataset's path, the version read and the fragment ids.
struct LanceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A Lance dataset's path, as the pipeline was given it (with --dataset-version and --fragments).", valueName: "dataset"))
    var lance: String?

    @Option(help: ArgumentHelp("With --lance: the dataset version read.", valueName: "version"))
    var datasetVersion: Int?

    @Option(help: ArgumentHelp("With --lance: the fragment ids, comma-separated, in any order.", valueName: "ids"))
    var fragments: String?

    /// The fragment ids as Python's `str()` writes them ("03" and " 3" are 3); `nil` for one that is no integer.
    private var fragmentIDs: [String]? {
        let ids = (fragments ?? "").split(separator: ",", omittingEmptySubsequences: false).map { Int($0.filter { $0 != " " }) }
        return ids.contains(nil) ? nil : ids.compactMap { $0 }.map(String.init)
    }

    /// The strings the source id is hashed over (`[path, str(version), *map(str, fragment_ids)]`),
    /// or `nil` without `--lance`.
    var inputs: [String]? {
        guard let lance, let datasetVersion, let ids = fragmentIDs else { return nil }
        return [lance, String(datasetVersion)] + ids
    }

    /// - Throws: `UsageError` when `--lance` is given with other input (`others`), without
    ///   its version and fragments, or the parts without `--lance`.
    func check(others: Bool) throws {
        guard let lance else {
            if datasetVersion != nil || fragments != nil { throw UsageError("--dataset-version and --fragments go with --lance DATASET.") }
            return
        }
        if others { throw UsageError("Give either ids or paths or --lance DATASET, not several.") }
        if lance.isEmpty { throw UsageError("--lance needs the dataset's path, e.g. s3://bucket/ds.lance.") }
        guard datasetVersion != nil, let fragments, !fragments.isEmpty else {
            throw UsageError("--lance needs --dataset-version V and --fragments 1,2,3 (the fragment ids the task read).")
        }
        if fragmentIDs == nil { throw UsageError("--fragments takes integer ids separated by commas, e.g. 1,2,3 (got '\(fragments)').") }
    }
}

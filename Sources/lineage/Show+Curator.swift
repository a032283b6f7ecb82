import ArgumentParser
import LineageKit

/// `show` on a NeMo Curator checkpoint: the writers holding one source id and, with
/// `--groups FILE`, the file groups (by line) mapping to it.
extension Lineage.Show {
    /// The Curator checkpoint the command reads, or `nil` for a DAG file (or no checkpoint
    /// given: the DAG path reports that).
    var curator: CuratorLocation? {
        (try? options.location).flatMap { try? CheckpointKind.curatorLocation($0, kind: kind) }
    }

    func checkCuratorUsage() throws {
        if lineagePath != nil { throw UsageError("--path applies to a DAG checkpoint; on a Curator checkpoint give a source id.") }
        guard let udid, !udid.isEmpty else { throw UsageError("Give a source id, e.g. lineage show -c PATH ead520a8e8d8.") }
        if udid == "-" { throw UsageError("- (ids from stdin) applies to a DAG checkpoint; on a Curator checkpoint give one source id.") }
    }

    func runCurator(_ location: CuratorLocation) throws {
        let checkpoint = CuratorCheckpoint.read(location, wait: try options.location.wait)
        CuratorCommand.reportSkipped(checkpoint)
        let source = udid ?? ""
        var matching: [(line: Int, paths: [String])] = []
        if let groups, let wanted = CuratorSourceID(source) {
            var hasher = CuratorSourceID.Hasher()
            var line = 0
            try CuratorCommand.forEachGroup(in: groups, form: .groups) { paths in
                line += 1
                if hasher.id(of: paths) == wanted { matching.append((line, paths)) }
            }
        }
        guard let writers = checkpoint.holders.first(where: { $0.source == source })?.writers else {
            // A file being written may hold it: say that rather than "not held".
            try CuratorCommand.finish(checkpoint)
            throw CuratorFailure.notHeld(path: location.path, source: source, groups: groups == nil ? nil : matching.count)
        }
        let file = groups.map { $0 == "-" ? "stdin" : $0 }
        switch format {
        case .text: Console.print(CuratorSourcesRenderer.holding(source: source, writers: writers, groupsFile: file, groups: matching))
        case .json, .jsonl: Console.print(CuratorSourcesRenderer.holdingJSON(source: source, writers: writers, groupsFile: file, groups: matching))
        }
        try CuratorCommand.finish(checkpoint)
    }
}

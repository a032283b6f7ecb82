import ArgumentParser
import FoundationEssentials
import LineageKit

/// `show` on a NeMo Curator checkpoint: the writers holding one source id and, with
/// `--groups FILE`, the file groups (by line) mapping to it.
extension Lineage.Show {
    /// The Curator checkpoint the command reads, as far as can be told without opening a
    /// file: forced by `--kind curator`, or a directory holding the metadata folder (a
    /// stat). A single `.mdb` file is read as a DAG file first and looked at as a writer
    /// file only when that fails (`curatorFile`), so a `show` on a DAG file pays nothing
    /// for the other kind. `nil` for a DAG file, or when no checkpoint is given.
    var curator: CuratorLocation? {
        guard let location = try? location, kind != .dag else { return nil }
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory) else { return nil }
        if kind == .curator { return CuratorLocation.forced(path: location.path) }
        return isDirectory ? CuratorLocation.detect(path: location.path) : nil
    }

    /// A single file given without `--kind` that turned out to be a Curator writer file.
    var curatorFile: CuratorLocation? {
        guard kind == nil, let location = try? location else { return nil }
        return CuratorLocation.detect(path: location.path)
    }

    func checkCuratorUsage() throws {
        if lineagePath != nil { throw UsageError("--path applies to a DAG checkpoint; on a Curator checkpoint give a source id.") }
        guard let udid, !udid.isEmpty else { throw UsageError("Give a source id or a prefix of at least 4 hex digits, e.g. lineage show -c PATH ead520a8e8d8.") }
        if udid == "-" {
            if groups == "-" { throw UsageError("- reads source ids from stdin, so --groups cannot read stdin too; give --groups a file.") }
            return
        }
    }

    func runCurator(_ location: CuratorLocation) throws {
        // Stdin is read once, so a batch cannot be read again: one attempt per writer file.
        let checkpoint = CuratorCheckpoint.read(location, wait: udid == "-" ? 0 : try self.location.wait, slurm: false)
        CuratorCommand.reportSkipped(checkpoint)
        let lookup = CuratorSourceLookup(checkpoint)
        let file = groups.map { $0 == "-" ? "stdin" : $0 }
        if udid == "-" {
            let answered = try CuratorShowBatch(format: format, path: location.path, lookup: lookup, groups: groups).run()
            try CuratorCommand.finish(checkpoint)
            if !answered { throw ExitCode(ExitStatus.no) }
            return
        }
        // checkCuratorUsage() refused an empty id.
        let query = CuratorSourceQuery(udid ?? "")!
        switch lookup.match(query) {
        case .unique(let source, let writers):
            let matching = try CuratorShowBatch.groups(mapping: source, in: groups)
            switch format {
            case .text: Console.print(CuratorSourcesRenderer.holding(source: source, writers: writers, groupsFile: file, groups: matching))
            case .json, .jsonl: Console.print(CuratorSourcesRenderer.holdingJSON(source: source, writers: writers, groupsFile: file, groups: matching))
            }
            try CuratorCommand.finish(checkpoint)
        case .none:
            let count = try query.isWholeID ? CuratorShowBatch.groups(mapping: query.id, in: groups).count : 0
            let failure = CuratorFailure.notHeld(path: location.path, query: query, groups: groups == nil ? nil : count)
            if format != .text { Self.printFailure(query: query.text, code: "not_found", error: failure, kind: "curator") }
            // A file left out or being written may hold it: its status decides.
            try CuratorCommand.finish(checkpoint, failure: failure)
        case .several(let candidates, let more):
            let failure = CuratorFailure.ambiguous(path: location.path, query: query, candidates: candidates, more: more)
            if format != .text { Self.printFailure(query: query.text, code: "ambiguous", error: failure, candidates: candidates, kind: "curator") }
            try CuratorCommand.finish(checkpoint, failure: failure)
        }
    }
}

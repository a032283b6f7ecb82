import LineageKit

/// What `verify` says of each outcome: the sentence standing for a report it could not
/// make, and the sentences on stderr after the reports.
extension ErrorPresentation {
    /// The sentence for a path without a report (unreadable, busy); `nil` for a report.
    static func verifyMessage(_ outcome: VerifyOutcome, location: CheckpointLocation) -> String? {
        switch outcome {
        case .report: nil
        case .unreadable(let path, .checkpoint(let error)):
            message(for: error, fromEnvironment: location.origin == .environment && path == location.path)
        case .unreadable(let path, .noMetadataFolder(let reason)):
            "\(path): read as a Curator checkpoint (\(reason.summary)) but there is no \(CuratorLocation.metadataFolder)/ folder in it; check the path, or leave out --kind to detect the format."
        case .busy(let busy): message(for: busy)
        }
    }

    /// The sentences on stderr for one outcome: why it is not sound, and what to do.
    static func verifyAdvice(_ outcome: VerifyOutcome, location: CheckpointLocation) -> [String] {
        switch outcome {
        case .unreadable, .busy:
            return verifyMessage(outcome, location: location).map { [$0] } ?? []
        case .report(let report) where report.verdict == .failed:
            let failed = report.checks.filter { $0.status == .failed }.map(\.id.rawValue)
            return [
                "\(report.checkpoint): FAILED, \(failed.count) of \(report.checks.count) checks failed (\(failed.joined(separator: ", "))); "
                    + (report.curator == nil ? "the file reads as LMDB but breaks the format's rules" : "the checkpoint breaks the format's rules")
                    + ": the report (lineage verify \(report.checkpoint)) lists examples."
            ]
        case .report(let report):
            guard let curator = report.curator else { return dagAdvice(report) }
            let busy = curator.busyWriters.map { name in
                "\(writerPath(name, in: curator.location)): the pipeline is writing this writer file: no consistent read within the wait; try again, or give --wait SECONDS to wait longer."
            }
            return skippedWriterMessages(report) + busy
        }
    }

    /// A damaged DAG file, or an LMDB file that is not a lineage checkpoint.
    private static func dagAdvice(_ report: VerifyReport) -> [String] {
        let path = report.checkpoint
        if report.structureFailed, let structure = report[.structure] {
            let first = structure.examples.first.map(FindingPhrasing.line) ?? "see the report"
            return [
                "\(path): the LMDB file is damaged (\(structure.violations) structure problem\(structure.violations == 1 ? "" : "s"), first: \(first)); the transaction ids show the file was stable during the read, so this is not a writer at work: do not resume from it, restore a good copy."
            ]
        }
        if let schema = report[.schema], schema.status == .failed {
            let first = schema.examples.first.map(FindingPhrasing.line) ?? "see the report"
            return ["\(path): not a lineage checkpoint (\(first)); lineage's other commands cannot read it."]
        }
        return []
    }

    /// The path of writer file `name` of the checkpoint at `location`.
    private static func writerPath(_ name: String, in location: CuratorLocation) -> String {
        location.metadataDirectory.map { PathJoin.join($0, name) } ?? (location.writerFile ?? location.path)
    }

    /// One sentence per damaged or unreadable writer file: what is wrong and what it means
    /// for a rerun.
    static func skippedWriterMessages(_ report: VerifyReport) -> [String] {
        guard let curator = report.curator else { return [] }
        let examples = report[.writerStructure]?.examples ?? []
        func first(_ name: String) -> String {
            examples.first { $0.file == name }.map { example in
                if case .unreadable(let reason) = example.problem { return reason }
                return FindingPhrasing.line(
                    Finding(check: example.check, problem: example.problem, database: example.database, page: example.page))
            } ?? "see the report"
        }
        func consequence(_ name: String) -> String {
            curator.pipeline[name].map(PipelinePhrasing.consequence) ?? "the pipeline skips it, so the sources it completed run again"
        }
        let damaged = curator.damagedWriters.map { name in
            "\(writerPath(name, in: curator.location)): the writer file is damaged (\(first(name))), stable during the read; \(consequence(name))."
        }
        let unreadable = curator.unreadableWriters.map { name in
            "\(writerPath(name, in: curator.location)): the writer file cannot be read (\(first(name))); \(consequence(name))."
        }
        return damaged + unreadable
    }
}

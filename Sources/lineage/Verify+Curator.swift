import FoundationEssentials
import LineageKit

extension Lineage.Verify {
    /// verify on one NeMo Curator checkpoint: its outcome, the exit code it asks for, and one
    /// sentence on stderr per writer file the pipeline would skip.
    func verifyCurator(_ location: CuratorLocation, progress: ProgressHandler?) -> (
        outcome: JUnitRenderer.Outcome, exitCode: Int32, messages: [String]
    ) {
        if let folder = location.metadataDirectory, !FileManager.default.fileExists(atPath: folder) {
            // Only with --kind curator: detection finds the folder before calling a path Curator.
            let message =
                "\(location.path): read as a Curator checkpoint (\(location.reason.summary)) but there is no \(CuratorLocation.metadataFolder)/ folder in it; check the path, or leave out --kind to detect the format."
            return (.unreadable(path: location.path, message: message), 2, [message])
        }
        CrashGuard.arm(reading: location.path)
        let report = CuratorAudit.verify(
            location, maxExamples: maxExamples, wait: (try? checkpoints.waiting.seconds) ?? ConsistentRead.defaultWait, progress: progress)
        let busy = report.busyWriters.map { name in
            "\(location.metadataDirectory.map { $0.hasSuffix("/") ? $0 + name : $0 + "/" + name } ?? location.path): "
                + "the pipeline is writing this writer file: no consistent read within the wait; try again, or give --wait SECONDS to wait longer."
        }
        return (.curator(report), Self.exitCode(report), Self.skippedWriterMessages(report, location: location) + busy)
    }

    /// 0 sound; 1 a check failed; 2 a writer file is damaged or unreadable, which is what
    /// the other commands report loudly on it too; 75 a writer file could not be read
    /// consistently beside its writer (and none is damaged or unreadable).
    static func exitCode(_ report: CuratorAuditReport) -> Int32 {
        if report.ok { return 0 }
        if report.writersFailed { return 2 }
        return report.busyWriters.isEmpty ? 1 : ErrorPresentation.busyExitCode
    }

    /// One sentence per damaged or unreadable writer file: what is wrong and what it means
    /// for a rerun.
    static func skippedWriterMessages(_ report: CuratorAuditReport, location: CuratorLocation) -> [String] {
        let examples = report[.writerStructure]?.examples ?? []
        func path(_ name: String) -> String {
            location.metadataDirectory.map { folder in folder.hasSuffix("/") ? folder + name : folder + "/" + name }
                ?? (location.writerFile ?? location.path)
        }
        func first(_ name: String) -> String {
            examples.first { $0.file == name }.map { example in
                if case .unreadable(let reason) = example.problem { return reason }
                return CuratorFindingPhrasing.line(
                    CuratorFinding(check: example.check, file: nil, problem: example.problem, database: example.database, page: example.page))
            } ?? "see the report"
        }
        let damaged = report.damagedWriters.map { name in
            "\(path(name)): the writer file is damaged (\(first(name))); the pipeline skips it, so the sources it completed run again: the transaction ids show the file was stable during the read, so restore a good copy or let those sources run again."
        }
        let unreadable = report.unreadableWriters.map { name in
            "\(path(name)): the writer file cannot be read (\(first(name))); the pipeline skips it, so the sources it completed run again."
        }
        return damaged + unreadable
    }
}

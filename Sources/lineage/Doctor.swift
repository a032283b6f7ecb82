import ArgumentParser
import FoundationEssentials
import LineageKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Lineage {
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a checkpoint before a run resumes on it.",
            discussion: """
                A pre-flight check, for both kinds: the file system under the checkpoint and its \
                known hazard for LMDB's memory maps and sync=True writes (NFS, SMB, FUSE bucket \
                mounts fail; Lustre, GPFS, CephFS warn), whether this user can create files there, \
                free space against the writers' map size, and leftover lock and temporary files. On \
                a NeMo Curator checkpoint also: writer files not named <host>-<pid>.mdb, how many \
                writer files the pipeline's start reads (and how long reading them took here), and \
                what the pipeline's start does with each (a file it fails on fails the check); on a \
                DAG file, whether its structure is sound. Nothing is created or changed. Exit 0 \
                when no check failed (warnings allowed), 1 when one did, 2 when the checkpoint or a \
                writer file is damaged, unreadable, skipped or failing (named on stderr).
                """)

        @OptionGroup var operand: CheckpointOperand

        @Option(help: "Read the checkpoint as this kind instead of detecting it from the path.")
        var kind: CheckpointKind?

        @Option(help: "Output format: json (one document) or jsonl (one object per check).")
        var format: ReportFormat = .text

        @OptionGroup var progress: ProgressOptions

        func run() throws {
            defer { Console.flush() }
            let location = try operand.location
            if let curator = try CheckpointKind.curatorLocation(location, kind: kind) {
                let started = Self.now()
                let checkpoint = CuratorCheckpoint.read(curator, wait: location.wait, progress: progress.handler("lineage doctor"))
                let report = LineageKit.Doctor.examine(checkpoint, readSeconds: Self.now() - started)
                // A writer file damaged, skipped or failing is named on stderr and decides
                // the status (2), as on every command; else a failed check exits 1.
                let troubled = checkpoint.writers.contains(where: \.needsAttention)
                print(report, exitCode: troubled ? ExitStatus.unreadable : report.ok ? ExitStatus.success : ExitStatus.no)
                CuratorCommand.reportSkipped(checkpoint)
                Console.flush()
                return try CuratorCommand.finish(checkpoint, failure: report.ok ? nil : ExitCode(ExitStatus.no))
            }
            // A DAG file is read as every DAG command reads it: missing, not LMDB, not a lineage
            // checkpoint or the other kind end here; a damaged one still gets the checks, then 2.
            var damage: (any Error)?
            do {
                _ = try location.read { _ in true }
            } catch let error {
                guard let refined = error as? CheckpointError ?? (error as? CheckpointFromEnvironment)?.error,
                    case .notCheckpoint(_, .damaged) = refined
                else { throw error }
                damage = error
            }
            var isDirectory = false
            _ = FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory)
            let file = isDirectory ? PathJoin.join(location.path, "data.mdb") : location.path
            let report = LineageKit.Doctor.examine(
                dagFile: file, checkpoint: location.path, folder: isDirectory ? location.path : LineageKit.Doctor.parent(of: location.path),
                lockName: isDirectory ? "lock.mdb" : String(location.path.split(separator: "/").last ?? "") + "-lock", damaged: damage != nil)
            print(report, exitCode: damage != nil ? ExitStatus.unreadable : report.ok ? ExitStatus.success : ExitStatus.no)
            Console.flush()
            if let damage { throw damage }
            if !report.ok { throw ExitCode(ExitStatus.no) }
        }

        private func print(_ report: DoctorReport, exitCode: Int32) {
            switch format {
            case .text: Console.print(DoctorRenderer.text(report))
            case .json: Console.print(DoctorRenderer.json(report, exitCode: Int(exitCode)))
            case .jsonl: for line in DoctorRenderer.jsonLines(report) { Console.print(line) }
            }
        }

        /// Seconds on the monotonic clock.
        static func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
    }
}

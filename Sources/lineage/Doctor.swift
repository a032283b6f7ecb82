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
                what the pipeline's start does with each (a file it fails on fails the check). \
                Nothing is created or changed. Exit 0 when no check failed (warnings allowed), 1 \
                when one did.
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
            let report: DoctorReport
            if let curator = try CheckpointKind.curatorLocation(location, kind: kind) {
                let started = Self.now()
                let checkpoint = CuratorCheckpoint.read(curator, wait: location.wait, progress: progress.handler("lineage doctor"))
                report = LineageKit.Doctor.examine(checkpoint, readSeconds: Self.now() - started)
            } else {
                var status = stat()
                guard stat(location.path, &status) == 0 else { throw CheckpointError.missing(path: location.path) }
                report = LineageKit.Doctor.examine(dagFile: location.path)
            }
            let exitCode = report.ok ? ExitStatus.success : ExitStatus.no
            switch format {
            case .text: Console.print(DoctorRenderer.text(report))
            case .json: Console.print(DoctorRenderer.json(report, exitCode: Int(exitCode)))
            case .jsonl: for line in DoctorRenderer.jsonLines(report) { Console.print(line) }
            }
            if exitCode != ExitStatus.success { throw ExitCode(exitCode) }
        }

        /// Seconds on the monotonic clock.
        static func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
    }
}

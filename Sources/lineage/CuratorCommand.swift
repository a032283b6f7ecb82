import ArgumentParser
import Glibc
import LineageKit

/// What the Curator commands (`sources`, `plan`, `show`) share: the checkpoint read as a
/// Curator one or refused, the skipped writers named on stderr, the file groups read.
enum CuratorCommand {
    /// The checkpoint at `location` read as a Curator checkpoint.
    /// - Throws: `CuratorFailure.notCurator` when detection (or `--kind dag`) reads it as a
    ///   DAG file; `CheckpointError.missing` when nothing is there.
    /// `sources` reads only the writer files; `plan` (`slurm`) also the Slurm manifests, for
    /// the shard of each group.
    static func checkpoint(
        _ location: CheckpointLocation, kind: CheckpointKind?, slurm: Bool = false, progress: ProgressHandler? = nil
    ) throws -> CuratorCheckpoint {
        if let curator = try CheckpointKind.curatorLocation(location, kind: kind) {
            return CuratorCheckpoint.read(curator, wait: location.wait, slurm: slurm, progress: progress)
        }
        var isDirectory = false
        guard fileExists(location.path, isDirectory: &isDirectory) else {
            let error = CheckpointError.missing(path: location.path)
            throw location.origin == .environment ? CheckpointFromEnvironment(error: error) as any Error : error
        }
        if kind == .dag {
            // What the path is, said as the other commands say it: a Curator checkpoint read as a DAG file.
            if let curator = CuratorLocation.detect(path: location.path) {
                throw WrongKind(path: location.path, found: .curator, detected: curator.reason.summary)
            }
            throw WrongKind(path: location.path, found: .dag, detected: "--kind dag")
        }
        // Only on the way to an error: is it the other kind, damaged, or neither?
        let dagRead = Result { try Checkpoint(path: location.path).read { _ in true } }
        switch dagRead {
        case .success:
            throw WrongKind(path: location.path, found: .dag, detected: "it holds the lineage sub-databases")
        case .failure(let error as CheckpointError):
            // A damaged or truncated LMDB file: say that, as status and show do.
            if case .notCheckpoint(_, .damaged) = error { throw error }
        case .failure:
            break
        }
        let detected =
            isDirectory
            ? "a directory without \(CuratorLocation.metadataFolder)/ or a lineage data.mdb"
            : "a file that is neither a writer file nor a lineage checkpoint"
        throw CuratorFailure.notCurator(path: location.path, detected: detected)
    }

    /// Ends a command on a Curator checkpoint after its answer, with the worst status of
    /// what the read met (the same order as `verify`'s): a writer file that is damaged or
    /// unreadable, that the pipeline skips, or that its start fails on (named on stderr by
    /// `reportSkipped`) exits 2; else a writer file its
    /// writer kept committing to (no consistent read within `--wait`) exits 75, each named
    /// on stderr; else `failure` (the answer's own "no"), if any, is thrown. A `failure`
    /// that does not decide the status still has its sentence printed. With `countsBusy`
    /// (`status`, which answers with a busy file's record count), a busy file whose record
    /// was read does not make it 75.
    static func finish(_ checkpoint: CuratorCheckpoint, failure: (any Error)? = nil, countsBusy: Bool = false) throws {
        let busy = checkpoint.busyWriters.compactMap { writer -> CheckpointBusy? in
            if countsBusy, writer.recordCount != nil { return nil }
            if case .busy(let busy) = writer.state { return busy } else { return nil }
        }
        let skipped = checkpoint.writers.contains(where: \.needsAttention)
        guard skipped || !busy.isEmpty else {
            if let failure { throw failure }
            return
        }
        if let failure, let presented = ErrorPresentation.presentation(of: failure) { Console.error(presented.message) }
        if skipped {
            for other in busy { Console.error(ErrorPresentation.message(for: other)) }
            throw ExitCode(ExitStatus.unreadable)
        }
        for other in busy.dropLast() { Console.error(ErrorPresentation.message(for: other)) }
        throw busy[busy.count - 1]
    }

    /// Names on stderr each writer file that is damaged or unreadable, that the pipeline
    /// skips, or that its start fails on, with what the pipeline does with it.
    static func reportSkipped(_ checkpoint: CuratorCheckpoint) {
        for writer in checkpoint.writers where writer.needsAttention { Console.error(ErrorPresentation.troubledWriter(writer)) }
    }

    /// Calls `body` with each file group read from `path` (`-` is stdin), in input order.
    /// - Throws: `CuratorFailure.unreadableInput`, `.badLine`, or what `body` throws.
    static func forEachGroup(in path: String, form: CuratorGroupInput.Form, _ body: ([String], CuratorGroupInput.Lance?) throws -> Void) throws {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CuratorFailure.unreadableInput(path: path, reason: String(cString: strerror(errno))) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw CuratorFailure.unreadableInput(path: path, reason: "it is a directory")
        }
        var input = CuratorGroupInput(form: form, file: path == "-" ? "stdin" : path)
        try LineReader(fileDescriptor: descriptor).forEachLine(
            { line in
                do {
                    guard let group = try input.group(line: line) else { return }
                    try body(group, input.lance)
                } catch let error as CuratorGroupInput.LineError {
                    throw CuratorFailure.badLine(error, form: form)
                }
            }, whenIdle: {})
    }

    private static func fileExists(_ path: String, isDirectory: inout Bool) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        isDirectory = status.st_mode & S_IFMT == S_IFDIR
        return true
    }
}

import FoundationEssentials

/// `verify` as a library call: detects each path's format, reads it consistently beside
/// a writer, runs every check of that format and returns one outcome per path, in order.
/// Never throws and never prints: what could not be read is an outcome too.
public enum Verification {
    /// Hooks around each read, for a caller that guards against faults while the file is
    /// mapped (the executable's crash guard): `arm` before a path is read, `reading` at each
    /// attempt with the meta pages seen before it, `done` after.
    public struct Watch {
        public var arm: (_ path: String) -> Void
        public var reading: (_ path: String, _ before: MetaSnapshot?) -> Void
        public var done: () -> Void

        public init(
            arm: @escaping (String) -> Void = { _ in }, reading: @escaping (String, MetaSnapshot?) -> Void = { _, _ in },
            done: @escaping () -> Void = {}
        ) {
            self.arm = arm
            self.reading = reading
            self.done = done
        }
    }

    /// Verifies every path of `paths`, in order (see `verify(path:...)`).
    public static func verify(
        paths: [String], format: CheckpointFormat? = nil, maxExamples: Int = 5, wait: Double = ConsistentRead.defaultWait,
        progress: (_ path: String) -> ProgressHandler? = { _ in nil }, watch: Watch = Watch()
    ) -> [VerifyOutcome] {
        paths.map { verify(path: $0, format: format, maxExamples: maxExamples, wait: wait, progress: progress($0), watch: watch) }
    }

    /// Verifies one path: a DAG file by `Verifier`, read again while the pipeline tears
    /// the read (for up to `wait` seconds, then BUSY); a Curator checkpoint by `CuratorAudit`,
    /// each writer file read that way. The format is detected from the path unless `format`
    /// says it.
    public static func verify(
        path: String, format: CheckpointFormat? = nil, maxExamples: Int = 5, wait: Double = ConsistentRead.defaultWait,
        progress: ProgressHandler? = nil, watch: Watch = Watch()
    ) -> VerifyOutcome {
        let curator: CuratorLocation?
        do {
            curator = try CuratorLocation.resolve(path: path, format: format)
        } catch {
            return .unreadable(path: path, reason: .checkpoint(error))
        }
        watch.arm(path)
        defer { watch.done() }
        if let curator {
            if let folder = curator.metadataDirectory, !FileManager.default.fileExists(atPath: folder) {
                // Only when forced: detection finds the folder before calling a path Curator.
                return .unreadable(path: path, reason: .noMetadataFolder(curator.reason))
            }
            return .report(CuratorAudit.verify(curator, maxExamples: maxExamples, wait: wait, progress: progress))
        }
        do {
            let answer = try ConsistentRead.run(
                paths: [path], wait: wait, isFailure: { (report: VerifyReport) in !report.ok }, began: { watch.reading(path, $0[0]) }
            ) { _ in
                try Verifier.verify(path: path, maxExamples: maxExamples, progress: progress)
            }
            return .report(answer.value)
        } catch let error as CheckpointError {
            return .unreadable(path: path, reason: .checkpoint(error))
        } catch let busy as CheckpointBusy {
            return .busy(busy)
        } catch {
            // `Verifier.verify` throws only `CheckpointError`, `ConsistentRead.run` only what
            // its body threw or `CheckpointBusy`.
            preconditionFailure("unexpected error from a verify read: \(error)")
        }
    }
}

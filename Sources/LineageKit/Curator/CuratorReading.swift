import FoundationEssentials

/// What verify read of a NeMo Curator checkpoint, the input of its checks: every writer
/// file's reading in path order (its state, its structure report and databases, and the
/// key and value findings of its walk), and the Slurm manifests folder.
struct CuratorReading: @unchecked Sendable {
    /// One writer file as read.
    struct Writer {
        let name: String
        let outcome: WriterChecks.FileOutcome
        var state: CuratorWriter.State { outcome.inspection.writer.state }
    }

    /// The Slurm job array's manifests folder, as read.
    enum Slurm {
        /// There is no `.slurm_array_completion/` folder.
        case notJobArray
        /// The folder's files: `run.json` (nil when absent; `.some(nil)` when it is not JSON),
        /// the completion manifests by name, and leftover temporary files.
        case folder(run: CuratorJSON??, manifests: [(name: String, json: CuratorJSON?)], temporary: [String])
    }

    let writers: [Writer]
    let slurm: Slurm
    /// Examples kept per check.
    let maxExamples: Int

    func names(where matches: (CuratorWriter.State) -> Bool) -> [String] { writers.filter { matches($0.state) }.map(\.name) }
    var unreadable: [String] { names { if case .unreadable = $0 { true } else { false } } }
    var damaged: [String] { names { if case .damaged = $0 { true } else { false } } }
    var busy: [String] { names { if case .busy = $0 { true } else { false } } }
    /// Writer files without `completed_sources`.
    var empty: [String] { names { if case .noSubDatabase = $0 { true } else { false } } }
    /// The writer files the pipeline reads: their entries are checked and counted.
    var sound: [Writer] { writers.filter { !$0.state.isSkipped && !$0.state.isBusy } }

    /// The note of the checks on entries: which writer files were left out as unreadable or damaged.
    var skippedNotes: [CheckNote] {
        let skipped = unreadable + damaged
        return skipped.isEmpty ? [] : [.writersSkipped(skipped.sorted())]
    }

    /// Whether no writer file is left whose entries could be checked (there were some).
    var nothingLeft: Bool { !writers.isEmpty && sound.isEmpty }

    /// Reads the Slurm manifests folder under `metadataDirectory`.
    static func readSlurm(metadataDirectory: String?) -> Slurm {
        guard let metadataDirectory else { return .notJobArray }
        let folder = PathJoin.join(metadataDirectory, CuratorSlurm.folder)
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory else { return .notJobArray }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let manifests = names.filter { $0.hasPrefix(CuratorSlurm.manifestPrefix) && $0.hasSuffix(".json") }
        let run: CuratorJSON?? = names.contains(CuratorSlurm.runFile) ? .some(CuratorJSON.read(path: PathJoin.join(folder, CuratorSlurm.runFile))) : nil
        return .folder(
            run: run, manifests: manifests.map { ($0, CuratorJSON.read(path: PathJoin.join(folder, $0))) },
            temporary: names.filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") })
    }
}

/// A check of a NeMo Curator checkpoint. A new one is a type in `Curator/Checks/` and one
/// line in `CuratorAudit.checks`.
protocol CuratorCheck: Check where Input == CuratorReading {}

extension CuratorCheck {
    /// The checks on entries need a writer file whose entries could be read.
    func needsEntries(_ reading: CuratorReading) -> [CheckNote]? { reading.nothingLeft ? reading.skippedNotes : nil }

    /// A tally for this check that keeps the reading's number of examples.
    func tally(_ reading: CuratorReading) -> Tally { Tally(id, limit: reading.maxExamples) }

    /// The result of a check whose findings each writer file's walk made: `found` picks
    /// that file's tally; the files left out are noted.
    func gathered(_ reading: CuratorReading, _ found: (WriterChecks.FileOutcome) -> Tally) -> CheckResult {
        var tally = tally(reading)
        for writer in reading.sound { tally.absorb(found(writer.outcome)) }
        return entriesResult(tally, reading)
    }

    /// The result of a check on entries: failed when a file read broke it; otherwise not
    /// run when a writer file was left out as unreadable or damaged (what it holds was not
    /// checked, as on a damaged DAG file), passed when every file was read. `notes` come
    /// before the note of the files left out.
    func entriesResult(_ tally: Tally, _ reading: CuratorReading, notes: [CheckNote] = []) -> CheckResult {
        let skipped = reading.skippedNotes
        return tally.result(notes: notes + skipped, notRun: tally.count == 0 && !skipped.isEmpty)
    }
}

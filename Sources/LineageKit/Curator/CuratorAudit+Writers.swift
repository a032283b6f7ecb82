import Dispatch

/// Reading the writer files for verify's checks (`Curator/Checks/`): one structure walk
/// per file, every key and value judged on the way, and the helpers the checks share.
enum WriterChecks {
    /// What reading one writer file gave: the inspection, and its key and value findings
    /// (kept apart, as they are dropped when the file turns out damaged).
    struct FileOutcome: Sendable {
        let inspection: CuratorWriter.Inspection
        let keys: Tally
        let values: Tally
    }

    /// Reads one writer file consistently beside its writer (`Docs/Concurrency.md`): a torn
    /// read is retried, its findings dropped; after `wait` seconds the state is `.busy`.
    static func read(_ path: String, maxExamples: Int, wait: Double) -> FileOutcome {
        let attempt = CuratorWriter.consistently(
            path: path, wait: wait, isFailure: { (outcome: FileOutcome) in outcome.inspection.writer.state.isSkipped }
        ) { Self.read(path, maxExamples: maxExamples) }
        switch attempt {
        case .success(let answer): return answer.value
        case .failure(let busy):
            return FileOutcome(
                inspection: CuratorWriter.Inspection(writer: CuratorWriter.busy(path: path, busy), structure: nil, databases: []),
                keys: Tally(.sourceKeys, limit: maxExamples), values: Tally(.sourceValues, limit: maxExamples))
        }
    }

    /// Reads one writer file: one structure walk, every entry's key and value checked on the way.
    static func read(_ path: String, maxExamples: Int) -> FileOutcome {
        let name = CuratorLocation.lastComponent(of: path)
        var fileKeys = Tally(.sourceKeys, limit: maxExamples)
        var fileValues = Tally(.sourceValues, limit: maxExamples)
        let inspection = CuratorWriter.inspect(path: path) { key, value in
            // The tallies are touched only for a key or value that may be wrong: the closure
            // escapes, so each access to them is checked at run time.
            if !isPrintableASCII(key) { checkKey(key, file: name, into: &fileKeys) }
            if value.count != 1 || value[0] != CuratorWriter.completedValue {
                fileValues.add(.sourceValue(key: Array(key), value: Array(value)), file: name, database: CuratorWriter.databaseName)
            }
        }
        return FileOutcome(inspection: inspection, keys: fileKeys, values: fileValues)
    }

    /// Reads every writer file, on two threads each reading half of them; the readings in path order.
    static func readAll(_ paths: [String], maxExamples: Int, wait: Double, progress: ProgressHandler? = nil) -> [CuratorReading.Writer] {
        let half = paths.count / 2
        let counter = FilesRead(total: paths.count, progress: progress)
        let (early, late) = inParallel(
            { paths[..<half].map { path in counter.reading { read(path, maxExamples: maxExamples, wait: wait) } } },
            { paths[half...].map { path in counter.reading { read(path, maxExamples: maxExamples, wait: wait) } } })
        return zip(paths, early + late).map { CuratorReading.Writer(name: CuratorLocation.lastComponent(of: $0), outcome: $1) }
    }

    /// `writer-schema` for one sound file: only `completed_sources` (or nothing), flags 0.
    static func checkSchema(_ databases: [NamedDatabase], file: String, into tally: inout Tally) {
        for named in databases {
            if named.name != CuratorWriter.databaseName {
                tally.add(.unexpectedSubDatabase(named.name), file: file, database: StructureWalker.mainName)
            } else if named.record.flags != 0 {
                // The pipeline opens it with py-lmdb's defaults: no MDB_DUPSORT, no key flags.
                tally.add(.writerFlags(named.record.flags), file: file, database: named.name)
            }
        }
    }

    /// Whether every byte of `key` is printable ASCII (0x20 to 0x7E), 8 bytes at a time.
    @inline(__always)
    static func isPrintableASCII(_ key: UnsafeRawBufferPointer) -> Bool {
        let count = key.count
        guard count >= 8 else {
            for byte in key where byte < 0x20 || byte >= 0x7F { return false }
            return true
        }
        var offset = 0
        while offset + 8 <= count {
            if !isPrintableASCII(word: key.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return false }
            offset += 8
        }
        // The last 8 bytes, overlapping the words already checked.
        return offset == count || isPrintableASCII(word: key.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    }

    /// Whether each of the 8 bytes of `word` is in 0x20...0x7E. Below 0x80, a byte plus 0x60
    /// reaches 0x80 exactly when it is 0x20 or more, and plus 1 exactly when it is 0x7F; no
    /// sum carries into the next byte.
    @inline(__always)
    static func isPrintableASCII(word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        return word & high == 0 && (word &+ 0x60 &* ones) & high == high && (word &+ ones) & high == 0
    }

    /// `source-keys` for one key: valid UTF-8, no C0/C1 control character.
    static func checkKey(_ key: UnsafeRawBufferPointer, file: String, into tally: inout Tally) {
        // Source ids are hex digests or decimals: printable ASCII needs no decoding.
        if isPrintableASCII(key) { return }
        guard let text = String(validating: key, as: UTF8.self) else {
            return tally.add(.keyNotUTF8(Array(key)), file: file, database: CuratorWriter.databaseName)
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            tally.add(.keyControlCharacter(Array(key)), file: file, database: CuratorWriter.databaseName)
        }
    }
}

/// Counts the writer files read by two threads and tells `progress` before each.
final class FilesRead: @unchecked Sendable {
    private let total: Int
    private let progress: ProgressHandler?
    private let lock = DispatchSemaphore(value: 1)
    private var done = 0

    init(total: Int, progress: ProgressHandler?) {
        self.total = total
        self.progress = progress
    }

    func reading<T>(_ work: () -> T) -> T {
        if let progress {
            lock.wait()
            let count = done
            done += 1
            lock.signal()
            progress(WorkProgress(phase: "reading writer files", done: count, total: total, unit: "files"))
        }
        return work()
    }
}

import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `lineage doctor`: the pre-flight check of a checkpoint before a run resumes on it: the
/// file system it is on, whether files can be created there, free space against the
/// writers' map size, leftover lock and temporary files, and (NeMo Curator) the writer
/// files' names, how many the pipeline's start reads and what it does with each.
/// Read-only: nothing is created, locked or changed (permissions are asked with `access`).
public enum Doctor {
    /// The map size of a writer the pipeline opens (`map_size` 1 GiB), when no file says one.
    public static let pipelineMapSize: UInt64 = 1 << 30
    /// Past this many writer files the start of every shard is slow to read them all.
    static let manyWriters = 1000

    /// Examines a Curator checkpoint already read; `readSeconds` is how long reading its
    /// writer files took here.
    public static func examine(_ checkpoint: CuratorCheckpoint, readSeconds: Double) -> DoctorReport {
        let location = checkpoint.location
        let folder = location.metadataDirectory ?? parent(of: location.writerFile ?? location.path)
        let files = checkpoint.writers.map(\.path)
        var checks = [
            fileSystem(folder),
            permissions(folder, files: files),
            space(folder, files: files),
            leftovers(folder, slurmFolder: location.metadataDirectory.map { PathJoin.join($0, CuratorSlurm.folder) }),
        ]
        if location.metadataDirectory != nil {
            checks.append(writerNames(checkpoint.writers.map(\.name)))
            checks.append(startTime(count: checkpoint.writers.count, seconds: readSeconds))
        }
        checks.append(pipelineRead(checkpoint))
        return DoctorReport(checkpoint: location.path, kind: "curator", checks: checks)
    }

    /// Examines a task-lineage DAG file.
    public static func examine(dagFile path: String) -> DoctorReport {
        let folder = parent(of: path)
        let checks = [
            fileSystem(folder), permissions(folder, files: [path]), space(folder, files: [path]),
            leftovers(folder, slurmFolder: nil, lockOf: CuratorLocation.lastComponent(of: path)),
        ]
        return DoctorReport(checkpoint: path, kind: "dag", checks: checks)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    // MARK: - The checks

    static func fileSystem(_ folder: String) -> DoctorReport.Check {
        guard let kind = FileSystemKind.of(path: folder) else {
            return .init("filesystem", .warn, "the file system of \(folder) could not be told (no /proc/self/mountinfo)")
        }
        let place = kind.isLocal ? "a local file system" : "a network or user-space file system"
        guard let hazard = kind.hazard else { return .init("filesystem", .pass, "\(kind.name): \(place)") }
        return .init("filesystem", kind.isUnsafe ? .fail : .warn, "\(kind.name): \(hazard)")
    }

    /// Whether this user can create files in `folder` (a resumed writer creates its own)
    /// and write the existing ones (a pid-recycled writer reopens its file).
    static func permissions(_ folder: String, files: [String]) -> DoctorReport.Check {
        let user = "uid \(getuid())"
        guard access(folder, W_OK | X_OK) == 0 else {
            return .init(
                "permissions", .fail,
                "this user (\(user)) cannot create files in \(folder): a resumed writer fails to open its file")
        }
        let readOnly = files.filter { access($0, W_OK) != 0 }
        guard readOnly.isEmpty else {
            return .init(
                "permissions", .warn,
                "\(readOnly.count) file\(readOnly.count == 1 ? " is" : "s are") not writable by this user (\(user)): a writer that reopens it fails",
                details: Array(readOnly.prefix(5)))
        }
        return .init("permissions", .pass, "this user (\(user)) can create files here")
    }

    /// Free space against the map size a writer file may grow to.
    static func space(_ folder: String, files: [String]) -> DoctorReport.Check {
        var info = statvfs()
        guard statvfs(folder, &info) == 0 else { return .init("free-space", .warn, "the free space of \(folder) could not be read") }
        let free = UInt64(info.f_bavail) * UInt64(info.f_frsize)
        var apparent: UInt64 = 0
        var allocated: UInt64 = 0
        var mapSize: UInt64 = 0
        for path in files {
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            apparent += UInt64(max(0, status.st_size))
            allocated += UInt64(max(0, status.st_blocks)) * 512
            if let file = try? MappedFile(path: path), let meta = MetaCheck(file: file).meta { mapSize = max(mapSize, meta.mapSize) }
        }
        if mapSize == 0 { mapSize = pipelineMapSize }
        let sparse = allocated < apparent ? " (\(bytes(apparent)) apparent: sparse files)" : ""
        let details = ["the checkpoint's files take \(bytes(allocated)) on disk\(sparse); each may grow to its map size"]
        guard free >= mapSize else {
            return .init(
                "free-space", .fail, "\(bytes(free)) free, less than one map of \(bytes(mapSize)): a writer may fail with ENOSPC", details: details)
        }
        return .init(
            "free-space", .pass, "\(bytes(free)) free: room for \(free / mapSize) map\(free / mapSize == 1 ? "" : "s") of \(bytes(mapSize))",
            details: details)
    }

    /// LMDB lock files (the pipeline opens without one: another tool made them) and
    /// temporary files a writer left behind.
    static func leftovers(_ folder: String, slurmFolder: String?, lockOf name: String? = nil) -> DoctorReport.Check {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let locks = names.filter { $0.hasSuffix("-lock") && (name == nil || $0 == name! + "-lock") }
        var temporary = names.filter { $0.hasSuffix(".tmp") }
        if let slurmFolder {
            let inner = ((try? FileManager.default.contentsOfDirectory(atPath: slurmFolder)) ?? []).sorted()
            temporary += inner.filter { $0.hasSuffix(".tmp") }.map { PathJoin.join(CuratorSlurm.folder, $0) }
        }
        guard !locks.isEmpty || !temporary.isEmpty else { return .init("leftovers", .pass, "no lock or temporary files") }
        var parts: [String] = []
        if !locks.isEmpty {
            parts.append(
                "\(locks.count) LMDB lock file\(locks.count == 1 ? "" : "s") (made by a tool that opened a writer file with locking, not by the pipeline)"
            )
        }
        if !temporary.isEmpty { parts.append("\(temporary.count) temporary file\(temporary.count == 1 ? "" : "s") a writer left behind") }
        return .init(
            "leftovers", .warn, parts.joined(separator: "; ") + ": safe to delete when no run is going",
            details: Array((locks + temporary).prefix(10)))
    }

    /// Writer files not named `<host>-<pid>.mdb`: the pipeline still reads every `*.mdb`.
    static func writerNames(_ names: [String]) -> DoctorReport.Check {
        let odd = names.filter { !isWriterName($0) }
        guard !odd.isEmpty else { return .init("writer-names", .pass, "every writer file is named <host>-<pid>.mdb") }
        return .init(
            "writer-names", .warn,
            "\(odd.count) *.mdb file\(odd.count == 1 ? " is" : "s are") not named <host>-<pid>.mdb; the pipeline reads every *.mdb of the folder as a writer file (a copy counts too)",
            details: Array(odd.prefix(5)))
    }

    static func isWriterName(_ name: String) -> Bool {
        guard name.hasSuffix(".mdb") else { return false }
        let stem = name.dropLast(4)
        guard let dash = stem.lastIndex(of: "-"), dash != stem.startIndex else { return false }
        let pid = stem[stem.index(after: dash)...]
        return !pid.isEmpty && pid.allSatisfy(\.isASCII) && pid.allSatisfy(\.isNumber)
    }

    /// How many writer files the pipeline's start reads, and how long reading them took here.
    static func startTime(count: Int, seconds: Double) -> DoctorReport.Check {
        let each = count == 0 ? 0 : seconds / Double(count) * 1000
        let summary =
            "\(count) writer file\(count == 1 ? "" : "s"), read here in \(FixedPoint.text(seconds, digits: 2)) s "
            + "(\(FixedPoint.text(each, digits: 2)) ms each)"
        let detail = "the pipeline's start reads every writer file, on every shard, before any stage"
        return .init("writer-count", count > manyWriters ? .warn : .pass, summary, details: count > manyWriters ? [detail] : [])
    }

    /// What the pipeline's start does with each writer file (`ReaderModel`).
    static func pipelineRead(_ checkpoint: CuratorCheckpoint) -> DoctorReport.Check {
        let blocking = checkpoint.blockingWriters
        let skipped = checkpoint.skippedWriters
        let damaged = checkpoint.writers.filter { $0.state.isSkipped && !$0.isSkippedByPipeline && !$0.blocksResume }
        let busy = checkpoint.busyWriters
        func lines(_ writers: [CuratorWriter], _ verb: String) -> [String] {
            writers.map { "\($0.name): \(verb)\($0.pipelineDetail.map { " (\($0))" } ?? "")" }
        }
        let details =
            lines(blocking, "the resumed start stops on it") + lines(skipped, "skipped, its sources run again")
            + damaged.map { "\($0.name): \($0.state.label), still read (\($0.sources.count) sources)" }
            + busy.map { "\($0.name): being written, not read" }
        if !blocking.isEmpty {
            return .init(
                "pipeline-read", .fail,
                "the resumed pipeline stops before it starts on \(blocking.count) writer file\(blocking.count == 1 ? "" : "s"): move \(blocking.count == 1 ? "it" : "them") out of the metadata folder",
                details: details)
        }
        if !skipped.isEmpty || !damaged.isEmpty || !busy.isEmpty {
            return .init(
                "pipeline-read", .warn,
                "the pipeline skips \(skipped.count), reads \(damaged.count) damaged, and \(busy.count) \(busy.count == 1 ? "is" : "are") being written",
                details: details)
        }
        return .init("pipeline-read", .pass, "the pipeline's start reads all \(checkpoint.writers.count) writer files")
    }

    /// A byte count in the largest binary unit that keeps it at 1 or more.
    static func bytes(_ count: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : "\(FixedPoint.text(value, digits: 1)) \(units[unit])"
    }
}

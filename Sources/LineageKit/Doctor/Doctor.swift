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

    /// Examines a task-lineage DAG file (`file`, in `folder`; `checkpoint` as given), whose
    /// LMDB lock file would be `lockName`; `damaged` when its read found the structure damaged.
    public static func examine(dagFile file: String, checkpoint: String, folder: String, lockName: String, damaged: Bool) -> DoctorReport {
        let structure: DoctorReport.Check =
            damaged
            ? .init("structure", .fail, "the file's structure is damaged: run lineage verify for the report; do not resume from it")
            : .init("structure", .pass, "a readable lineage checkpoint")
        let checks = [
            structure, fileSystem(folder), permissions(folder, files: [file]), space(folder, files: [file]),
            leftovers(folder, slurmFolder: nil, lockName: lockName),
        ]
        return DoctorReport(checkpoint: checkpoint, kind: "dag", checks: checks)
    }

    /// The folder holding `path`.
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    // MARK: - The checks

    /// `folder`, or its nearest ancestor that exists (the pipeline creates the metadata
    /// folder on its first run), with a note when it is not `folder` itself.
    static func existing(_ folder: String) -> (path: String, note: String) {
        var path = folder
        while !FileManager.default.fileExists(atPath: path) {
            let up = parent(of: path)
            guard up != path else { break }
            path = up
        }
        return (path, path == folder ? "" : " (\(folder) does not exist yet: checked at \(path))")
    }

    static func fileSystem(_ folder: String) -> DoctorReport.Check {
        let (place, note) = existing(folder)
        guard let kind = FileSystemKind.of(path: place) else {
            return .init("filesystem", .warn, "the file system of \(place) could not be told (/proc/self/mountinfo names no mount for it)")
        }
        guard let hazard = kind.hazard else {
            let what = kind.isKnown ? (kind.isLocal ? "a local file system" : "a network file system") : "a file system lineage has no notes on"
            return .init("filesystem", .pass, "\(kind.name): \(what)\(note)")
        }
        return .init("filesystem", kind.isUnsafe ? .fail : .warn, "\(kind.name): \(hazard)\(note)")
    }

    /// Whether this user can create files in `folder` (a resumed writer creates its own)
    /// and write the existing ones (a pid-recycled writer reopens its file).
    static func permissions(_ folder: String, files: [String]) -> DoctorReport.Check {
        let user = "uid \(getuid())"
        let (place, note) = existing(folder)
        guard place == folder else {
            guard access(place, W_OK | X_OK) == 0 else {
                return .init("permissions", .fail, "this user (\(user)) cannot create \(folder) in \(place): the pipeline's first writer fails")
            }
            return .init("permissions", .pass, "this user (\(user)) can create files here\(note)")
        }
        guard access(folder, R_OK | X_OK) == 0 else {
            return .init(
                "permissions", .fail,
                "this user (\(user)) cannot list \(folder): lineage (and a pipeline running as this user) sees no writer files in it")
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            return .init(
                "permissions", .fail,
                "this user (\(user)) cannot create files in \(folder): a resumed writer fails to open its file")
        }
        // A file that is there (a dangling link is not) and that this user cannot write.
        let readOnly = files.filter { access($0, F_OK) == 0 && access($0, W_OK) != 0 }
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
        let place = existing(folder).path
        guard statvfs(place, &info) == 0 else { return .init("free-space", .warn, "the free space of \(place) could not be read") }
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
    static func leftovers(_ folder: String, slurmFolder: String?, lockName: String? = nil) -> DoctorReport.Check {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let locks = names.filter { lockName == nil ? $0.hasSuffix("-lock") : $0 == lockName }
        var temporary = names.filter { $0.hasSuffix(".tmp") }
        if let slurmFolder {
            let inner = ((try? FileManager.default.contentsOfDirectory(atPath: slurmFolder)) ?? []).sorted()
            temporary += inner.filter { $0.hasSuffix(".tmp") }.map { PathJoin.join(CuratorSlurm.folder, $0) }
        }
        guard !locks.isEmpty || !temporary.isEmpty else { return .init("leftovers", .pass, "no lock or temporary files") }
        var parts: [String] = []
        if !locks.isEmpty {
            parts.append(
                "\(locks.count) LMDB lock file\(locks.count == 1 ? "" : "s") (made by a tool that opened a file here with locking, not by the pipeline)"
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
        var failing: [String] = []
        var mayFail: [String] = []
        var skipped: [String] = []
        var nothing: [String] = []
        var damagedRead: [String] = []
        var busy: [String] = []
        for writer in checkpoint.writers {
            let detail = writer.pipelineDetail.map { " (\($0))" } ?? ""
            if writer.state.isBusy {
                busy.append("\(writer.name): being written, not read")
                continue
            }
            switch writer.resume {
            case .failsResume: failing.append("\(writer.name): the resumed start stops on it\(detail)")
            case .undecided: mayFail.append("\(writer.name): the resumed start may stop on it\(detail)")
            case .skipped: skipped.append("\(writer.name): skipped, its sources run again\(detail)")
            case .noDatabase where writer.state.isSkipped:
                nothing.append("\(writer.name): \(writer.state.label), the pipeline reads nothing from it\(detail)")
            case .read where writer.state.isSkipped:
                damagedRead.append("\(writer.name): \(writer.state.label), still read (\(writer.sources.count) sources)")
            case .read, .noDatabase: break
            }
        }
        let details = failing + mayFail + skipped + nothing + damagedRead + busy
        func count(_ list: [String], _ what: String) -> String? { list.isEmpty ? nil : "\(list.count) \(what)" }
        let parts = [
            count(failing, "it stops on"), count(mayFail, "it may stop on"), count(skipped, "it skips"),
            count(nothing, "damaged it reads nothing from"), count(damagedRead, "damaged it still reads"), count(busy, "being written"),
        ].compactMap { $0 }
        let total = checkpoint.writers.count
        if !failing.isEmpty || !mayFail.isEmpty {
            return .init(
                "pipeline-read", .fail,
                "the resumed pipeline \(failing.isEmpty ? "may stop" : "stops") before it starts; writer files: \(parts.joined(separator: ", ")): move those out of the metadata folder",
                details: details)
        }
        if !parts.isEmpty {
            return .init(
                "pipeline-read", .warn, "of \(total) writer file\(total == 1 ? "" : "s"): \(parts.joined(separator: ", "))", details: details)
        }
        return .init("pipeline-read", .pass, "the pipeline's start reads all \(total) writer file\(total == 1 ? "" : "s")")
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

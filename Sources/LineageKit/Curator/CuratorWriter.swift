/// One writer process's LMDB file in a Curator checkpoint and the sources it completed,
/// read through the structure walk (never liblmdb, never a lock file).
public struct CuratorWriter: Sendable, Equatable {
    /// The one named sub-database of a writer file.
    public static let databaseName = "completed_sources"

    /// What reading the file gave.
    public enum State: Sendable, Equatable {
        /// The sub-database holds at least one completed source.
        case ok
        /// The sub-database exists and holds nothing.
        case empty
        /// The file has no `completed_sources` sub-database: nothing completed.
        case noSubDatabase
        /// The file cannot be opened or is not LMDB; the pipeline skips it with a warning.
        case unreadable(String)
        /// The structure walk found damage; the pipeline skips it (liblmdb cannot read it).
        case damaged(StructureFinding)

        /// The state as the writers table shows it.
        public var label: String {
            switch self {
            case .ok: "ok"
            case .empty: "empty"
            case .noSubDatabase: "no sub-database"
            case .unreadable(let reason): "unreadable: \(reason)"
            case .damaged(let finding): "damaged: \(finding.code)"
            }
        }

        /// Whether the pipeline skips the file on a restart, so its sources run again.
        public var isSkipped: Bool {
            switch self {
            case .unreadable, .damaged: true
            case .ok, .empty, .noSubDatabase: false
            }
        }
    }

    /// The file name (`<hostname>-<pid>.mdb` by default).
    public let name: String
    /// The file's path.
    public let path: String
    /// The file's size in bytes; `nil` when it could not be opened.
    public let size: Int?
    /// What reading the file gave.
    public let state: State
    /// The completed source ids, in key order; empty unless `state` is `.ok`.
    public let sources: [String]

    /// Reads the writer file at `path`; never throws: a failure is the writer's state.
    /// Cost: one walk of the file's trees.
    public static func read(path: String) -> CuratorWriter {
        let name = CuratorLocation.lastComponent(of: path)
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            return CuratorWriter(name: name, path: path, size: nil, state: .unreadable(error.description), sources: [])
        }
        let size = file.bytes.count
        let walker = StructureWalker(file: file)
        if isNeverCommitted(walker) {
            return CuratorWriter(name: name, path: path, size: size, state: .noSubDatabase, sources: [])
        }
        switch walker.metaCheck.notCheckpointReason {
        case .notLMDB?:
            return CuratorWriter(name: name, path: path, size: size, state: .unreadable("not an LMDB file"), sources: [])
        case .noMetaPage?, .unsupportedVersion?:
            return CuratorWriter(name: name, path: path, size: size, state: .unreadable("no usable meta page"), sources: [])
        case .damaged(let finding)?:
            return CuratorWriter(name: name, path: path, size: size, state: .damaged(finding), sources: [])
        case nil:
            break
        }
        if let first = walker.mainWalk.findings.first {
            return CuratorWriter(name: name, path: path, size: size, state: .damaged(first), sources: [])
        }
        guard walker.databases.contains(where: { $0.name == databaseName }) else {
            let report = walker.report(combining: [walker.walkFreeList()])
            if let first = report.findings.first {
                return CuratorWriter(name: name, path: path, size: size, state: .damaged(first), sources: [])
            }
            return CuratorWriter(name: name, path: path, size: size, state: .noSubDatabase, sources: [])
        }
        var sources: [String] = []
        let walk = walker.walk(database: databaseName) { key, _ in
            sources.append(String(decoding: key, as: UTF8.self))
        }
        let others = walker.databases.filter { $0.name != databaseName }.map { walker.walk(database: $0.name) { _, _ in } }
        let report = walker.report(combining: [walker.walkFreeList(), walk] + others)
        if let first = report.findings.first {
            return CuratorWriter(name: name, path: path, size: size, state: .damaged(first), sources: [])
        }
        return CuratorWriter(name: name, path: path, size: size, state: sources.isEmpty ? .empty : .ok, sources: sources)
    }

    /// Whether the file is as LMDB creates it before the first commit (both meta pages at
    /// transaction 0, an empty main DB): its writer died before opening the sub-database.
    static func isNeverCommitted(_ walker: StructureWalker) -> Bool {
        guard walker.metaCheck.findings.count == 1, let finding = walker.metaCheck.findings.first,
            case .transactionsNotConsecutive(0, 0) = finding.detail
        else { return false }
        return walker.databases.isEmpty && walker.mainWalk.findings.isEmpty
    }
}

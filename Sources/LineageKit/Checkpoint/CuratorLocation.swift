import FoundationEssentials

/// Where a NeMo Curator checkpoint is, found from the path a user gave, and why the path
/// was read as one (the pipeline's per-writer layout, not a task-lineage DAG file).
public struct CuratorLocation: Sendable, Equatable {
    /// Why a path was detected as a Curator checkpoint.
    public enum Reason: Sendable, Equatable {
        /// A directory holding `.nemo_curator_metadata/`.
        case checkpointDirectory
        /// The `.nemo_curator_metadata` directory itself.
        case metadataDirectory
        /// An `.mdb` file whose only named sub-database is `completed_sources`: one writer file.
        case writerFile
        /// Read as a Curator checkpoint because `--kind curator` said so.
        case forced

        /// The reason in words, for messages ("detected as a Curator checkpoint: …").
        public var summary: String {
            switch self {
            case .checkpointDirectory: "a directory holding \(CuratorLocation.metadataFolder)/"
            case .metadataDirectory: "the \(CuratorLocation.metadataFolder) directory itself"
            case .writerFile: "an .mdb file whose only named sub-database is \(writerDatabase)"
            case .forced: "--kind curator"
            }
        }
    }

    /// The hidden folder the pipeline keeps its checkpoint in.
    public static let metadataFolder = ".nemo_curator_metadata"

    /// The one named sub-database of a writer file.
    public static let writerDatabase = "completed_sources"

    /// The path as given.
    public let path: String
    /// The `.nemo_curator_metadata` folder; `nil` when a single writer file was given.
    public let metadataDirectory: String?
    /// The one writer file, when a single writer file was given.
    public let writerFile: String?
    /// Why the path was detected as a Curator checkpoint.
    public let reason: Reason

    /// Detects a Curator checkpoint at `path`, or `nil` when the path is none (then it is
    /// read as a DAG checkpoint, as before). Reads a file's structure only through the
    /// structure walk: no lock file, nothing written.
    public static func detect(path: String) -> CuratorLocation? {
        var isDirectory: Bool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory {
            if lastComponent(of: path) == metadataFolder {
                return CuratorLocation(path: path, metadataDirectory: path, writerFile: nil, reason: .metadataDirectory)
            }
            let inner = PathJoin.join(path, metadataFolder)
            var innerIsDirectory: Bool = false
            if FileManager.default.fileExists(atPath: inner, isDirectory: &innerIsDirectory), innerIsDirectory {
                return CuratorLocation(path: path, metadataDirectory: inner, writerFile: nil, reason: .checkpointDirectory)
            }
            return nil
        }
        guard path.hasSuffix(".mdb"), isWriterFile(path) else { return nil }
        return CuratorLocation(path: path, metadataDirectory: nil, writerFile: path, reason: .writerFile)
    }

    /// Returns a location for `path` read as a Curator checkpoint whatever detection says
    /// (`--kind curator`): a directory is the checkpoint or metadata folder, a file one writer.
    /// The Curator checkpoint at `path` when `format` says so or, with no format given,
    /// when detection finds one; `nil` for a path to read as a DAG file.
    /// - Throws: `CheckpointError.missing` when the format is forced and nothing is at `path`.
    public static func resolve(path: String, format: CheckpointFormat?) throws(CheckpointError) -> CuratorLocation? {
        switch format {
        case .dag?: return nil
        case .curator?:
            guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
            return forced(path: path)
        case nil: return detect(path: path)
        }
    }

    public static func forced(path: String) -> CuratorLocation {
        if let found = detect(path: path) { return found }
        var isDirectory: Bool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
            return CuratorLocation(
                path: path, metadataDirectory: PathJoin.join(path, metadataFolder), writerFile: nil, reason: .forced)
        }
        return CuratorLocation(path: path, metadataDirectory: nil, writerFile: path, reason: .forced)
    }

    /// The writer files to read, as the pipeline's restart reads them: every non-hidden
    /// `*.mdb` directly in the metadata folder, sorted by name (none when it cannot be
    /// listed); or the one writer file given.
    public var writerPaths: [String] {
        guard let folder = metadataDirectory else { return [writerFile ?? path] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".mdb") && !$0.hasPrefix(".") }.sorted().map { PathJoin.join(folder, $0) }
    }

    /// Whether the LMDB file at `path` names exactly one sub-database, `completed_sources`.
    static func isWriterFile(_ path: String) -> Bool {
        guard let walker = try? StructureWalker(path: path) else { return false }
        return walker.databases.map(\.name) == [writerDatabase]
    }

    static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed.split(separator: "/").last ?? trimmed)
    }
}

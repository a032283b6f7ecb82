import ArgumentParser
import LineageKit

/// The checkpoint formats `lineage` reads: `--kind` overrides detection from the path.
enum CheckpointKind: String, ExpressibleByArgument, CaseIterable {
    /// The task-lineage DAG file (`Docs/Format.md`).
    case dag
    /// The NeMo Curator checkpoint directory (per-writer LMDB files, Slurm manifests).
    case curator

    /// The library's name for the kind.
    var format: CheckpointFormat {
        switch self {
        case .dag: .dag
        case .curator: .curator
        }
    }

    /// The Curator checkpoint at `location`, detected from the path or forced by `kind`;
    /// `nil` when it is to be read as a DAG file.
    /// - Throws: `CheckpointError.missing` when `--kind curator` names no file or directory.
    static func curatorLocation(_ location: CheckpointLocation, kind: CheckpointKind?) throws -> CuratorLocation? {
        try CuratorLocation.resolve(path: location.path, format: kind?.format)
    }
}

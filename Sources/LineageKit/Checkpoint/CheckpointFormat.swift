/// The checkpoint formats the reader knows, for a caller that says which one a path is
/// instead of letting it be detected.
public enum CheckpointFormat: Sendable {
    /// The task-lineage DAG file (`Docs/Format.md`).
    case dag
    /// The NeMo Curator checkpoint directory (per-writer LMDB files, Slurm manifests).
    case curator
}

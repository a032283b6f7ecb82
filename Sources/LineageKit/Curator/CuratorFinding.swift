/// The stable identifiers of verify's checks on a NeMo Curator checkpoint, in the order
/// they run and are reported. CI scripts may match on these strings; they never change meaning.
public enum CuratorCheckID: String, CaseIterable, Sendable, Codable {
    /// Every writer file opens as LMDB and its structure walk finds nothing wrong.
    case writerStructure = "writer-structure"
    /// Every writer file names only `completed_sources` (or nothing), with plain keys.
    case writerSchema = "writer-schema"
    /// Every source id is valid UTF-8 without control characters.
    case sourceKeys = "source-keys"
    /// Every value in `completed_sources` is the one byte `1`.
    case sourceValues = "source-values"
    /// `run.json` is a JSON object with integer fields in range; no manifest lacks it.
    case slurmRun = "slurm-run"
    /// Every completion manifest is one the pipeline's retry helper accepts, under its own name.
    case slurmManifests = "slurm-manifests"
    /// No temporary file of an interrupted manifest write is left (a remark, never a failure).
    case slurmLeftovers = "slurm-leftovers"

    /// One line saying what the check guarantees when it passes.
    public var summary: String {
        switch self {
        case .writerStructure: "every writer file is LMDB with a sound structure"
        case .writerSchema: "every writer file holds only completed_sources, with plain keys"
        case .sourceKeys: "every source id is UTF-8 text without control characters"
        case .sourceValues: "every completed_sources value is 1"
        case .slurmRun: "run.json is an object with integer fields in range"
        case .slurmManifests: "every completion manifest is valid, agrees with run.json and is named by its digest"
        case .slurmLeftovers: "leftover temporary manifest files, if any, are harmless and only noted"
        }
    }
}

/// One violation a Curator check found, as data: the file it is in, what is wrong with
/// its raw subjects, and for structure damage the database and page. Renderers word it.
public struct CuratorFinding: Sendable, Equatable {
    /// The check that found it.
    public let check: CuratorCheckID
    /// The file's name (a writer file or a manifest), relative to its folder; `nil` for the
    /// checkpoint as a whole.
    public let file: String?
    /// What is wrong.
    public let problem: Problem
    /// The (sub-)database it is in, when known.
    public let database: String?
    /// The page it is on, for structure findings.
    public let page: UInt64?

    /// Makes a finding.
    public init(check: CuratorCheckID, file: String?, problem: Problem, database: String? = nil, page: UInt64? = nil) {
        self.check = check
        self.file = file
        self.problem = problem
        self.database = database
        self.page = page
    }

    /// The distinct situations the Curator checks report.
    public enum Problem: Sendable, Equatable {
        /// A writer file cannot be opened or is not LMDB (the reason as the reader gave it).
        case unreadable(String)
        /// A writer file's structure is damaged.
        case structure(StructureFinding)
        /// The main database names a sub-database other than `completed_sources`.
        case unexpectedSubDatabase(String)
        /// `completed_sources` has flags other than 0 (0x04 is `MDB_DUPSORT`).
        case wrongFlags(UInt16)
        /// A key is not valid UTF-8.
        case keyNotUTF8([UInt8])
        /// A key holds a control character (U+0000 to U+001F, U+007F to U+009F).
        case keyControlCharacter([UInt8])
        /// A value is not the one byte `1`.
        case value(key: [UInt8], value: [UInt8])
        /// Completion manifests exist but `run.json` does not.
        case runMissing(manifests: Int)
        /// A manifest is not JSON, or not a JSON object.
        case notObject
        /// A field is missing or not a JSON integer.
        case notInteger(field: String)
        /// `run.json`'s numbers are out of range (`total_shards` > 0, `minimum_shard_index` >= 0).
        case runRange(minimumShardIndex: Int, totalShards: Int)
        /// A completion manifest's `status` is not `"completed"` (`nil`: absent or not a string).
        case status(String?)
        /// A completion manifest's identity field disagrees with `run.json`.
        case identity(field: String, manifest: Int, run: Int)
        /// A completion manifest's shard lies outside `minimum ..< minimum + total`.
        case shardRange(shard: Int, minimumShardIndex: Int, totalShards: Int)
        /// A completion manifest's file name does not carry its identity's digest.
        case nameDigest(expected: String)

        /// A stable short code for the situation, for scripts.
        public var code: String {
            switch self {
            case .unreadable: "unreadable"
            case .structure(let finding): finding.code
            case .unexpectedSubDatabase: "unexpected-sub-database"
            case .wrongFlags: "wrong-flags"
            case .keyNotUTF8: "key-not-utf8"
            case .keyControlCharacter: "key-control-character"
            case .value: "bad-value"
            case .runMissing: "run-missing"
            case .notObject: "not-an-object"
            case .notInteger: "not-an-integer"
            case .runRange: "run-range"
            case .status: "bad-status"
            case .identity: "identity-mismatch"
            case .shardRange: "shard-range"
            case .nameDigest: "name-digest"
            }
        }
    }
}

/// Why a Curator check did not run, or a remark on one that did: data the renderers phrase.
public enum CuratorCheckNote: Sendable, Equatable {
    /// Writer files without `completed_sources`: nothing completed (not a failure).
    case noSubDatabase([String])
    /// Writer files whose entries were not checked, being unreadable or damaged.
    case writersSkipped([String])
    /// Writer files not checked because their writer kept committing: no consistent read.
    case writersBusy([String])
    /// Not a Slurm job array: there is no `.slurm_array_completion/` folder.
    case notJobArray
    /// `run.json` is missing or unusable, so identities and shard ranges were not compared.
    case noUsableRun
    /// Temporary files an interrupted manifest write left behind (harmless).
    case leftovers([String])
    /// There is nothing to check (no writer file at all).
    case noWriters
}

/// The result of one Curator check: status, exact number of violations and a few examples.
public struct CuratorCheckResult: Sendable, Equatable {
    /// The check.
    public let id: CuratorCheckID
    /// Whether it passed, failed or did not run.
    public var status: CheckStatus
    /// Exact count of violations found.
    public var violations: Int
    /// At most `maxExamples` examples, in the order found.
    public var examples: [CuratorFinding]
    /// Why the check did not run, or remarks that are not violations.
    public var notes: [CuratorCheckNote]

    /// True when the check ran and found nothing.
    public var passed: Bool { status == .passed }
}

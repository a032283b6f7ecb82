/// One violation a check of either format found, as data: which check, what situation,
/// where (file, database, page), and the raw subjects (udids, key and value bytes) and
/// numbers. Renderers phrase and escape it; nothing here is meant to be read as is.
public struct Finding: Sendable, Equatable {
    /// The check that found it.
    public let check: CheckID
    /// The file it is in, relative to its folder, where a checkpoint has several (a Curator
    /// writer file or manifest); `nil` for the checkpoint as a whole.
    public let file: String?
    /// What is wrong, with its subjects.
    public let problem: Problem
    /// The (sub-)database it is in, when known: a sub-database's name, or `"(main)"` /
    /// `"(free)"` for LMDB's own main database and free list.
    public let database: String?
    /// The page it is on, for structure findings.
    public let page: UInt64?

    /// Makes a finding.
    public init(check: CheckID, file: String? = nil, problem: Problem, database: String? = nil, page: UInt64? = nil) {
        self.check = check
        self.file = file
        self.problem = problem
        self.database = database
        self.page = page
    }
}

extension Finding {
    /// The distinct situations the checks report, each with its raw subjects. Bytes read
    /// from a damaged file are kept as they are (`[UInt8]`); well-formed udids as `UDID`.
    public enum Problem: Sendable, Equatable {
        /// The file's structure is damaged (the walker's finding, with its own location).
        case structure(StructureFinding)
        /// The main database has flags other than 0, so readers would not find the sub-databases.
        case mainDBFlags(UInt16)
        /// A sub-database the writer creates is not in the main database.
        case missingSubDatabase(SubDatabase)
        /// A sub-database has other flags than the writer gives it.
        case wrongFlags(SubDatabase, flags: UInt16, expected: UInt16)
        /// A key is not a 32-character lowercase hex udid.
        case badKey(SubDatabase, key: [UInt8])
        /// An edge value under a well-formed key is not a udid.
        case badEdgeValue(SubDatabase, key: UDID, value: [UInt8])
        /// A `task_type` value is not one of the four types (the key may not be a udid).
        case badTypeValue(key: [UInt8], value: [UInt8])
        /// A parent -> child pair is in `database` but not in the other edge sub-database.
        case edgeOnlyIn(SubDatabase, parent: UDID, child: UDID)
        /// A udid in an edge has no `task_type` entry.
        case dangling(UDID)
        /// A stored type is not what the task's edges make it.
        case typeMismatch(UDID, stored: TaskType, expected: TaskType, hasParents: Bool, hasChildren: Bool)
        /// A task has an edge to itself in `database`.
        case selfLoop(SubDatabase, UDID)
        /// Tasks that form a cycle, in edge order (the last has an edge to the first).
        case cycle([UDID])
        /// A `completed` value is not `1` (the key may not be a udid).
        case completedValue(key: [UInt8], value: [UInt8])
        /// A completed udid has no `task_type` entry.
        case completedUnknown(UDID)
        /// A completed task has a child that is not completed.
        case closure(parent: UDID, child: UDID)

        // A NeMo Curator checkpoint's situations.
        /// A writer file cannot be opened or is not LMDB (the reason as the reader gave it).
        case unreadable(String)
        /// A writer file's main database names a sub-database other than `completed_sources`.
        case unexpectedSubDatabase(String)
        /// A writer file's `completed_sources` has flags other than 0 (0x04 is `MDB_DUPSORT`).
        case writerFlags(UInt16)
        /// A source id is not valid UTF-8.
        case keyNotUTF8([UInt8])
        /// A source id holds a control character (U+0000 to U+001F, U+007F to U+009F).
        case keyControlCharacter([UInt8])
        /// A `completed_sources` value is not the one byte `1`.
        case sourceValue(key: [UInt8], value: [UInt8])
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

        /// Whether it is about the LMDB structure itself, so a report shows its code before
        /// the phrase (`[page-range] ...`).
        public var isStructural: Bool {
            switch self {
            case .structure, .mainDBFlags: true
            default: false
            }
        }

        /// A stable short code for the situation, for scripts: the structure finding's code
        /// (`"key-order"`, ...) or the name of a logical case (`"bad-key"`, ...).
        public var code: String {
            switch self {
            case .structure(let finding): return finding.code
            case .mainDBFlags: return StructureFinding.Kind.meta.rawValue
            case .missingSubDatabase: return "missing-sub-database"
            case .wrongFlags: return "wrong-flags"
            case .badKey: return "bad-key"
            case .badEdgeValue: return "bad-edge-value"
            case .badTypeValue: return "bad-type-value"
            case .edgeOnlyIn: return "edge-only-in"
            case .dangling: return "dangling"
            case .typeMismatch: return "type-mismatch"
            case .selfLoop: return "self-loop"
            case .cycle: return "cycle"
            case .completedValue: return "completed-value"
            case .completedUnknown: return "completed-unknown"
            case .closure: return "closure"
            case .unreadable: return "unreadable"
            case .unexpectedSubDatabase: return "unexpected-sub-database"
            case .writerFlags: return "wrong-flags"
            case .keyNotUTF8: return "key-not-utf8"
            case .keyControlCharacter: return "key-control-character"
            case .sourceValue: return "bad-value"
            case .runMissing: return "run-missing"
            case .notObject: return "not-an-object"
            case .notInteger: return "not-an-integer"
            case .runRange: return "run-range"
            case .status: return "bad-status"
            case .identity: return "identity-mismatch"
            case .shardRange: return "shard-range"
            case .nameDigest: return "name-digest"
            }
        }
    }
}

/// Why a check did not run, or a remark on one that did, for either format: data the
/// renderers phrase.
public enum CheckNote: Sendable, Equatable {
    /// Sub-databases the check needs are missing (in the order the check declares them).
    case missing([SubDatabase])
    /// The file's structure is damaged, so the entries it holds cannot be trusted.
    case structureDamaged
    /// The file is not a readable LMDB environment.
    case notLMDB
    /// The main database names sub-databases the writer does not create (suspicious, not fatal).
    case extraSubDatabases([String])

    // A NeMo Curator checkpoint's notes.
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

/// One violation a check found, as data: which check, what situation, where, and the
/// raw subjects (udids, key and value bytes) and numbers. Renderers phrase and escape
/// it; nothing here is meant to be read by a person as is.
public struct Finding: Sendable, Equatable {
    /// The check that found it.
    public let check: CheckID
    /// What is wrong, with its subjects.
    public let problem: Problem
    /// The (sub-)database it is in, when known: a `SubDatabase` name, or `"(main)"` /
    /// `"(free)"` for LMDB's own main database and free list.
    public let database: String?
    /// The page it is on, for structure findings.
    public let page: UInt64?

    /// Makes a finding.
    public init(check: CheckID, problem: Problem, database: String? = nil, page: UInt64? = nil) {
        self.check = check
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
            }
        }
    }
}

/// Why a check did not run, or a remark on one that did: data the renderers phrase.
public enum CheckNote: Sendable, Equatable {
    /// Sub-databases the check needs are missing (in the order the check declares them).
    case missing([SubDatabase])
    /// The file's structure is damaged, so the entries it holds cannot be trusted.
    case structureDamaged
    /// The file is not a readable LMDB environment.
    case notLMDB
    /// The main database names sub-databases the writer does not create (suspicious, not fatal).
    case extraSubDatabases([String])
}

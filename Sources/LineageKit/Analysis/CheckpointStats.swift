/// `lineage stats`: the shape of the run (the lineage DAG) and of the LMDB file.
public struct CheckpointStats: Sendable, Equatable {
    /// The checkpoint, as the caller named it.
    public let checkpoint: String
    /// Every task, by completion.
    public let tasks: CompletionCounts
    /// Parent -> child edges (`out_edges` entries).
    public let edges: Int
    /// Tasks by stored type and completion (every type listed, zeros included).
    public let byType: [TypeCounts]
    /// Tasks without parents.
    public let sources: CompletionCounts
    /// Tasks without children.
    public let leaves: CompletionCounts
    /// One row per stage, as `status` shows them.
    public let stages: [StageCounts]
    /// Tasks on or below a cycle, without a stage (0 on a sound checkpoint).
    public let unstaged: Int
    /// Children per task, over all tasks.
    public let fanOut: Distribution
    /// Parents per task, over all tasks.
    public let fanIn: Distribution
    /// Weakly connected components: independent source trees.
    public let components: Components
    /// The LMDB file.
    public let lmdb: LMDBStats

    /// A report with every field given.
    public init(
        checkpoint: String, tasks: CompletionCounts, edges: Int, byType: [TypeCounts], sources: CompletionCounts, leaves: CompletionCounts,
        stages: [StageCounts], unstaged: Int, fanOut: Distribution, fanIn: Distribution, components: Components, lmdb: LMDBStats
    ) {
        self.checkpoint = checkpoint
        self.tasks = tasks
        self.edges = edges
        self.byType = byType
        self.sources = sources
        self.leaves = leaves
        self.stages = stages
        self.unstaged = unstaged
        self.fanOut = fanOut
        self.fanIn = fanIn
        self.components = components
        self.lmdb = lmdb
    }

    /// A distribution of a count per task.
    public struct Distribution: Sendable, Equatable {
        /// The smallest count.
        public let min: Int
        /// The lower median: the value at 0-based rank `(n - 1) / 2` in ascending order.
        public let median: Int
        /// The 99th percentile by nearest rank: the value at 1-based rank `ceil(0.99 n)`.
        public let p99: Int
        /// The largest count.
        public let max: Int
        /// The tasks with the largest counts (none with 0), largest first, ties in udid order.
        public let top: [(udid: UDID, count: Int)]

        public static func == (a: Distribution, b: Distribution) -> Bool {
            a.min == b.min && a.median == b.median && a.p99 == b.p99 && a.max == b.max && a.top.map(\.udid) == b.top.map(\.udid)
                && a.top.map(\.count) == b.top.map(\.count)
        }
    }

    /// The weakly connected components of the DAG.
    public struct Components: Sendable, Equatable {
        /// How many components.
        public let count: Int
        /// Tasks in the largest component.
        public let largest: Int
    }
}

/// What the LMDB file says of itself, read from the meta page and the structure walk (the
/// numbers `mdb_stat -a -f -e` prints).
public struct LMDBStats: Sendable, Equatable {
    /// Bytes per page.
    public let pageSize: Int
    /// The map size the writer used, in bytes.
    public let mapSize: UInt64
    /// The transaction id of the meta page in use.
    public let lastTxn: UInt64
    /// The file's length in bytes.
    public let fileSize: Int
    /// Pages used: the last page number plus one (`mdb_stat`'s "Number of pages used").
    public let pagesUsed: UInt64
    /// Pages the free list names (`mdb_stat -f`'s "Free pages").
    public let freePages: UInt64
    /// The free-list database (`mdb_stat -f`'s "Freelist Status").
    public let freeList: Database
    /// The main database, which names the sub-databases.
    public let main: Database
    /// Each named sub-database, in name order.
    public let databases: [(name: String, database: Database)]

    /// One B-tree, as its record declares and the walk confirmed.
    public struct Database: Sendable, Equatable {
        /// Levels of the tree, 0 when empty.
        public let depth: Int
        /// Branch pages.
        public let branchPages: UInt64
        /// Leaf pages.
        public let leafPages: UInt64
        /// Overflow pages (values too big for a leaf).
        public let overflowPages: UInt64
        /// Entries, every duplicate counted.
        public let entries: UInt64

        init(_ record: DatabaseRecord) {
            depth = Int(record.depth)
            branchPages = record.branchPages
            leafPages = record.leafPages
            overflowPages = record.overflowPages
            entries = record.entries
        }

        private init() {
            (depth, branchPages, leafPages, overflowPages, entries) = (0, 0, 0, 0, 0)
        }

        /// A tree without pages.
        static let empty = Database()
    }

    public static func == (a: LMDBStats, b: LMDBStats) -> Bool {
        a.pageSize == b.pageSize && a.mapSize == b.mapSize && a.lastTxn == b.lastTxn && a.fileSize == b.fileSize
            && a.pagesUsed == b.pagesUsed && a.freePages == b.freePages && a.freeList == b.freeList && a.main == b.main
            && a.databases.map(\.name) == b.databases.map(\.name) && a.databases.map(\.database) == b.databases.map(\.database)
    }
}

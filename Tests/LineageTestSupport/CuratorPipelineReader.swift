import Foundation

/// A NeMo Curator checkpoint read by the pipeline's own rules, with py-lmdb and Python's
/// `json`: an oracle that shares no code with our reader. The rules are those of the
/// pipeline's resumability reader and its retry helper: every non-hidden `*.mdb` of the
/// metadata folder, sorted, opened read-only without a lock and with `max_dbs` 1, a file
/// that cannot be opened skipped, a file without `completed_sources` empty, the union of
/// the keys; the Slurm manifests judged against `run.json`.
public struct CuratorPipelineReader: Decodable, Sendable {
    public struct Slurm: Decodable, Sendable, Equatable {
        public let minimum_shard_index: Int
        public let total_shards: Int
        public let completed: [Int]
        public let missing: [Int]
        /// Manifests the retry helper rejects, as `file: reason`.
        public let errors: [String]
    }

    public struct Attempt: Decodable, Sendable, Equatable, Hashable {
        public let job: Int
        public let array_task: Int
        public let restart: Int
        public let shard: Int

        public init(job: Int, array_task: Int, restart: Int, shard: Int) {
            (self.job, self.array_task, self.restart, self.shard) = (job, array_task, restart, shard)
        }
    }

    /// Per readable writer file, its keys in LMDB order.
    public let writers: [String: [String]]
    /// Writer files the pipeline skips (cannot be opened).
    public let skipped: [String]
    /// Writer files whose cursor walk raises (an LMDB error, a key that is not UTF-8): the
    /// pipeline's start fails on them. (A fault inside liblmdb would end the oracle: its
    /// callers read files it does not fault on; `PipelineFileOracle` reads any file.)
    public let failing: [String]
    /// Keys whose value is not the byte `1`, as `file: key`.
    public let bad_values: [String]
    /// The union of every readable writer's keys, sorted.
    public let union: [String]
    /// `nil` when there is no `run.json`.
    public let slurm: Slurm?
    public let failed_attempts: [Attempt]
    /// Leftover `.*.tmp` files in the manifest folder.
    public let temporary_files: [String]

    /// Whether python3 can import `lmdb`.
    public static var isAvailable: Bool {
        (try? runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import lmdb"]))?.status == 0
    }

    /// Reads `checkpoint` (the directory holding `.nemo_curator_metadata/`).
    /// - Throws: when python3, py-lmdb or the script fails.
    public static func read(_ checkpoint: URL) throws -> CuratorPipelineReader {
        try withTemporaryDirectory { directory in
            let script = directory.appendingPathComponent("read_curator.py")
            try Self.script.write(to: script, atomically: true, encoding: .utf8)
            let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, checkpoint.path])
            guard result.status == 0 else { throw OracleFailure(description: "read_curator.py: \(result)") }
            return try JSONDecoder().decode(Self.self, from: result.stdout)
        }
    }

    public struct OracleFailure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
    }

    static let script = #"""
        import glob, hashlib, json, os, sys
        import lmdb

        meta = os.path.join(sys.argv[1], ".nemo_curator_metadata")
        writers, skipped, failing, bad = {}, [], [], []
        for path in sorted(glob.glob(os.path.join(meta, "*.mdb"))):
            name = os.path.basename(path)
            try:
                env = lmdb.open(path, subdir=False, lock=False, readonly=True, max_dbs=1)
            except Exception:
                skipped.append(name)
                continue
            keys = []
            try:
                try:
                    db = env.open_db(b"completed_sources")
                except lmdb.Error:
                    db = None
                if db is not None:
                    with env.begin(db=db) as txn:
                        for key, value in txn.cursor():
                            keys.append(key.decode("utf-8"))
                            if value != b"1":
                                bad.append(name + ": " + keys[-1])
            except Exception:
                failing.append(name)
                continue
            finally:
                env.close()
            writers[name] = keys

        union = sorted(set(k for keys in writers.values() for k in keys))

        slurm = None
        folder = os.path.join(meta, ".slurm_array_completion")
        run_path = os.path.join(folder, "run.json")
        if os.path.exists(run_path):
            run = json.load(open(run_path))
            low, total = run["minimum_shard_index"], run["total_shards"]
            done, errors = set(), []
            for path in sorted(glob.glob(os.path.join(folder, "completed_slurm_array_*.json"))):
                name = os.path.basename(path)
                try:
                    data = json.load(open(path))
                except ValueError:
                    errors.append(name + ": not JSON"); continue
                if not isinstance(data, dict):
                    errors.append(name + ": not an object"); continue
                if data.get("status") != "completed":
                    errors.append(name + ": status"); continue
                fields = ("minimum_shard_index", "shard_index", "total_shards")
                if not all(type(data.get(f)) is int for f in fields):
                    errors.append(name + ": non-integer fields"); continue
                if data["minimum_shard_index"] != low or data["total_shards"] != total:
                    errors.append(name + ": identity disagrees with run.json"); continue
                if not low <= data["shard_index"] < low + total:
                    errors.append(name + ": shard out of range"); continue
                identity = json.dumps({f: data[f] for f in fields}, sort_keys=True, separators=(",", ":"))
                if name != "completed_slurm_array_" + hashlib.sha256(identity.encode()).hexdigest()[:16] + ".json":
                    errors.append(name + ": name does not match the identity"); continue
                done.add(data["shard_index"])
            expected = range(low, low + total)
            slurm = {"minimum_shard_index": low, "total_shards": total, "completed": sorted(done),
                     "missing": [s for s in expected if s not in done], "errors": errors}
        temporary = sorted(n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".tmp")) \
            if os.path.isdir(folder) else []

        attempts = []
        pattern = os.path.join(meta, ".failed_tasks", "slurm_job_*", "array_task_*", "restart_*", "shard_*", "failed_tasks.json")
        for path in glob.glob(pattern):
            parts = path.split(os.sep)[-5:-1]
            numbers = [int(p.rsplit("_", 1)[1]) for p in parts]
            attempts.append(dict(zip(("job", "array_task", "restart", "shard"), numbers)))
        attempts.sort(key=lambda a: (a["job"], a["array_task"], a["restart"], a["shard"]))

        json.dump({"writers": writers, "skipped": skipped, "failing": failing, "bad_values": bad, "union": union, "slurm": slurm,
                   "failed_attempts": attempts, "temporary_files": temporary}, sys.stdout)
        """#
}

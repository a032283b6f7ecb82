import Foundation

/// What the NeMo Curator pipeline's start does with each of a list of writer files, found
/// by running its reading steps with py-lmdb from PyPI: `lmdb.open` read-only without a
/// lock and with `max_dbs` 1, `open_db(b"completed_sources")`, then every key of a cursor
/// decoded as UTF-8. Each file is read in a forked child, so a fault in liblmdb or a read
/// that never ends is an answer, not a lost oracle. Shares no code with `ReaderModel`.
public struct PipelineFileOracle: Decodable, Sendable {
    /// `skipped` (open raises), `noDatabase` (open_db raises), `read`, `raises` (the cursor
    /// walk raises), `crashes` (the child died of a signal) or `hangs`.
    public let outcome: String
    /// The keys read, sorted (`read` only).
    public let keys: [String]?
    public let detail: String?

    /// Whether the pipeline's resumed start fails on this file.
    public var failsResume: Bool { ["raises", "crashes", "hangs"].contains(outcome) }

    /// py-lmdb's version and the LMDB it bundles, as `lmdb 3.0.0 (0, 9, 36)`.
    public static func version() throws -> String {
        let result = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import lmdb; print('lmdb', lmdb.__version__, lmdb.version())"])
        return result.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads every file of `paths`, in one Python process. With `everything`, each file is
    /// read as any LMDB reader would read it whole instead (a task-lineage DAG file): every
    /// named database of the main database, every entry with its value; `keys` then holds
    /// the number of entries read.
    public static func read(_ paths: [String], everything: Bool = false) throws -> [PipelineFileOracle] {
        try withTemporaryDirectory { directory in
            let script = directory.appendingPathComponent("pipeline_read.py")
            try Self.script.write(to: script, atomically: true, encoding: .utf8)
            let list = directory.appendingPathComponent("files.txt")
            try paths.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
            let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, list.path] + (everything ? ["all"] : []))
            guard result.status == 0 else { throw CuratorPipelineReader.OracleFailure(description: "pipeline_read.py: \(result)") }
            return try JSONDecoder().decode([Self].self, from: result.stdout)
        }
    }

    static let script = #"""
        import json, os, signal, sys
        import lmdb

        def read(path):
            try:
                env = lmdb.open(path, subdir=False, readonly=True, lock=False, max_dbs=1)
            except lmdb.Error as error:
                return {"outcome": "skipped", "detail": str(error)}
            try:
                db = env.open_db(b"completed_sources")
            except lmdb.Error as error:
                return {"outcome": "noDatabase", "detail": str(error)}
            try:
                with env.begin(db=db) as txn:
                    keys = {key.decode() for key, _ in txn.cursor()}
            except Exception as error:
                return {"outcome": "raises", "detail": repr(error)}
            return {"outcome": "read", "keys": sorted(keys)}

        def read_all(path):
            try:
                env = lmdb.open(path, subdir=False, readonly=True, lock=False, max_dbs=16)
            except lmdb.Error as error:
                return {"outcome": "skipped", "detail": str(error)}
            try:
                with env.begin() as txn:
                    names = [key for key, _ in txn.cursor()]
                entries = 0
                for name in names:
                    db = env.open_db(name, create=False)
                    with env.begin(db=db) as txn:
                        for key, value in txn.cursor():
                            entries += 1
            except Exception as error:
                return {"outcome": "raises", "detail": repr(error)}
            return {"outcome": "read", "keys": [str(entries)]}

        reader_of = read_all if sys.argv[2:] == ["all"] else read
        answers = []
        for path in open(sys.argv[1]).read().split("\n"):
            reader, writer = os.pipe()
            child = os.fork()
            if child == 0:
                os.close(reader)
                os.write(writer, json.dumps(reader_of(path)).encode())
                os._exit(0)
            os.close(writer)
            # A read that has not answered within 20 s never will (a file of a few
            # pages takes milliseconds): the pipeline's start hangs on it.
            signal.signal(signal.SIGALRM, lambda *_: os.kill(child, signal.SIGKILL))
            signal.alarm(20)
            chunks = []
            while True:
                chunk = os.read(reader, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            os.close(reader)
            _, status = os.waitpid(child, 0)
            signal.alarm(0)
            if os.WIFSIGNALED(status):
                killed = os.WTERMSIG(status)
                outcome = "hangs" if killed == signal.SIGKILL else "crashes"
                answers.append({"outcome": outcome, "detail": "signal %d" % killed})
            else:
                answers.append(json.loads(b"".join(chunks)))
        print(json.dumps(answers))
        """#
}

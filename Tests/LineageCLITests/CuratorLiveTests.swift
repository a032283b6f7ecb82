import Foundation
import LineageTestSupport
import Testing

/// The Curator commands beside a writer that commits as the pipeline's writer does (py-lmdb,
/// no lock file, one write transaction per completed source), flat out: every answer is a
/// consistent snapshot or BUSY (75), never a false DAMAGED (2).
@Suite("Curator commands beside a live writer", .serialized)
struct CuratorLiveTests {
    /// Completes `k00000000`, `k00000001`, ... in `path`, one transaction each, pausing
    /// `argv[2]` seconds after each, for at most 30 seconds (a child started while another
    /// test's pipes are open inherits them, so it must not outlive its test by long).
    static let writer = """
        import lmdb, sys, time
        pause = float(sys.argv[2])
        stop = time.monotonic() + 30
        env = lmdb.open(sys.argv[1], subdir=False, lock=False, max_dbs=1, map_size=1 << 30, sync=False, metasync=False)
        db = env.open_db(b"completed_sources")
        i = 0
        while i < 2000000 and time.monotonic() < stop:
            with env.begin(write=True, db=db) as txn:
                txn.put(b"k%08d" % i, b"1")
            i += 1
            if pause:
                time.sleep(pause)
        """

    @Test(
        "status, sources and verify: exit 0 with a committed prefix, or 75; never 2; sound once it stops",
        arguments: [(pause: 0.0, wait: "0"), (pause: 0.01, wait: "2")])
    func live(pause: Double, wait: String) throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            let file = metadata.appendingPathComponent("live-9999.mdb")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", Self.writer, file.path, String(pause)]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { process.terminate() } }
            // Wait for the first commits.
            for _ in 0..<200 where (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0) ?? 0 < 16384 {
                usleep(50_000)
            }
            #expect(process.isRunning, "the py-lmdb writer stopped early (is py-lmdb installed? pip install lmdb)")
            var outcomes: [String: [Int32]] = [:]
            var liveNotes = 0
            for _ in 0..<12 {
                for arguments in [["status", "--format", "json"], ["verify"], ["sources", "--writer", "live-9999.mdb"]] {
                    let result = try CLI.run(arguments + [checkpoint.path, "--wait", wait])
                    outcomes[arguments[0], default: []].append(result.status)
                    #expect(result.status == 0 || result.status == 75, "\(arguments): \(result)")
                    #expect(!result.text.contains("DAMAGED") && !result.stderr.contains("damaged"), "\(arguments): \(result)")
                    if result.status == 75 { #expect(result.stderr.contains("live-9999.mdb"), "\(result.stderr)") }
                    // A read its writer committed during says so, naming the file (JSON: on stderr).
                    if arguments[0] == "status", result.status == 0,
                        let line = result.stderr.split(separator: "\n").first(where: { $0.contains("live:") })
                    {
                        #expect(line.contains("live-9999.mdb at transaction"), "\(line)")
                        liveNotes += 1
                    }
                    guard result.status == 0, arguments[0] == "sources" else { continue }
                    // A consistent read sees the first n completions, n >= 0, nothing else.
                    let keys = result.lines.map { String($0.split(separator: "\t")[0]) }
                    #expect(keys == (0..<keys.count).map { String(format: "k%08d", $0) }, "not a committed prefix: \(keys.suffix(3))")
                }
            }
            if pause > 0 {
                // Paced at about 100 commits a second and retried for 2 s, reads are practically always consistent.
                #expect(outcomes["sources", default: []].contains(0), "no consistent read of a paced writer in 2 s: \(outcomes)")
            }
            process.terminate()
            process.waitUntilExit()
            let after = try CLI.run(["verify", checkpoint.path])
            #expect(after.status == 0, "\(after)")
            // What was seen, for the log: each command's exit statuses.
            print(
                "beside a live writer (pause \(pause) s, --wait \(wait)), \(liveNotes) status reads said live:",
                outcomes.mapValues { statuses in statuses.map(String.init).joined(separator: " ") })
        }
    }
}

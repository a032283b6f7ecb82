import Foundation
import LineageTestSupport
import Testing

/// Every command counts what the pipeline's start reads from damaged writer files, held
/// against the pipeline's reading steps run with py-lmdb on the same folder.
@Suite("Curator commands on damaged writer files: what the pipeline reads", .enabled(if: CuratorPipelineReader.isAvailable))
struct CuratorPipelineReadTests {
    /// The fixture folder with node-a's first two keys swapped on every leaf (the pipeline still reads them all)
    /// and, when `failing`, node-b with a key that is not UTF-8 (its start raises).
    static func withDamage(failing: Bool, _ body: (_ checkpoint: URL, _ metadata: URL) throws -> Void) throws {
        try CuratorStatusCommandTests.withCopy { checkpoint, metadata in
            for (name, change) in [("node-a-1001.mdb", { (bytes: inout [UInt8], leaf: Int) in WriterFiles.swapFirstSlots(&bytes, page: leaf) })]
                + (failing
                    ? [("node-b-2002.mdb", { (bytes: inout [UInt8], leaf: Int) in WriterFiles.setFirstKeyByte(&bytes, page: leaf, 0xFF) })] : [])
            {
                let file = metadata.appendingPathComponent(name)
                var bytes = Array(try Data(contentsOf: file))
                // Every leaf of ids, the live one and those of older snapshots alike.
                let leaves = WriterFiles.sourceLeaves(of: file.path)
                try #require(!leaves.isEmpty)
                for leaf in leaves { change(&bytes, leaf) }
                try Data(bytes).write(to: file)
            }
            try body(checkpoint, metadata)
        }
    }

    @Test("keys out of order: the pipeline still reads them; status, sources and export count them, name the file, exit 2")
    func damagedButRead() throws {
        try Self.withDamage(failing: false) { checkpoint, _ in
            let oracle = try CuratorPipelineReader.read(checkpoint)
            #expect(oracle.skipped.isEmpty && oracle.failing.isEmpty, "\(oracle)")
            let verify = try CLI.run(["verify", checkpoint.path])
            #expect(verify.status == 2 && verify.text.contains("DAMAGED"), "\(verify)")
            let json = try CLI.run(["status", checkpoint.path, "--format", "json"])
            #expect(json.status == 2, "\(json)")
            let report = try #require(try json.json() as? [String: Any])
            #expect(report["union"] as? Int == oracle.union.count)
            let rows = try #require(report["writers"] as? [[String: Any]])
            let nodeA = try #require(rows.first { $0["name"] as? String == "node-a-1001.mdb" })
            #expect(nodeA["pipeline"] as? String == "read" && (nodeA["state"] as? String)?.hasPrefix("damaged") == true, "\(nodeA)")
            #expect(nodeA["completed"] as? Int == oracle.writers["node-a-1001.mdb"]?.count)
            #expect(
                json.stderr.contains("node-a-1001.mdb: the writer file is damaged") && json.stderr.contains("the pipeline still reads its"),
                "\(json.stderr)")
            let sources = try CLI.run(["sources", checkpoint.path])
            #expect(sources.status == 2 && sources.text.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) } == oracle.union, "\(sources)")
            let export = try CLI.run(["export", checkpoint.path, "--format", "json"])
            let document = try #require(try export.json() as? [String: Any])
            #expect((document["sources"] as? [[String: Any]])?.compactMap { $0["source_id"] as? String } == oracle.union)
        }
    }

    @Test("a key that is not UTF-8: the resumed start fails; status says so first, names the file, counts nothing from it, exit 2")
    func failsResume() throws {
        try Self.withDamage(failing: true) { checkpoint, _ in
            let oracle = try CuratorPipelineReader.read(checkpoint)
            #expect(oracle.failing == ["node-b-2002.mdb"], "\(oracle)")
            let text = try CLI.run(["status", checkpoint.path])
            #expect(text.status == 2, "\(text)")
            #expect(text.text.hasPrefix("resume fails: the pipeline's start stops on node-b-2002.mdb; move it out of the metadata folder\n"), "\(text.text)")
            #expect(
                text.stderr.contains("node-b-2002.mdb: ") && text.stderr.contains("the resumed pipeline stops before it starts on it")
                    && text.stderr.contains("UnicodeDecodeError"))
            let json = try CLI.run(["status", checkpoint.path, "--format", "json"])
            let report = try #require(try json.json() as? [String: Any])
            #expect(report["blocking_writers"] as? [String] == ["node-b-2002.mdb"])
            // What the others hold, as the pipeline would count it once the file is moved aside.
            let others = Set(oracle.writers.filter { $0.key != "node-b-2002.mdb" }.values.joined())
            #expect(report["union"] as? Int == others.count)
            let why = try CLI.run(["why", checkpoint.path, try #require(oracle.union.first), "--format", "json"])
            let answer = try #require(try why.json() as? [String: Any])
            #expect(answer["blocking_writers"] as? [String] == ["node-b-2002.mdb"], "\(why)")
            #expect((answer["conclusion"] as? String)?.contains("stops before it starts on node-b-2002.mdb") == true, "\(why)")
        }
    }
}

import Foundation
import LineageTestSupport

/// The Curator checkpoint directory written by the pipeline's own code, and its JSON twin:
/// what the pipeline's own reader saw (an oracle independent of our reader).
struct CuratorFixture: Decodable {
    struct Slurm: Decodable {
        let completed: [Int]
        let missing: [Int]
        let minimum_shard_index: Int
        let total_shards: Int
        let failed_attempts: [Attempt]
    }

    struct Attempt: Decodable {
        let job: Int
        let array_task: Int
        let restart: Int
        let shard: Int
    }

    let writers: [String: [String]]
    let union: [String]
    let slurm: Slurm

    /// `Fixtures/curator/`.
    static let folder = FixtureExpectation.directory.appendingPathComponent("curator", isDirectory: true)
    /// The checkpoint directory (`curator_run/`, holding `.nemo_curator_metadata/`).
    static let directory = folder.appendingPathComponent("curator_run", isDirectory: true)
    /// The metadata folder inside it.
    static let metadata = directory.appendingPathComponent(".nemo_curator_metadata", isDirectory: true)

    static func load() throws -> CuratorFixture {
        try JSONDecoder().decode(Self.self, from: Data(contentsOf: folder.appendingPathComponent("curator_run.json")))
    }

    /// A writable copy of the checkpoint directory in a temporary directory.
    static func withCopy(_ body: (_ checkpoint: URL, _ metadata: URL) throws -> Void) throws {
        try withTemporaryDirectory { temporary in
            let copy = temporary.appendingPathComponent("run", isDirectory: true)
            try FileManager.default.copyItem(at: directory, to: copy)
            try body(copy, copy.appendingPathComponent(".nemo_curator_metadata", isDirectory: true))
        }
    }
}

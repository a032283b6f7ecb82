import Foundation
import LineageRecorder
import LineageTestSupport
import Testing

/// Every reading command on randomly damaged copies of a recorder-made checkpoint:
/// a documented exit code and at most a short message, never a crash or a trace.
@Suite("Reading commands on damaged checkpoints")
struct DamagedInputTests {
    @Test("edges, types, show and export-dot survive random damage")
    func randomDamage() throws {
        try withTemporaryDirectory { directory in
            let clean = directory.appendingPathComponent("clean.mdb").path
            try Scenario.pipeline(roots: 30, fanout: 6, fanin: 4, completeFraction: 0.5, batchSize: 1).write(to: clean)
            let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: clean)))
            let damaged = directory.appendingPathComponent("damaged.mdb")
            var rng = SplitMix64(state: 0xDA_AA_6E)
            var outcomes: [Int32: Int] = [:]
            for iteration in 0..<60 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...6, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
                try Data(bytes).write(to: damaged)
                for command in [["edges"], ["types", "--summary"], ["show", "5fec"], ["export-dot", "--max-nodes", "100000"]] {
                    let result = try CLI.run(command + ["-c", damaged.path])
                    outcomes[result.status, default: 0] += 1
                    let context = "iteration \(iteration) \(command): \(result.status) \(result.stderr)"
                    #expect([0, 1, 2].contains(result.status), "\(context)")
                    #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "\(context)")
                    #expect(result.stderr.split(separator: "\n").count <= 2, "\(context)")
                    if result.status == 2 { #expect(result.stderr.contains(damaged.path), "\(context)") }
                }
            }
            // Both clean reads and refusals must occur, or the damage was not exercised.
            #expect(outcomes[0, default: 0] > 0 && outcomes[2, default: 0] > 0, "\(outcomes)")
        }
    }
}

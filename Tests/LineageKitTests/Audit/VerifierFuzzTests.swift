import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// What a reader sees in a checkpoint: every entry of the four sub-databases, in order.
private func readerView(_ file: MappedFile) -> [String: [[UInt8]]] {
    let walker = StructureWalker(file: file)
    var view: [String: [[UInt8]]] = [:]
    for name in SubDatabase.allCases.map(\.rawValue) {
        var entries: [[UInt8]] = []
        _ = walker.walk(database: name) { key, value in entries.append(Array(key) + [0] + Array(value)) }
        view[name] = entries
    }
    return view
}

@Suite("verify on damaged checkpoints (seeded fuzzing)")
struct VerifierFuzzTests {
    /// Mutations per run: 300 in the suite, more with `make fuzz`.
    static let iterations = fuzzIterations(suite: 300)

    @Test("every mutation gets a verdict that stops the logical checks on damage; a passing verdict means the reader sees the original content")
    func mutations() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("clean.mdb").path
        // Deep enough for branch pages, with completion, written one transaction per emission.
        try Scenario.pipeline(roots: 40, fanout: 6, fanin: 4, completeFraction: 0.5, batchSize: 1).write(to: path)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let clean = Verifier.verify(file: MappedFile(copying: original), path: "clean")
        #expect(clean.ok, "the recorder's file must verify clean: \(TextRenderer.audit(clean))")
        let reference = readerView(MappedFile(copying: original))

        let seed = ProcessInfo.processInfo.environment["LINEAGE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_0F_11E7
        var rng = SplitMix64(state: seed)
        var verdicts: [String: Int] = [:]
        for iteration in 0..<Self.iterations {
            let (damage, bytes) = mutate(original, pageSize: 4096, using: &rng)
            // How long a verdict takes is `make fuzz`'s concern, not the suite's.
            let report = Verifier.verify(file: MappedFile(copying: bytes), path: "mutant-\(iteration)", maxExamples: 3)
            #expect(report.checks.map(\.id) == Verifier.checkIDs, "iteration \(iteration) (\(damage))")
            let logicalRan = report.checks.contains { $0.id != .structure && $0.status != .notRun }
            if report.structureFailed {
                verdicts["structure", default: 0] += 1
                #expect(!logicalRan, "iteration \(iteration) (\(damage)): logical checks ran on a damaged file")
            } else if report.ok {
                verdicts["ok", default: 0] += 1
                // No damage that changes what a reader sees may pass silently.
                let same = readerView(MappedFile(copying: bytes)) == reference
                #expect(same, "iteration \(iteration) (\(damage)) passed verify but changed the content")
            } else {
                verdicts["violations", default: 0] += 1
            }
        }
        // The campaign must exercise every outcome, or it tests less than it claims.
        #expect(verdicts["structure", default: 0] > 0 && verdicts["ok", default: 0] > 0, "\(verdicts)")
        print("verify fuzzing: seed \(seed), \(Self.iterations) mutations: \(verdicts)")
    }
}

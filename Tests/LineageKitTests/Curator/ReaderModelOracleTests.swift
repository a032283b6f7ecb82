import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

/// The reader model against the pipeline's own reading (py-lmdb from PyPI in a child
/// process): for every damaged writer file of the matrix and a few hundred random
/// mutations, the model's outcome and keys are the pipeline's.
@Suite(.enabled(if: CuratorPipelineReader.isAvailable, "needs python3 with py-lmdb (make test-deps)"))
struct ReaderModelOracleTests {
    /// A writer file and what was done to it.
    struct Case {
        let name: String
        let path: String
    }

    /// The model's answer for one file, its keys sorted.
    static func predict(_ path: String) -> (outcome: ReaderModel.Outcome, keys: [String]) {
        guard let file = try? MappedFile(path: path) else { return (.skipped("cannot map"), []) }
        var keys = Set<String>()
        let outcome = ReaderModel(bytes: file.bytes).predict { keys.insert(String(decoding: $0, as: UTF8.self)) }
        return (outcome, keys.sorted())
    }

    /// Whether the model's answer is the oracle's; `undecided` agrees with anything and is
    /// counted by the caller.
    static func agrees(_ model: (outcome: ReaderModel.Outcome, keys: [String]), _ oracle: PipelineFileOracle) -> Bool {
        switch model.outcome {
        case .skipped: oracle.outcome == "skipped"
        case .noDatabase: oracle.outcome == "noDatabase"
        case .read: oracle.outcome == "read" && oracle.keys == model.keys
        case .failsResume: oracle.failsResume
        case .undecided: true
        }
    }

    static func check(_ cases: [Case]) throws -> (undecided: Int, outcomes: [String: Int]) {
        let answers = try PipelineFileOracle.read(cases.map(\.path))
        var undecided = 0
        var outcomes: [String: Int] = [:]
        for (item, oracle) in zip(cases, answers) {
            let model = predict(item.path)
            if case .undecided = model.outcome { undecided += 1 }
            outcomes[oracle.outcome, default: 0] += 1
            #expect(
                agrees(model, oracle),
                "\(item.name): the model says \(model.outcome) with \(model.keys.count) keys; py-lmdb: \(oracle.outcome) \(oracle.detail ?? "") with \(oracle.keys?.count ?? 0) keys"
            )
        }
        return (undecided, outcomes)
    }

    @Test func theDamagedWriterMatrixIsPredictedExactly() throws {
        try withTemporaryDirectory { directory in
            let sources = try WriterFiles.make(in: directory, fixtures: CuratorFixture.metadata)
            var cases: [Case] = []
            func add(_ name: String, from source: String, _ change: (inout [UInt8]) -> Void) throws {
                var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: source)))
                change(&bytes)
                let path = directory.appendingPathComponent("\(cases.count)-\(name).mdb").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                cases.append(Case(name: name, path: path))
            }
            for source in sources.all {
                let label = URL(fileURLWithPath: source).lastPathComponent
                let leaves = WriterFiles.sourceLeaves(of: source)
                try add("\(label) as written", from: source) { _ in }
                try add("\(label) truncated inside its data", from: source) { $0.removeLast(4096) }
                try add("\(label) truncated to 100 bytes", from: source) { $0.removeLast($0.count - 100) }
                try add("\(label) zeroed meta page 0", from: source) { WriterFiles.zero(&$0, page: 0) }
                try add("\(label) both meta pages zeroed", from: source) {
                    WriterFiles.zero(&$0, page: 0); WriterFiles.zero(&$0, page: 1)
                }
                try add("\(label) meta ids not consecutive", from: source) { WriterFiles.setU64(&$0, 4096 + 144, WriterFiles.u64($0, 144) + 7) }
                for leaf in leaves.prefix(3) {
                    try add("\(label) key order on page \(leaf)", from: source) { WriterFiles.swapFirstSlots(&$0, page: leaf) }
                    try add("\(label) zeroed leaf \(leaf)", from: source) { WriterFiles.zero(&$0, page: leaf) }
                    try add("\(label) non-UTF-8 key on \(leaf)", from: source) { WriterFiles.setFirstKeyByte(&$0, page: leaf, 0xFF) }
                    try add("\(label) control character key on \(leaf)", from: source) { WriterFiles.setFirstKeyByte(&$0, page: leaf, 0x01) }
                    try add("\(label) dirty flag on \(leaf)", from: source) { $0[leaf * 4096 + 10] |= 0x10 }
                    try add("\(label) lower bound under the header on \(leaf)", from: source) { WriterFiles.setU16(&$0, leaf * 4096 + 12, 8) }
                    try add("\(label) duplicates flag on a node of \(leaf)", from: source) { WriterFiles.setFirstNodeFlags(&$0, page: leaf, 0x04) }
                    try add("\(label) big-data flag on a node of \(leaf)", from: source) { WriterFiles.setFirstNodeFlags(&$0, page: leaf, 0x01) }
                }
            }
            // py-lmdb builds LMDB with its assertions: a branch of one key, or a page of
            // another kind reached by a sibling move, aborts the process.
            let large = sources.all[sources.all.count - 1]
            let largeBytes = Array(try Data(contentsOf: URL(fileURLWithPath: large)))
            let branches = WriterFiles.branchPages(of: largeBytes)
            try #require(!branches.isEmpty, "large.mdb has a branch page")
            try add("branch pages of one key", from: large) { bytes in
                for page in branches { WriterFiles.setU16(&bytes, page * 4096 + 12, 18) }
            }
            try add("the second child of each branch flagged as no page kind", from: large) { bytes in
                for page in branches {
                    let child = Int(WriterFiles.u64(bytes, WriterFiles.childNode(bytes, page: page, index: 1)) & 0xFFFF_FFFF)
                    if child * 4096 + 12 <= bytes.count { WriterFiles.setU16(&bytes, child * 4096 + 10, 0) }
                }
            }
            try add("every child of each branch the first one", from: large) { bytes in
                for page in branches {
                    let first = WriterFiles.childNode(bytes, page: page, index: 0)
                    for index in 1..<(WriterFiles.u16(bytes, page * 4096 + 12) - 16) / 2 {
                        let node = WriterFiles.childNode(bytes, page: page, index: index)
                        for offset in 0..<6 { bytes[node + offset] = bytes[first + offset] }
                    }
                }
            }
            try add("the sub-database record's flags with 0x8000", from: large) { bytes in
                for record in WriterFiles.sourceRecords(of: bytes) { bytes[record + 5] |= 0x80 }
            }
            try add("meta magic in page 0's number, followed by a zero word", from: sources.all[0]) { bytes in
                for (index, byte) in [0xDE, 0xC0, 0xEF, 0xBE, 0, 0, 0, 0].enumerated() { bytes[index] = UInt8(byte) }
            }
            try add("random bytes", from: sources.all[0]) { bytes in
                var random = SplitMix64(state: 7)
                for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &random) }
            }
            try add("no sub-database", from: sources.noDatabase) { _ in }
            let (undecided, outcomes) = try Self.check(cases)
            #expect(undecided == 0)
            // The matrix reaches every outcome the pipeline has.
            for outcome in ["skipped", "noDatabase", "read", "raises", "crashes"] {
                #expect(outcomes[outcome, default: 0] > 0, "\(outcome): \(outcomes)")
            }
        }
    }

    @Test func randomMutationsOfWriterFilesArePredicted() throws {
        try withTemporaryDirectory { directory in
            let sources = try WriterFiles.make(in: directory, fixtures: CuratorFixture.metadata)
            var random = SplitMix64(state: 19)
            var cases: [Case] = []
            let originals = try sources.all.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
            for round in 0..<300 {
                let source = sources.all[round % sources.all.count]
                var bytes = originals[round % originals.count]
                WriterFiles.mutate(&bytes, using: &random)
                let path = directory.appendingPathComponent("random-\(round).mdb").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                cases.append(Case(name: "random mutation \(round) of \(URL(fileURLWithPath: source).lastPathComponent)", path: path))
            }
            let (undecided, _) = try Self.check(cases)
            #expect(undecided <= 6, "undecided on \(undecided) of 300")
        }
    }
}

/// The shortcut `CuratorWriter` takes on a sound file (the structure walk's keys, the cursor
/// walk not replayed) gives what the whole replay gives: on random mutations of writer files,
/// wherever the walk finds nothing and every key is UTF-8, the writer's outcome and sources
/// are the full model's. (The structure walk's rules cover everything the cursor walk
/// checks: a case where they do not fails here.)
@Suite(.enabled(if: CuratorPipelineReader.isAvailable, "needs python3 with py-lmdb to write the larger file"))
struct ReaderModelShortcutTests {
    @Test func aSoundWalkGivesWhatTheReplayGives() throws {
        try withTemporaryDirectory { directory in
            let sources = try WriterFiles.make(in: directory, fixtures: CuratorFixture.metadata)
            var random = SplitMix64(state: 0x5407)
            var sound = 0
            let originals = try sources.all.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
            for round in 0..<1500 {
                var bytes = originals[round % originals.count]
                WriterFiles.mutate(&bytes, using: &random)
                let path = directory.appendingPathComponent("shortcut.mdb").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                let writer = CuratorWriter.read(path: path)
                guard writer.state == .ok || writer.state == .empty else { continue }
                let file = try MappedFile(path: path)
                var keys: [String] = []
                let replayed = ReaderModel(bytes: file.bytes).predict { keys.append(String(decoding: $0, as: UTF8.self)) }
                if case .read = replayed { sound += 1 }
                #expect(writer.resume == replayed, "mutation \(round): \(writer.resume) against the replay's \(replayed)")
                if case .read = replayed {
                    #expect(Array(writer.sources) == Set(keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "mutation \(round)")
                }
            }
            #expect(sound > 500, "only \(sound) sound mutations")
        }
    }
}

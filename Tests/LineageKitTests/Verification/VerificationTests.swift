import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

/// `Verification.verify` as a library call: one outcome per path, in order, with the
/// verdict the text report ends with, for both formats, without spawning the binary.
@Suite("verify as a library call: every verdict of both formats")
struct VerificationTests {
    static let fourStage = FixtureExpectation.checkpoint("four_stage").path

    /// A copy of the four-stage fixture changed by `change`, verified.
    static func verifyDAGCopy(_ change: (inout Data) -> Void, wait: Double = 0, watch: Verification.Watch = .init()) throws -> VerifyOutcome {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ckpt.mdb").path
            var bytes = try Data(contentsOf: URL(fileURLWithPath: fourStage))
            change(&bytes)
            try bytes.write(to: URL(fileURLWithPath: path))
            return Verification.verify(path: path, wait: wait, watch: watch)
        }
    }

    @Test("DAG: OK, FAILED (a bad type value), DAMAGED (truncated), UNREADABLE (missing, text, not a lineage checkpoint)")
    func dagVerdicts() throws {
        let sound = Verification.verify(path: Self.fourStage)
        guard case .report(let report) = sound else {
            Issue.record(Comment(rawValue: "not a DAG report: \(sound)"))
            return
        }
        #expect(sound.verdict == .ok && report.ok && sound.path == Self.fourStage)

        let failed = try Self.verifyDAGCopy { bytes in
            let range = try! #require(bytes.lastRange(of: Data("middle".utf8)))
            bytes.replaceSubrange(range, with: Data("muddle".utf8))
        }
        #expect(failed.verdict == .failed, "\(failed)")
        if case .report(let report) = failed { #expect(report[.typeValues]?.status == .failed) } else { Issue.record("\(failed)") }

        let damaged = try Self.verifyDAGCopy { $0 = $0.prefix(40_000) }
        #expect(damaged.verdict == .damaged, "\(damaged)")
        if case .report(let report) = damaged { #expect(report.structureFailed) } else { Issue.record("\(damaged)") }

        let missing = Verification.verify(path: Self.fourStage + ".missing")
        #expect(missing.verdict == .unreadable)
        #expect({ if case .unreadable(_, .checkpoint(.missing)) = missing { true } else { false } }(), "\(missing)")

        let text = try Self.verifyDAGCopy { $0 = Data("not a checkpoint\n".utf8) }
        #expect(text.verdict == .unreadable, "\(text)")

        // LMDB, but a Curator writer file read as a DAG: the schema check fails.
        let writer = CuratorFixture.metadata.appendingPathComponent("node-a-1001.mdb").path
        let foreign = Verification.verify(path: writer, format: .dag)
        #expect(foreign.verdict == .unreadable, "\(foreign)")
        if case .report(let report) = foreign { #expect(report[.schema]?.status == .failed) } else { Issue.record("\(foreign)") }
    }

    @Test("DAG: two commits during the read are BUSY with the ids; one commit is a sound answer; the watch sees each attempt")
    func dagBusy() throws {
        var armed: [String] = []
        var attempts = 0
        var done = 0
        let outcome = try withTemporaryDirectory { directory -> VerifyOutcome in
            let path = directory.appendingPathComponent("ckpt.mdb").path
            try FileManager.default.copyItem(atPath: Self.fourStage, toPath: path)
            let pageSize = try #require(MetaCheck(file: try MappedFile(path: path)).meta?.pageSize)
            let watch = Verification.Watch(
                arm: { armed.append($0) },
                reading: { path, before in
                    attempts += 1
                    #expect(before?.txnid != nil)
                    // As two commits would, between the read's two looks at the meta pages.
                    do { try advanceTransactionIDs(ofFileAt: path, by: 2, pageSize: pageSize) } catch { Issue.record(error) }
                },
                done: { done += 1 })
            return Verification.verify(path: path, wait: 0, watch: watch)
        }
        guard case .busy(let busy) = outcome else {
            Issue.record(Comment(rawValue: "not BUSY: \(outcome)"))
            return
        }
        #expect(outcome.verdict == .busy && busy.lastTxnid == busy.firstTxnid + 2 && busy.attempts == 1)
        #expect(armed.count == 1 && attempts == 1 && done == 1)

        let live = try withTemporaryDirectory { directory -> VerifyOutcome in
            let path = directory.appendingPathComponent("ckpt.mdb").path
            try FileManager.default.copyItem(atPath: Self.fourStage, toPath: path)
            let pageSize = try #require(MetaCheck(file: try MappedFile(path: path)).meta?.pageSize)
            var once = false
            let watch = Verification.Watch(reading: { path, _ in
                guard !once else { return }
                once = true
                do { try advanceTransactionIDs(ofFileAt: path, by: 1, pageSize: pageSize) } catch { Issue.record(error) }
            })
            return Verification.verify(path: path, wait: 0, watch: watch)
        }
        #expect(live.verdict == .ok, "\(live)")
    }

    @Test("Curator: OK, FAILED (a bad manifest), DAMAGED (a truncated writer), UNREADABLE (random bytes; forced, no metadata folder)")
    func curatorVerdicts() throws {
        let sound = Verification.verify(path: CuratorFixture.directory.path)
        guard case .report(let report) = sound, report.curator != nil else {
            Issue.record(Comment(rawValue: "not a Curator report: \(sound)"))
            return
        }
        #expect(sound.verdict == .ok && report.ok)

        try CuratorFixture.withCopy { checkpoint, metadata in
            let manifest = metadata.appendingPathComponent(CuratorSlurm.folder)
                .appendingPathComponent(CuratorSlurm.manifestName(minimumShardIndex: 0, shardIndex: 2, totalShards: 6))
            try Data(#"{"minimum_shard_index":0,"shard_index":2,"status":"failed","total_shards":6}"#.utf8).write(to: manifest)
            #expect(Verification.verify(path: checkpoint.path).verdict == .failed)
        }
        try CuratorFixture.withCopy { checkpoint, metadata in
            let file = metadata.appendingPathComponent("node-a-1001.mdb")
            let bytes = try Data(contentsOf: file)
            try bytes.prefix(bytes.count / 2).write(to: file)
            #expect(Verification.verify(path: checkpoint.path).verdict == .damaged)
        }
        try CuratorFixture.withCopy { checkpoint, metadata in
            var generator = SplitMix64(state: 3)
            try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: metadata.appendingPathComponent("junk.mdb"))
            #expect(Verification.verify(path: checkpoint.path).verdict == .unreadable)
        }
        try withTemporaryDirectory { directory in
            let forced = Verification.verify(path: directory.path, format: .curator)
            #expect(forced.verdict == .unreadable)
            #expect({ if case .unreadable(_, .noMetadataFolder) = forced { true } else { false } }(), "\(forced)")
            let missing = Verification.verify(path: directory.appendingPathComponent("nothing").path, format: .curator)
            #expect({ if case .unreadable(_, .checkpoint(.missing)) = missing { true } else { false } }(), "\(missing)")
        }
    }

    @Test("Curator: a busy writer file is BUSY; a damaged one beside it makes it DAMAGED")
    func curatorBusy() throws {
        let sound = CuratorAudit.verify(try #require(CuratorLocation.detect(path: CuratorFixture.directory.path)))
        let read = try #require(sound.curator)
        func with(busy: [String], damaged: [String]) -> VerifyOutcome {
            let counts = VerifyReport.CuratorCounts(
                location: read.location, writers: read.writers, sources: read.sources, damagedWriters: damaged, unreadableWriters: [],
                busyWriters: busy)
            return .report(VerifyReport(checkpoint: sound.checkpoint, subject: .curator(counts), checks: sound.checks))
        }
        #expect(with(busy: ["node-b-2002.mdb"], damaged: []).verdict == .busy)
        #expect(with(busy: ["node-b-2002.mdb"], damaged: ["node-a-1001.mdb"]).verdict == .damaged)
        #expect(with(busy: [], damaged: []).verdict == .ok)
    }

    @Test("mixed paths: one outcome per path in order, each of its own format; the worst verdict ranks damage over busy over failed")
    func mixed() throws {
        let paths = [Self.fourStage, CuratorFixture.directory.path, Self.fourStage + ".missing"]
        let outcomes = Verification.verify(paths: paths)
        #expect(outcomes.map(\.path) == paths)
        #expect(outcomes.map(\.verdict) == [.ok, .ok, .unreadable])
        #expect({ if case .report(let report) = outcomes[1] { report.curator != nil } else { false } }())
        #expect(Verdict.worst(outcomes.map(\.verdict)) == .unreadable)
        #expect(Verdict.worst([.ok, .failed, .busy]) == .busy)
        #expect(Verdict.worst([.failed, .ok]) == .failed)
        #expect(Verdict.worst([.busy, .damaged, .unreadable]) == .damaged)
        #expect(Verdict.worst([]) == .ok)
        #expect(Verdict.allCases.map(\.severity) == [0, 1, 2, 3, 3])
    }
}

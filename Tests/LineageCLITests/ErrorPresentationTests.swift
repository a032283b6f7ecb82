import ArgumentParser
import Foundation
import LineageKit
import LineageRecorder
import Testing

@testable import lineage

/// The executable's wording and exit codes around the libraries' errors.
@Suite("Error presentation")
struct ErrorPresentationTests {
    static let path = "/data/run 7/ckpt.mdb"

    /// One value of every `CheckpointError` case. The switch has no `default`, so a new
    /// case does not compile until it is listed here.
    static let checkpointErrors: [CheckpointError] = {
        let all: [CheckpointError] = [
            .missing(path: path),
            .unreadable(path: path, reason: "permission denied"),
            .notCheckpoint(path: path, reason: .noMetaPage),
            .notCheckpoint(path: path, reason: .notLMDB(StructureFinding(kind: .meta, page: nil, detail: .fileEmpty))),
            .notAFile(path: path, reason: .directoryWithoutData),
            .missingDatabase(path: path, name: "completed"),
            .wrongFlags(path: path, name: "in_edges"),
            .readFailed(path: path, error: LMDBError(code: -30796, function: "mdb_cursor_get")),
        ]
        for error in all {
            switch error {
            case .missing, .unreadable, .notCheckpoint, .notAFile, .missingDatabase, .wrongFlags, .readFailed: break
            }
        }
        return all
    }()

    @Test("every CheckpointError is one sentence naming the file, exit 2", arguments: checkpointErrors)
    func checkpointError(error: CheckpointError) throws {
        let presented = try #require(ErrorPresentation.presentation(of: error))
        #expect(presented.exitCode == 2)
        #expect(presented.message.hasPrefix(Self.path))
        #expect(!presented.message.contains("\n"))
        #expect(presented.message.hasSuffix("."))
        // The library's fact is kept word for word; the executable only adds what to do.
        #expect(presented.message.hasPrefix(String(error.description.dropLast()) + "; "))
        #expect(presented.message.count > error.description.count)
    }

    @Test("the library's descriptions name no flag or command; the presented messages do")
    func adviceLivesInTheExecutable() throws {
        let cliWords = ["-c PATH", "LINEAGE_CHECKPOINT", "lineage verify", "--"]
        for error in Self.checkpointErrors {
            #expect(!cliWords.contains { error.description.contains($0) }, "\(error.description)")
        }
        let tooLarge = SubgraphTooLarge(path: Self.path, tasks: 9, limit: 3, around: false)
        #expect(!cliWords.contains { tooLarge.description.contains($0) }, "\(tooLarge.description)")
        #expect(ErrorPresentation.message(for: CheckpointError.missing(path: Self.path), fromEnvironment: true).contains("set LINEAGE_CHECKPOINT"))
        #expect(ErrorPresentation.message(for: tooLarge).contains("--max-nodes"))
    }

    @Test("the messages are the ones the CLI has always printed")
    func sameTextAsBefore() {
        let p = Self.path
        #expect(
            ErrorPresentation.message(for: .missing(path: p))
                == "\(p): no such file; check the path (it names nothing on this machine).")
        #expect(
            ErrorPresentation.message(for: .notCheckpoint(path: p, reason: .noMetaPage))
                == "\(p): not a readable LMDB checkpoint (no LMDB meta page); run `lineage verify \(p)` for a full report.")
        #expect(
            ErrorPresentation.message(for: .notAFile(path: p, reason: .notRegularFile))
                == "\(p) is not a regular file; pass the checkpoint file itself (or a directory holding its data.mdb).")
        #expect(
            ErrorPresentation.message(for: .notAFile(path: p, reason: .directoryWithoutData))
                == "\(p) is a directory without a data.mdb file; pass the checkpoint file itself, a directory holding its data.mdb, "
                + "or a NeMo Curator checkpoint (the directory holding .nemo_curator_metadata/).")
        #expect(
            ErrorPresentation.message(for: .missingDatabase(path: p, name: "completed"))
                == "\(p): the checkpoint has no `completed` sub-database; it was not written by the lineage checkpoint writer or is damaged (run `lineage verify \(p)`)."
        )
        #expect(
            ErrorPresentation.message(for: .wrongFlags(path: p, name: "in_edges"))
                == "\(p): the `in_edges` sub-database has the wrong flags; run `lineage verify \(p)` for details.")
        #expect(
            ErrorPresentation.message(for: SubgraphTooLarge(path: p, tasks: 3, limit: 2, around: true))
                == "\(p): the neighbourhood has more than 2 tasks; draw the stages with --by-stage (any size), narrow the export with --around UDID --depth N, or raise --max-nodes."
        )
    }

    @Test("not found and too large exit 1; usage and exit codes are left to ArgumentParser")
    func exitCodes() throws {
        let tooLarge = try #require(ErrorPresentation.presentation(of: SubgraphTooLarge(path: Self.path, tasks: 9, limit: 3, around: false)))
        #expect(tooLarge.exitCode == 1)
        #expect(tooLarge.message.hasPrefix(Self.path + ": the checkpoint has 9 tasks, more than the limit of 3; "))
        let noTask = try #require(ErrorPresentation.presentation(of: CommandFailure.noTask(path: Self.path, what: "udid abcd")))
        #expect(noTask == Presentation(message: "\(Self.path): no task with udid abcd; list the tasks with `lineage types`.", exitCode: 1))
        let candidates = try (0..<20).map { try #require(UDID(String(repeating: "0", count: 30) + String(format: "%02d", $0))) }
        let prefix = try #require(UDIDPrefix("0000"))
        let ambiguous = try #require(
            ErrorPresentation.presentation(of: TaskLookupError.ambiguous(path: Self.path, prefix: prefix, candidates: candidates, more: true)))
        #expect(ambiguous.exitCode == 1)
        #expect(ambiguous.message.hasPrefix("\(Self.path): prefix 0000 matches more than 20 tasks (the first 20 listed); give more digits:\n"))
        #expect(ambiguous.message.split(separator: "\n").count == 21)
        let unknown = try #require(ErrorPresentation.presentation(of: TaskLookupError.notFound(path: Self.path, prefix: prefix)))
        #expect(
            unknown
                == Presentation(message: "\(Self.path): no task with a udid starting with 0000; list the tasks with `lineage types`.", exitCode: 1))
        #expect(ErrorPresentation.presentation(of: UsageError("usage")) == Presentation(message: "usage", exitCode: 64, showsUsage: true))
        #expect(ErrorPresentation.presentation(of: ValidationError("usage")) == nil)
        #expect(ErrorPresentation.presentation(of: ExitCode(1)) == nil)
    }

    @Test("a path from LINEAGE_CHECKPOINT is named as coming from it; a file that is not LMDB is not sent to verify")
    func sources() throws {
        let stale = try #require(ErrorPresentation.presentation(of: CheckpointFromEnvironment(error: .missing(path: Self.path))))
        #expect(stale.exitCode == 2)
        #expect(
            stale.message
                == "\(Self.path) (from LINEAGE_CHECKPOINT): no such file; set LINEAGE_CHECKPOINT to an existing checkpoint, or pass -c PATH.")
        let foreign = ErrorPresentation.message(
            for: .notCheckpoint(path: Self.path, reason: .notLMDB(StructureFinding(kind: .meta, page: nil, detail: .fileEmpty))))
        #expect(foreign.hasPrefix("\(Self.path): not an LMDB file (the file is empty"), "\(foreign)")
        #expect(!foreign.contains("verify"), "\(foreign)")
    }
}

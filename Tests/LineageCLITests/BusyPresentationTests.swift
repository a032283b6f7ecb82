import LineageKit
import Testing

@testable import lineage

@Suite("Presenting a checkpoint the pipeline kept changing")
struct BusyPresentationTests {
    @Test("one sentence with the transaction ids and what to do, exit 75")
    func busy() throws {
        let busy = CheckpointBusy(path: "run/ckpt.mdb", firstTxnid: 1200, lastTxnid: 1263, attempts: 3)
        let presentation = try #require(ErrorPresentation.presentation(of: busy))
        #expect(presentation.exitCode == 75)
        #expect(
            presentation.message
                == "run/ckpt.mdb: the pipeline is writing this checkpoint: transaction 1200 -> 1263 during the read; try again, or give --wait SECONDS to wait longer."
        )
    }

    @Test("verify's worst status: damaged or unreadable over busy over failed over sound")
    func worst() {
        func status(_ verdicts: [Verdict]) -> Int32 { ExitStatus.of(Verdict.worst(verdicts)) }
        #expect(status([.busy, .damaged]) == 2)
        #expect(status([.unreadable, .busy]) == 2)
        #expect(status([.failed, .busy]) == 75)
        #expect(status([.ok, .failed]) == 1)
        #expect(status([.ok, .ok]) == 0)
        #expect(status([]) == 0)
        #expect(Verdict.allCases.map(ExitStatus.of) == [0, 1, 75, 2, 2])
    }

    @Test("the crash guard's BUSY sentence, said from its words and two ids, is the sentence every command says")
    func crashGuardWords() {
        let busy = CheckpointBusy(path: "run/ckpt.mdb", firstTxnid: 1200, lastTxnid: 1263, attempts: 1)
        let words = ErrorPresentation.busyWords(path: busy.path)
        #expect(words.beforeFirst + "1200" + words.between + "1263" + words.afterLast == ErrorPresentation.message(for: busy))
    }
}

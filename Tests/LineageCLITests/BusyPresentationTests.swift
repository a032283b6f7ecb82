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

    @Test("verify's worst status: damaged over busy over failed over sound")
    func worst() {
        #expect(Lineage.Verify.worse(75, 2) == 2)
        #expect(Lineage.Verify.worse(2, 75) == 2)
        #expect(Lineage.Verify.worse(1, 75) == 75)
        #expect(Lineage.Verify.worse(0, 1) == 1)
    }
}

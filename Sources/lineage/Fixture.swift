import ArgumentParser

extension Lineage {
    struct Fixture: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write fixture checkpoints with the recorder.")
    }
}

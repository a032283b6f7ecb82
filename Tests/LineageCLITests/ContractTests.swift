import Foundation
import LineageTestSupport
import Testing

/// The contract every command keeps on both checkpoint kinds (Docs/CLI.md, "The contract").
@Suite("One contract across commands and both kinds")
struct ContractTests {
    static let dag = CLI.fixture("four_stage")
    static let curator = CuratorStatusCommandTests.checkpoint
    static let groups = CuratorSourcesCommandTests.groupsFile

    /// Every reading command, with the operands it needs besides the checkpoint, and the
    /// kinds it reads (the table `WrongKind.commands` must match).
    static let commands: [(name: String, arguments: @Sendable (String) -> [String], dag: Bool, curator: Bool)] = [
        ("status", { ["status", $0] }, true, true),
        ("show", { ["show", "-c", $0, "5fec"] }, true, true),
        ("edges", { ["edges", $0] }, true, false),
        ("types", { ["types", $0] }, true, false),
        ("verify", { ["verify", $0] }, true, true),
        ("export", { ["export", $0] }, true, true),
        ("export-dot", { ["export-dot", $0] }, true, false),
        ("ancestors", { ["ancestors", "-c", $0, "5fec"] }, true, false),
        ("descendants", { ["descendants", "-c", $0, "5fec"] }, true, false),
        ("path", { ["path", "-c", $0, "5fec", "8719"] }, true, false),
        ("stats", { ["stats", $0] }, true, false),
        ("diff", { ["diff", $0, $0] }, true, false),
        ("sources", { ["sources", $0] }, false, true),
        ("plan", { ["plan", $0, "--groups", ContractTests.groups] }, false, true),
    ]

    @Test("a command given a kind it does not read says so in one sentence naming the commands that do, exit 64")
    func wrongKind() throws {
        for command in Self.commands {
            for (path, reads, kind, others) in [
                (Self.dag, command.dag, "a task-lineage DAG checkpoint", Self.commands.filter(\.dag).map(\.name)),
                (Self.curator, command.curator, "a NeMo Curator checkpoint", Self.commands.filter(\.curator).map(\.name)),
            ] {
                let result = try CLI.run(command.arguments(path))
                if reads {
                    #expect(result.status != 64 && !result.stderr.contains("reads "), "\(command.name) on \(path): \(result)")
                    continue
                }
                #expect(result.status == 64 && result.text.isEmpty, "\(command.name) on \(path): \(result)")
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1, "\(result.stderr)")
                #expect(result.stderr.hasPrefix("lineage: \(path) is \(kind) ("), "\(result.stderr)")
                #expect(result.stderr.contains("`lineage \(command.name)` reads"), "\(result.stderr)")
                for name in others { #expect(result.stderr.contains(" \(name)"), "\(name) not named: \(result.stderr)") }
            }
        }
    }

    @Test("--kind dag on a Curator checkpoint says to drop it, exit 64")
    func forcedKind() throws {
        for name in ["status", "export", "verify"] {
            let result = try CLI.run([name, Self.curator, "--kind", "dag"])
            #expect(name == "verify" || result.status == 64, "\(name): \(result)")
            if name != "verify" { #expect(result.stderr.contains("drop --kind dag"), "\(result.stderr)") }
        }
    }
}

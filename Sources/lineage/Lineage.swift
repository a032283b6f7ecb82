import ArgumentParser
import LineageKit

@main
struct Lineage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Inspect and audit task-lineage checkpoints (read-only).",
        discussion: """
            Exit codes: 0 success or a sound checkpoint; 1 not found (no task with that \
            udid, prefix or lineage path, or several; no path between two tasks), verify found \
            violations, or status --fail-if-incomplete found pending tasks; 2 the \
            checkpoint cannot be read (missing, not an LMDB file, without the lineage \
            sub-databases) or is damaged, the same from every command; 64 usage error \
            (including a checkpoint of a kind the command does not read); 75 \
            the pipeline was writing the checkpoint too fast for a consistent read within \
            --wait seconds (try again).
            """,
        version: Version.description,
        subcommands: [
            Status.self, Show.self, Edges.self, Types.self, Verify.self, Export.self, ExportDot.self, Ancestors.self, Descendants.self, Path.self,
            Stats.self, Diff.self, Udid.self, Fixture.self, Sources.self, Plan.self, Why.self, Doctor.self, Watch.self, SourceID.self,
        ]
    )

    /// Parses and runs the command; the errors `ErrorPresentation` knows become its one
    /// sentence on stderr and its exit status, the rest are ArgumentParser's to report.
    /// Bare `lineage` and `lineage help WORD` for an unknown word are usage errors (64),
    /// as in git, where ArgumentParser would print the help and exit 0.
    static func main() {
        // Answered before ArgumentParser builds its command tree, which costs most of the
        // start-up time (the Swift runtime's type lookups); prints what it would print.
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            Console.print(Version.description)
            Console.flush()
            return
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        var parsed: ParsableCommand.Type = Lineage.self
        do {
            if let word = unknownHelpTopic(arguments) {
                throw UsageError("Unknown command '\(word)'.\(suggestion(for: word))")
            }
            if let word = arguments.first, !word.hasPrefix("-"), word != "help",
                !configuration.subcommands.contains(where: { $0._commandName == word })
            {
                throw UsageError("Unknown command '\(word)'.\(suggestion(for: word))")
            }
            var command = try parse(arguments)
            parsed = type(of: command)
            if command is Lineage { throw UsageError("Give a command; they are listed by `lineage --help`.") }
            if let checked = command as? any UsageChecked { try checked.checkUsage() }
            try command.run()
            // The status line is erased by its printer when the printer goes away; a
            // thread may still hold it then, so erase it here too before exiting.
            Console.flush()
            Console.eraseStatus()
        } catch {
            Console.flush()
            Console.eraseStatus()
            if let wrong = error as? WrongKind {
                Console.error(wrong.message(command: parsed._commandName))
                exit(withError: ExitCode(ExitStatus.usage))
            }
            // A parse that failed names no command: the first word names it.
            let typed = configuration.subcommands.first { $0._commandName == arguments.first }
            let name = parsed != Lineage.self ? "lineage \(parsed._commandName)" : typed.map { "lineage \($0._commandName)" } ?? "lineage"
            if let presented = ErrorPresentation.presentation(of: error) {
                if presented.showsUsage {
                    Console.usageError(ErrorPresentation.usage(presented.message, command: name))
                } else {
                    Console.error(presented.message)
                }
                exit(withError: ExitCode(presented.exitCode))
            }
            // ArgumentParser's own: help and --version print and exit 0; its usage errors
            // are worded as ours are.
            let code = exitCode(for: error)
            // An exit status already decided (its words printed), help, or --version.
            if error is ExitCode || code == .success { exit(withError: error) }
            Console.usageError(ErrorPresentation.usage(message(for: error), command: name))
            exit(withError: code)
        }
    }

    /// The first word after `help` that names no command, if any.
    /// The command `arguments` name, parsed. A plain command line is parsed by its command
    /// alone: ArgumentParser reflects over the argument definitions of every command it
    /// is handed, and handing it the one command named saves about 2 ms of a 5 ms `show`.
    /// Help, version and generation requests, and the commands with subcommands, go
    /// through the whole tree, which prints them as `lineage CMD`.
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        let wholeTree: Set<String> = ["-h", "--help", "--version", "--experimental-dump-help", "--generate-completion-script", "help"]
        guard let name = arguments.first, !arguments.contains(where: wholeTree.contains),
            let command = configuration.subcommands.first(where: { $0._commandName == name }),
            command.configuration.subcommands.isEmpty
        else { return try parseAsRoot(arguments) }
        return try command.parseAsRoot(Array(arguments.dropFirst()))
    }

    /// " Did you mean 'status'?" for a word a letter or two from a command's name (or the
    /// start of one), else "".
    static func suggestion(for word: String) -> String {
        let names = configuration.subcommands.map { $0._commandName }
        var best: (name: String, distance: Int)?
        for name in names {
            let distance = editDistance(name, word)
            if distance <= 2, distance < (best?.distance ?? Int.max) { best = (name, distance) }
        }
        let close = best?.name ?? names.first { $0.hasPrefix(word) && word.count >= 3 }
        return close.map { " Did you mean '\($0)'?" } ?? ""
    }

    /// The edit distance between two short words, a swap of neighbours counting as one
    /// edit (optimal string alignment), so "stauts" is one from "status".
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { table[i][0] = i }
        for j in 0...y.count { table[0][j] = j }
        for i in x.indices {
            for j in y.indices {
                var best = Swift.min(table[i][j + 1] + 1, table[i + 1][j] + 1, table[i][j] + (x[i] == y[j] ? 0 : 1))
                if i > 0, j > 0, x[i] == y[j - 1], x[i - 1] == y[j] { best = Swift.min(best, table[i - 1][j - 1] + 1) }
                table[i + 1][j + 1] = best
            }
        }
        return table[x.count][y.count]
    }

    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var commands = configuration.subcommands
        for word in arguments.dropFirst() where !word.hasPrefix("-") {
            guard let command = commands.first(where: { $0._commandName == word }) else { return word }
            commands = command.configuration.subcommands
        }
        return nil
    }
}

/// A command whose usage checks run once ArgumentParser has matched every argument.
///
/// ArgumentParser calls `validate()` before it looks for unknown options, so a check
/// there would answer `lineage show --fromat json ffda` with "'json' is not a udid"
/// instead of "Unknown option '--fromat'. Did you mean '--format'?". `Lineage.main`
/// calls `checkUsage()` after parsing instead; a `UsageError` it throws exits 64 with
/// the command's usage line, as ArgumentParser's own errors do.
protocol UsageChecked {
    func checkUsage() throws
}

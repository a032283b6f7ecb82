import Foundation
import LineageTestSupport
import Testing

/// `--version` and the shell completions, through the binary. The release binary
/// (static linking, the baked-in revision) and `make install` are checked by
/// `make check-release`, the committed man page by `make check-generated`.
@Suite("lineage --version and completions")
struct ShippingTests {
    @Test("--version names the tool's version, the git revision and the liblmdb it runs with")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0, "\(result)")
        let match = try #require(
            result.text.wholeMatch(of: /(\d+)\.(\d+)\.(\d+) \(revision ([0-9a-f]{7,}|unknown), liblmdb (\d+\.\d+\.\d+), (dynamic|static, glibc 2\.28\+)\)\n/),
            "\(result)")
        // mdb_stat -V prints the same liblmdb's version: "LMDB 0.9.24: (July 24, 2019)".
        let mdbStat = try CLI.exec("/usr/bin/mdb_stat", ["-V"])
        let library = try #require(mdbStat.text.firstMatch(of: /LMDB (\d+\.\d+\.\d+):/), "\(mdbStat)")
        #expect(match.output.5 == library.output.1)
    }

    @Test("each subcommand's --version prints the same line")
    func subcommandVersion() throws {
        let root = try CLI.run(["--version"]).text
        for command in ["show", "verify"] {
            #expect(try CLI.run([command, "--version"]).text == root, "\(command)")
        }
    }

    /// Full Foundation (with FoundationInternationalization and its ICU data) makes the
    /// static release binary 2.5 times larger and every command start slower; the
    /// program needs only FoundationEssentials, which swift-argument-parser links anyway,
    /// and Glibc. One `import Foundation` anywhere in Sources brings it all back.
    @Test("no source of the binary imports full Foundation: FoundationEssentials and Glibc only")
    func noFullFoundationImport() throws {
        let sources = CLI.packageRoot.appendingPathComponent("Sources")
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("lineage/Lineage.swift"), "\(sources.path) holds no sources")
        let fullFoundation =
            /^\s*(@\w+\s+)*((internal|public|package|private|fileprivate)\s+)?import\s+(\w+\s+)?Foundation(Internationalization|Networking|XML)?(\.|\s|$)/
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let imports = text.lines.filter { $0.firstMatch(of: fullFoundation) != nil }
            #expect(imports.isEmpty, "Sources/\(file): \(imports); use FoundationEssentials or Glibc")
        }
    }

    @Test("the binary links no full Foundation library")
    func noFullFoundationLibrary() throws {
        // The debug binary links Swift's libraries dynamically, so ldd names each one the
        // program's modules import (the release binary has them inside: check-release.sh).
        let result = try CLI.exec("/usr/bin/ldd", [CLI.debugBinary.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.text.contains("libswiftCore.so"), "\(result)")
        for library in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so"] {
            #expect(!result.text.contains(library), "\(library): \(result)")
        }
    }

    @Test("the committed completion scripts are the binary's", arguments: [("bash", "lineage.bash"), ("zsh", "_lineage"), ("fish", "lineage.fish")])
    func committedCompletions(shell: String, file: String) throws {
        let generated = try CLI.run(["--generate-completion-script", shell])
        #expect(generated.status == 0, "\(generated)")
        let committed = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Docs/completions/\(file)"), encoding: .utf8)
        #expect(generated.text == committed, "Docs/completions/\(file) is stale: run `make generated`")
    }

    /// The lines of a generated script that describe `command`: its zsh function's body,
    /// or the fish `complete` lines conditioned on it.
    private func linesFor(_ command: String, in script: String, shell: String) -> [String] {
        let lines = script.lines
        if shell == "fish" { return lines.filter { $0.hasPrefix("complete ") && $0.contains("\"lineage \(command)\"") } }
        guard let start = lines.firstIndex(of: "_lineage_\(command)() {") else { return [] }
        return Array(lines[start...].prefix { $0 != "}" })
    }

    @Test("zsh and fish complete checkpoint paths with .mdb files and list the choices", arguments: ["zsh", "fish"])
    func zshAndFish(shell: String) throws {
        let script = try CLI.run(["--generate-completion-script", shell]).text
        // zsh: `_files -g '*.mdb'` inside a single-quoted spec; fish: `*.'mdb'` inside a single-quoted command.
        let mdbFiles = shell == "zsh" ? #":path:_files -g '\''*.mdb'\''"# : #"*.\'mdb\'"#
        let checkpointOption = shell == "zsh" ? "--checkpoint" : "-l 'checkpoint'"
        for command in ["show", "edges", "types", "verify", "export", "export-dot"] {
            let checkpoint = linesFor(command, in: script, shell: shell).filter { $0.contains(checkpointOption) }
            #expect(checkpoint.count == 1 && checkpoint[0].contains(mdbFiles), "\(shell): -c of \(command): \(checkpoint)")
        }
        let verifyPaths = linesFor("verify", in: script, shell: shell).filter { !$0.contains("checkpoint") && $0.contains(mdbFiles) }
        #expect(verifyPaths.count == 1, "\(shell): verify's paths")
        let choices = [
            ("types", ["text", "jsonl", "json"]), ("verify", ["text", "json", "jsonl", "junit"]), ("types", ["source", "middle", "leaf", "source_leaf"]),
            ("export", ["dot", "mermaid", "json"]),
        ]
        for (command, values) in choices {
            let listed = shell == "zsh" ? "(" + values.map { "'\($0)'" }.joined(separator: " ") + ")" : "-rfka '\(values.joined(separator: " "))'"
            #expect(linesFor(command, in: script, shell: shell).contains { $0.contains(listed) }, "\(shell) \(command): \(listed)")
        }
    }

    /// Runs the generated bash completion function for `words` (the last one being
    /// completed) in a directory holding `a.mdb`, `b.txt` and `sub/`, and returns COMPREPLY.
    private func bashCompletions(_ words: [String]) throws -> [String] {
        let script = try CLI.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0, "\(script)")
        return try withTemporaryDirectory { directory in
            _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("a.mdb").path, contents: Data())
            _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("b.txt").path, contents: Data())
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: false)
            let completion = directory.appendingPathComponent("lineage.bash")
            try script.stdout.write(to: completion)
            // What bash does on TAB: COMP_* describe the line, the function gets the
            // command, the current word and the previous one.
            let driver = """
                cd "$1" && source "$2" || exit 1
                shift 2
                COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
                _lineage lineage "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try CLI.exec("/bin/bash", ["--norc", "--noprofile", "-c", driver, "bash", directory.path, completion.path] + words)
            #expect(result.status == 0, "\(result)")
            return result.lines.sorted()
        }
    }

    @Test(
        "bash completes .mdb files and directories where a checkpoint goes, and no other file",
        arguments: [
            ["lineage", "show", "-c", ""],
            ["lineage", "types", "--checkpoint", ""],
            ["lineage", "edges", "-c", ""],
            ["lineage", "export-dot", "-c", ""],
            ["lineage", "verify", ""],
            ["lineage", "verify", "-c", ""],
        ])
    func bashCheckpointPaths(words: [String]) throws {
        #expect(try bashCompletions(words) == ["a.mdb", "sub"])
    }

    @Test("bash completes any file after --junit")
    func bashJUnitFile() throws {
        let offered = try bashCompletions(["lineage", "verify", "--junit", ""])
        #expect(offered.contains("b.txt") && offered.contains("a.mdb"), "\(offered)")
    }

    @Test(
        "bash completes the choices of --format and --type",
        arguments: [
            (["lineage", "types", "--format", ""], ["json", "jsonl", "text"]),
            (["lineage", "verify", "--format", ""], ["json", "jsonl", "junit", "text"]),
            (["lineage", "types", "--type", ""], ["leaf", "middle", "source", "source_leaf"]),
            (["lineage", "types", "--format", "js"], ["json", "jsonl"]),
        ])
    func bashChoices(words: [String], expected: [String]) throws {
        #expect(try bashCompletions(words) == expected)
    }
}

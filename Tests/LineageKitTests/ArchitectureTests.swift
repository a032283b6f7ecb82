import Foundation
import Testing

/// The folders of LineageKit depend one way (Docs/Architecture.md): a file may use what
/// a folder of a lower layer declares, never what a folder of its own layer or a higher
/// one declares. Read from the sources: each top-level type or function belongs to the
/// folder its file is in, and a file uses it when its name appears outside comments and
/// string literals.
@Suite("LineageKit's folders depend one way")
struct ArchitectureTests {
    /// Lowest first. A folder not listed fails the test: place it in a layer.
    static let layers: [[String]] = [
        ["Support"],
        ["LMDB", "Structure"],
        ["Checkpoint"],
        ["Findings", "DAGStatus"],
        ["Graph"],
        ["Audit", "Curator", "Analysis"],
        ["Verification", "Doctor", "Watch"],
        ["Render"],
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LineageKit")

    /// folder -> (folder it uses -> the names it uses from there).
    static func dependencies() throws -> [String: [String: Set<String>]] {
        var files: [(folder: String, code: [UInt8])] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift"), let folder = relative.split(separator: "/").first else { continue }
            let bytes = [UInt8](try Data(contentsOf: sources.appendingPathComponent(relative)))
            files.append((String(folder), SwiftSource.code(bytes)))
        }
        var owners: [String: Set<String>] = [:]
        // Every name a folder declares at any depth: a nested `Verdict` of its own is not another folder's.
        var local: [String: Set<String>] = [:]
        for file in files {
            for name in SwiftSource.topLevelDeclarations(file.code) { owners[name, default: []].insert(file.folder) }
            local[file.folder, default: []].formUnion(SwiftSource.topLevelDeclarations(file.code, anyDepth: true))
        }
        var graph: [String: [String: Set<String>]] = [:]
        for file in files {
            for name in SwiftSource.identifiers(file.code) where local[file.folder]?.contains(name) != true {
                guard let owner = owners[name], owner.count == 1, let folder = owner.first, folder != file.folder else { continue }
                graph[file.folder, default: [:]][folder, default: []].insert(name)
            }
        }
        return graph
    }

    @Test("every use goes to a lower layer; the graph is printed for Architecture.md")
    func oneWay() throws {
        let rank = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().flatMap { layer in layer.element.map { ($0, layer.offset) } })
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { !$0.hasPrefix(".") }
        for folder in folders {
            #expect(rank[folder] != nil, "Sources/LineageKit/\(folder) is in no layer of ArchitectureTests.layers")
        }
        let graph = try Self.dependencies()
        #expect(!graph.isEmpty, "no dependency found: the source reader is broken")
        for (from, uses) in graph.sorted(by: { $0.key < $1.key }) {
            print("\(from) -> \(uses.keys.sorted().joined(separator: ", "))")
            for (to, names) in uses {
                guard let a = rank[from], let b = rank[to] else { continue }
                #expect(b < a, "\(from)/ uses \(to)/ (\(names.sorted().joined(separator: ", "))), a folder of its own or a higher layer")
            }
        }
    }

    @Test("the reader sees declarations and uses, not comments or strings")
    func reader() {
        let code = SwiftSource.code(
            Array(
                """
                /// Uses Hidden in a comment.
                public final class Shown: Sendable {
                    let text = "Quoted \\(Interpolated) \\" Still"
                    /* Block */ func inner() -> Used { Used() }
                }
                @inline(__always) func helper() {}
                let multi = \"\"\"
                    Inside
                    \"\"\"
                """.utf8))
        #expect(SwiftSource.topLevelDeclarations(code) == ["Shown", "helper"])
        let names = SwiftSource.identifiers(code)
        #expect(names.contains("Used") && names.contains("Shown"))
        #expect(!names.contains("Hidden") && !names.contains("Quoted") && !names.contains("Block") && !names.contains("Inside"))
        #expect(!names.contains("Still"))
    }
}

/// Just enough of Swift's lexical structure to tell names from comments and strings.
enum SwiftSource {
    /// The source with comments and string literals blanked (newlines kept).
    static func code(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var i = 0
        func blank(_ from: Int, _ to: Int) {
            for k in from..<min(to, out.count) where out[k] != 0x0a { out[k] = 0x20 }
        }
        let slash: UInt8 = 0x2f, star: UInt8 = 0x2a, quote: UInt8 = 0x22, backslash: UInt8 = 0x5c
        while i < bytes.count {
            if bytes[i] == slash, i + 1 < bytes.count, bytes[i + 1] == slash {
                var end = i
                while end < bytes.count, bytes[end] != 0x0a { end += 1 }
                blank(i, end)
                i = end
            } else if bytes[i] == slash, i + 1 < bytes.count, bytes[i + 1] == star {
                var end = i + 2
                while end + 1 < bytes.count, !(bytes[end] == star && bytes[end + 1] == slash) { end += 1 }
                blank(i, end + 2)
                i = end + 2
            } else if bytes[i] == quote {
                let triple = i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote
                var end = i + (triple ? 3 : 1)
                while end < bytes.count {
                    if bytes[end] == backslash {
                        end += 2
                    } else if triple, end + 2 < bytes.count, bytes[end] == quote, bytes[end + 1] == quote, bytes[end + 2] == quote {
                        end += 3
                        break
                    } else if !triple, bytes[end] == quote || bytes[end] == 0x0a {
                        end += 1
                        break
                    } else {
                        end += 1
                    }
                }
                blank(i, end)
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    static func isIdentifierByte(_ b: UInt8, first: Bool) -> Bool {
        (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x5f || (!first && b >= 0x30 && b <= 0x39)
    }

    /// The names in `code`, in order, with repeats.
    static func tokens(_ code: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var i = code.startIndex
        while i < code.endIndex {
            if isIdentifierByte(code[i], first: true), i == code.startIndex || !isIdentifierByte(code[i - 1], first: false) {
                var end = i
                while end < code.endIndex, isIdentifierByte(code[end], first: false) { end += 1 }
                names.append(String(decoding: code[i..<end], as: UTF8.self))
                i = end
            } else {
                i += 1
            }
        }
        return names
    }

    static func identifiers(_ code: [UInt8]) -> Set<String> { Set(tokens(code[...])) }

    /// Types, protocols, aliases and functions declared at the start of a line (top level),
    /// or on any line with `anyDepth`.
    static func topLevelDeclarations(_ code: [UInt8], anyDepth: Bool = false) -> [String] {
        let modifiers: Set<String> = [
            "public", "internal", "private", "fileprivate", "package", "final", "indirect", "nonisolated", "unsafe", "inline", "__always",
            "usableFromInline", "inlinable", "frozen", "discardableResult",
        ]
        let kinds: Set<String> = ["struct", "enum", "class", "protocol", "actor", "typealias", "func"]
        var names: [String] = []
        for line in code.split(separator: 0x0a, omittingEmptySubsequences: false) {
            let line = anyDepth ? line.drop { $0 == 0x20 } : line
            guard let first = line.first, isIdentifierByte(first, first: true) || first == 0x40 else { continue }
            let words = tokens(line)
            var index = 0
            while index < words.count, modifiers.contains(words[index]) { index += 1 }
            if index + 1 < words.count, kinds.contains(words[index]) { names.append(words[index + 1]) }
        }
        return names
    }
}

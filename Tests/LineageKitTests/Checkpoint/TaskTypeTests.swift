import LineageKit
import Testing

@Suite("TaskType parsing")
struct TaskTypeTests {
    private func parse(_ text: String) -> TaskType? { Array(text.utf8).withUnsafeBytes { TaskType(bytes: $0) } }

    @Test(
        "the four words, and nothing near them",
        arguments: [
            ("source", TaskType.source), ("middle", .middle), ("leaf", .leaf), ("source_leaf", .sourceLeaf),
        ])
    func words(text: String, type: TaskType) {
        #expect(parse(text) == type)
        // Every single-byte change of a word, and every prefix, is rejected.
        var bytes = Array(text.utf8)
        for i in bytes.indices {
            let original = bytes[i]
            for replacement: UInt8 in [0x00, 0x20, 0x5f, original ^ 0x20, original &+ 1] where replacement != original {
                bytes[i] = replacement
                #expect(bytes.withUnsafeBytes { TaskType(bytes: $0) } == nil, "\(String(decoding: bytes, as: UTF8.self))")
            }
            bytes[i] = original
        }
        for length in 0..<bytes.count {
            let prefix = Array(bytes.prefix(length))
            let expected = TaskType(rawValue: String(decoding: prefix, as: UTF8.self))  // "source" is a prefix of "source_leaf"
            #expect(prefix.withUnsafeBytes { TaskType(bytes: $0) } == expected)
        }
        #expect(parse(text + "\n") == nil)
    }

    @Test("source_leaf needs every byte", arguments: ["source_leag", "sourcexleaf", "sourde_leaf", "lource_leaf"])
    func nearMisses(text: String) { #expect(parse(text) == nil) }
}

import Foundation
import LineageKit
import Testing

@Suite("Curator writer files read beside their writers")
struct CuratorWriterConsistentTests {
    @Test("a quiet writer file reads as one plain read does")
    func quiet() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CuratorFixture.metadata.path)
            .filter { $0.hasSuffix(".mdb") && !$0.hasPrefix(".") }.sorted()
        try #require(!names.isEmpty)
        for name in names {
            let path = CuratorFixture.metadata.appendingPathComponent(name).path
            guard case .consistent(let writer) = CuratorWriter.readConsistently(path: path, wait: 0) else {
                Issue.record("\(name): BUSY on a file nobody writes")
                continue
            }
            #expect(writer == CuratorWriter.read(path: path))
        }
    }
}

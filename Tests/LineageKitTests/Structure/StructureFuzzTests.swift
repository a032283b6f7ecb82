import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// One random damage to a file's bytes, described for failure messages.
func mutate(_ original: [UInt8], pageSize: Int, using rng: inout SplitMix64) -> (String, [UInt8]) {
    var bytes = original
    let pages = max(1, bytes.count / pageSize)
    func randomPage() -> Int { Int.random(in: 0..<pages, using: &rng) }
    switch Int.random(in: 0..<9, using: &rng) {
    case 0:
        let flips = Int.random(in: 1...8, using: &rng)
        for _ in 0..<flips where !bytes.isEmpty {
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
        }
        return ("flip \(flips) bytes", bytes)
    case 1:
        // Page headers and node pointers: where a single byte changes the most.
        let page = randomPage()
        let offset = page * pageSize + Int.random(in: 0..<64, using: &rng)
        if offset < bytes.count { bytes[offset] = UInt8.random(in: 0...255, using: &rng) }
        return ("header byte \(offset)", bytes)
    case 2:
        let length =
            Bool.random(using: &rng)
            ? Int.random(in: 0...bytes.count, using: &rng) : randomPage() * pageSize
        return ("truncate to \(length)", Array(bytes.prefix(length)))
    case 3:
        let page = randomPage()
        for i in (page * pageSize)..<min(bytes.count, (page + 1) * pageSize) { bytes[i] = 0 }
        return ("zero page \(page)", bytes)
    case 4:
        let a = randomPage()
        let b = randomPage()
        guard (max(a, b) + 1) * pageSize <= bytes.count else { return ("none", bytes) }
        for i in 0..<pageSize { bytes.swapAt(a * pageSize + i, b * pageSize + i) }
        return ("swap pages \(a) and \(b)", bytes)
    case 5:
        let a = randomPage()
        let b = randomPage()
        guard (max(a, b) + 1) * pageSize <= bytes.count else { return ("none", bytes) }
        for i in 0..<pageSize { bytes[b * pageSize + i] = bytes[a * pageSize + i] }
        return ("copy page \(a) over \(b)", bytes)
    case 6:
        // A node header: sizes, flags, child page numbers.
        let page = randomPage() * pageSize
        guard page + pageSize <= bytes.count else { return ("none", bytes) }
        let slot = page + 16 + 2 * Int.random(in: 0..<8, using: &rng)
        let node = page + (Int(bytes[slot]) | Int(bytes[slot + 1]) << 8) % pageSize
        let field = node + Int.random(in: 0..<8, using: &rng)
        if field + 1 < bytes.count {
            bytes[field] = UInt8.random(in: 0...255, using: &rng)
            bytes[field + 1] = UInt8.random(in: 0...255, using: &rng)
        }
        return ("node header byte \(field)", bytes)
    case 7:
        let meta = Int.random(in: 0...1, using: &rng) * pageSize + 16 + 8 * Int.random(in: 0..<17, using: &rng)
        if meta + 8 <= bytes.count {
            let value = Bool.random(using: &rng) ? rng.next() : UInt64.random(in: 0...UInt64(pages * 2), using: &rng)
            bytes.setU64(meta, value)
        }
        return ("meta word \(meta)", bytes)
    default:
        let offset = Int.random(in: 0..<max(1, bytes.count / 8), using: &rng) * 8
        if offset + 8 <= bytes.count { bytes.setU64(offset, rng.next()) }
        return ("word \(offset)", bytes)
    }
}

/// Walks `bytes` as the verify command would and checks the walk stayed inside the file
/// and reported its findings whole.
func walkMutated(_ bytes: [UInt8], context: @autoclosure () -> String) {
    let file = MappedFile(copying: bytes)
    let walker = StructureWalker(file: file)
    let low = UInt(bitPattern: file.bytes.baseAddress)
    let high = low + UInt(file.bytes.count)
    var outside = 0
    func inside(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress else { return buffer.isEmpty }
        let start = UInt(bitPattern: base)
        return start >= low && start + UInt(buffer.count) <= high
    }
    var results = [walker.walkFreeList()]
    for database in walker.databases {
        results.append(
            walker.walk(database: database.name) { key, value in
                if !inside(key) || !inside(value) { outside += 1 }
            })
    }
    let report = walker.report(combining: results)
    #expect(outside == 0, "delivered bytes outside the file: \(context())")
    // Only the cap may drop a finding: below 100 findings every one is kept.
    #expect(report.findings.count == min(report.findingCount, 100), "\(context())")
    // Each phrase is one line that leaves the location to the renderer.
    let misphrased = report.findings.map { ($0, StructurePhrasing.describe($0)) }.filter { finding, phrase in
        phrase.isEmpty || phrase.contains("\n")
            || finding.database.map { phrase.hasPrefix($0) || phrase.contains($0 + ":") } == true
    }
    #expect(misphrased.isEmpty, "\(misphrased.map(\.1)): \(context())")
}

@Suite("Structure fuzzing")
struct StructureFuzzTests {
    @Test func fixturesSurviveMutations() throws {
        let originals = try StructureSupport.fixtureNames.map { try StructureSupport.fixtureBytes($0) }
        var rng = SplitMix64(state: 0x11E_A6E)
        for iteration in 0..<fuzzIterations(suite: 1000) {
            let which = iteration % originals.count
            var (what, bytes) = mutate(originals[which], pageSize: 4096, using: &rng)
            if iteration % 3 == 0 {
                // Stack a second mutation now and then: damage rarely comes alone.
                let (more, twice) = mutate(bytes, pageSize: 4096, using: &rng)
                what += ", then " + more
                bytes = twice
            }
            walkMutated(bytes, context: "fixture \(StructureSupport.fixtureNames[which]), iteration \(iteration): \(what)")
        }
    }

    @Test
    func generatedFilesSurviveMutations() throws {
        let dir = try StructureSupport.makeTempDirectory()
        defer { StructureSupport.cleanUp(dir) }
        let generated = try StructureSupport.makeCheckpoint(roots: 50, in: dir)
        let nested = try StructureSupport.makeWithPython(StructureFixtureTests.bigValuesScript, named: "nested.mdb", in: dir)
        let flags = try StructureSupport.makeWithPython(StructureFixtureTests.flagsScript, named: "flags.mdb", in: dir)
        let inputs = [
            ("generated", [UInt8](try Data(contentsOf: URL(fileURLWithPath: generated)))),
            ("nested", [UInt8](try Data(contentsOf: URL(fileURLWithPath: nested)))),
            ("flags", [UInt8](try Data(contentsOf: URL(fileURLWithPath: flags)))),
        ]
        var rng = SplitMix64(state: 0xB16_F11E)
        for iteration in 0..<fuzzIterations(suite: 200) {
            // The small nested, overflow and fixed-size files are cheap: give them most iterations.
            let (name, original) = iteration % 6 == 0 ? inputs[0] : inputs[1 + iteration % 2]
            let (what, bytes) = mutate(original, pageSize: 4096, using: &rng)
            walkMutated(bytes, context: "\(name), iteration \(iteration): \(what)")
        }
    }
}

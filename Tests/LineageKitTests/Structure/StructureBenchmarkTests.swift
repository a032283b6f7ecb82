import Foundation
import Testing

import LineageKit

/// Walks the file named by `LINEAGE_STRUCTURE_BENCH` (skipped when unset) and prints entries/second.
///
/// Run in release: `LINEAGE_STRUCTURE_BENCH=big.mdb swift test -c release --filter structureWalkBenchmark`.
@Test(.enabled(if: ProcessInfo.processInfo.environment["LINEAGE_STRUCTURE_BENCH"] != nil))
func structureWalkBenchmark() async throws {
    let path = try #require(ProcessInfo.processInfo.environment["LINEAGE_STRUCTURE_BENCH"])
    let clock = ContinuousClock()
    for round in 0..<3 {
        let start = clock.now
        let file = try MappedFile(path: path)
        let walker = StructureWalker(file: file)
        var entries: UInt64 = 0
        var sum: UInt64 = 0
        var results = [walker.walkFreeList()]
        for named in walker.databases {
            results.append(
                walker.walk(database: named.name) { key, value in
                    // The same byte checksum as bench/floor.c, so the two can be compared.
                    entries &+= 1
                    for byte in key { sum &+= UInt64(byte) }
                    for byte in value { sum &+= UInt64(byte) }
                })
        }
        let report = walker.report(combining: results)
        let serial = clock.now - start
        let start2 = clock.now
        let concurrent = await walker.walkAllConcurrently()
        let parallel = clock.now - start2
        let seconds = Double(serial.components.seconds) + Double(serial.components.attoseconds) / 1e18
        print(
            "round \(round): \(entries) entries (checksum \(sum)) in \(serial) serial, \(Int(Double(entries) / seconds)) entries/s; concurrent walkAll \(parallel); findings \(report.findingCount) / \(concurrent.findingCount); reachable \(report.pagesReachable) free \(report.pagesOnFreeList) file \(report.filePages)"
        )
        for finding in report.findings.prefix(10) { print("  \(finding)") }
        for (name, db) in report.databases.sorted(by: { $0.key < $1.key }) { print("  \(name): \(db)") }
    }
}

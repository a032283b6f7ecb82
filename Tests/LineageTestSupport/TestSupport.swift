import Dispatch
import Foundation

/// Runs `body` with a fresh directory of its own under the system temp directory,
/// removed afterwards (even if a test made it read-only).
public func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        try? FileManager.default.removeItem(at: directory)
    }
    return try body(directory)
}

/// What a finished program printed and how it exited.
public struct ProcessOutput: CustomStringConvertible, Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: String
    public var text: String { String(decoding: stdout, as: UTF8.self) }
    public var description: String { "exit \(status)\nstdout: \(text.prefix(2000))\nstderr: \(stderr)" }
}

/// Runs a program with no standard input and collects both outputs. Both pipes are
/// drained at once, so neither can fill up and stall the program. `whileRunning` is
/// called once it started, its output already being drained (so it may wait on it).
public func runProcess(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, whileRunning: (Process) throws -> Void = { _ in }
) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    nonisolated(unsafe) var errorData = Data()
    let group = DispatchGroup()
    nonisolated(unsafe) var outputData = Data()
    DispatchQueue.global().async(group: group) { errorData = err.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { outputData = out.fileHandleForReading.readDataToEndOfFile() }
    // On a failure in `whileRunning`: SIGKILL, which also ends a stopped child, or one
    // whose mask (inherited from a test runner's thread) blocks SIGTERM.
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    try whileRunning(process)
    group.wait()
    process.waitUntilExit()
    return ProcessOutput(status: process.terminationStatus, stdout: outputData, stderr: String(decoding: errorData, as: UTF8.self))
}

/// A seeded generator (SplitMix64), so a failing random case can be replayed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes the LMDB file at `path` look as if `by` more write transactions had committed,
/// each changing nothing but the id. As liblmdb commits, transaction T writes its meta
/// page on page `T & 1`: the newest meta page is copied there with the id T = newest + by
/// (and, for two or more, onto the other page with T - 1), its page number set to the
/// page it now sits on. The tree is untouched, so every read of the file sees the same.
public func advanceTransactionIDs(ofFileAt path: String, by: UInt64, pageSize: Int) throws {
    precondition(by >= 1)
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    // A page: its number (8 bytes) at 0; the meta (after the 16-byte page header) holds its
    // transaction id 128 bytes in, after the magic, version, address, size, two database
    // records and the last page number.
    let txnidOffset = 16 + 128
    func little(_ bytes: Data, at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[bytes.startIndex + offset + $1]) << (8 * UInt64($1)) }
    }
    func put(_ value: UInt64, into bytes: inout Data, at offset: Int) {
        for i in 0..<8 { bytes[bytes.startIndex + offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
    }
    let pages = try (0..<2).map { page -> Data in
        try handle.seek(toOffset: UInt64(page * pageSize))
        guard let bytes = try handle.read(upToCount: pageSize), bytes.count == pageSize else { throw CocoaError(.fileReadCorruptFile) }
        return bytes
    }
    let newestPage = little(pages[0], at: txnidOffset) >= little(pages[1], at: txnidOffset) ? pages[0] : pages[1]
    let target = little(newestPage, at: txnidOffset) + by
    for txnid in (by >= 2 ? [target - 1, target] : [target]) {
        var page = newestPage
        put(txnid & 1, into: &page, at: 0)
        put(txnid, into: &page, at: txnidOffset)
        try handle.seek(toOffset: (txnid & 1) * UInt64(pageSize))
        try handle.write(contentsOf: page)
    }
}

/// How many iterations a seeded mutation campaign runs: `suite` in the test suite, or
/// `LINEAGE_FUZZ_ITERATIONS` for a long campaign (`make fuzz`, which also sets its seed).
public func fuzzIterations(suite: Int) -> Int {
    ProcessInfo.processInfo.environment["LINEAGE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? suite
}

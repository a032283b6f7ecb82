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
/// drained at once, so neither can fill up and stall the program.
public func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> ProcessOutput {
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
    DispatchQueue.global().async(group: group) { errorData = err.fileHandleForReading.readDataToEndOfFile() }
    let outputData = out.fileHandleForReading.readDataToEndOfFile()
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

/// Adds `by` to both meta pages' transaction ids of the LMDB file at `path`, as `by`
/// commits would (the meta's txnid sits 16 + 128 bytes into each of the first two pages).
public func advanceTransactionIDs(ofFileAt path: String, by: UInt64, pageSize: Int) throws {
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    for page in 0..<2 {
        let offset = UInt64(page * pageSize + 16 + 128)
        try handle.seek(toOffset: offset)
        guard let bytes = try handle.read(upToCount: 8), bytes.count == 8 else { throw CocoaError(.fileReadCorruptFile) }
        let txnid = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } + by
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: (0..<8).map { UInt8(truncatingIfNeeded: txnid >> (8 * UInt64($0))) })
    }
}

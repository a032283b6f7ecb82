import Foundation
import LineageKit
import LineageRecorder
import LineageTestSupport
import Testing

/// Fixture files, scratch directories and byte patching shared by the Structure tests.
enum StructureSupport {
    static let fixtureNames = FixtureExpectation.names

    static func fixtureURL(_ name: String) throws -> URL { FixtureExpectation.checkpoint(name) }

    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtureURL(name)))
    }

    /// A fresh directory for one test; removed by `cleanUp`.
    static func makeTempDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lineage-structure-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanUp(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to `name` in `directory` and returns the path.
    static func write(_ bytes: [UInt8], named name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Runs a program and returns its stdout, or nil when it cannot run or fails.
    static func run(_ executable: String, _ arguments: [String]) -> String? {
        guard let result = try? runProcess(URL(fileURLWithPath: executable), arguments), result.status == 0 else { return nil }
        return result.text
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"] {
            let path = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// `mdb_stat -n -e -f -a` of a file (run on a copy the caller made): section -> field -> value.
    /// Sections are the database names, "Main DB", "Environment Info" and "Freelist Status".
    static func mdbStat(_ path: String) -> [String: [String: UInt64]]? {
        guard let tool = findExecutable("mdb_stat"), let text = run(tool, ["-n", "-e", "-f", "-a", path]) else {
            return nil
        }
        var result: [String: [String: UInt64]] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            if !line.hasPrefix(" ") {
                let name = line.hasPrefix("Status of ") ? String(line.dropFirst("Status of ".count)) : String(line)
                current = name
                result[name] = [:]
            } else if let current, let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if let number = UInt64(value) { result[current]?[key] = number }
            }
        }
        return result
    }

    /// Whether python3 with the `lmdb` module is available to write files the recorder cannot
    /// (overflow pages, nested duplicate trees, other database flags).
    static let pythonLMDB: String? = {
        guard let python = findExecutable("python3"), run(python, ["-c", "import lmdb"]) != nil else { return nil }
        return python
    }()

    /// Writes a pipeline checkpoint with `roots` roots (97 tasks each) with the recorder, one
    /// write transaction per emission as the pipeline does, so its trees have branch pages
    /// and the file has free pages; returns its path.
    static func makeCheckpoint(roots: Int, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("generated.mdb").path
        try Scenario.pipeline(roots: roots).write(to: path)
        return path
    }

    /// Runs a python3 script (with `lmdb`) that writes a file at argv[1] and returns its path.
    /// Fails the test when python3 or py-lmdb is missing (`make test-deps` installs it).
    static func makeWithPython(_ script: String, named name: String, in directory: URL) throws -> String {
        let python = try #require(pythonLMDB, "python3 with the lmdb module is needed: run make test-deps (pip install lmdb)")
        let scriptURL = directory.appendingPathComponent(name + ".py")
        let path = directory.appendingPathComponent(name).path
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        try #require(run(python, [scriptURL.path, path]) != nil, "the python writer failed for \(name)")
        return path
    }
}

/// Little-endian reads and writes on a byte array, for building damaged files.
extension Array where Element == UInt8 {
    func u16(_ offset: Int) -> Int { Int(self[offset]) | Int(self[offset + 1]) << 8 }
    func u64(_ offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(self[offset + $1]) << (8 * UInt64($1)) }
    }
    mutating func setU16(_ offset: Int, _ value: Int) {
        self[offset] = UInt8(value & 0xff)
        self[offset + 1] = UInt8((value >> 8) & 0xff)
    }
    mutating func setU64(_ offset: Int, _ value: UInt64) {
        for i in 0..<8 { self[offset + i] = UInt8((value >> (8 * UInt64(i))) & 0xff) }
    }
}

/// A small, seeded generator so fuzz runs repeat exactly.

/// Where things sit in a (sound) file, found by reading it the way the walker does.
struct FileMap: CustomStringConvertible {
    let bytes: [UInt8]
    let pageSize: Int
    let meta: MetaInfo
    let databases: [NamedDatabase]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        let file = MappedFile(copying: bytes)
        let walker = StructureWalker(file: file)
        self.meta = try #require(walker.metaCheck.meta)
        self.pageSize = meta.pageSize
        self.databases = walker.databases
    }

    var description: String { "FileMap(\(bytes.count) bytes, meta \(meta.metaPage))" }

    func record(_ name: String) throws -> DatabaseRecord {
        try #require(databases.first { $0.name == name }?.record)
    }

    /// Byte offset of the meta page LMDB would use, and of its meta data.
    var metaPageOffset: Int { meta.metaPage * pageSize }

    /// Byte offset of the 48-byte record of sub-database `name` inside the main DB's root leaf.
    func recordOffset(_ name: String) throws -> Int {
        let page = Int(meta.mainDatabase.root) * pageSize
        let nodes = (bytes.u16(page + 12) - 16) / 2
        for i in 0..<nodes {
            let node = page + bytes.u16(page + 16 + 2 * i)
            let keySize = bytes.u16(node + 6)
            let key = String(decoding: bytes[(node + 8)..<(node + 8 + keySize)], as: UTF8.self)
            if key == name { return node + 8 + keySize }
        }
        Issue.record("no record for \(name)")
        throw CancellationError()
    }

    func pageOffset(_ page: UInt64) -> Int { Int(page) * pageSize }

    /// Offset of node `index` of the page at `pageOffset`.
    func nodeOffset(page pageOffset: Int, _ index: Int) -> Int {
        pageOffset + bytes.u16(pageOffset + 16 + 2 * index)
    }

    func nodeCount(page pageOffset: Int) -> Int { (bytes.u16(pageOffset + 12) - 16) / 2 }
}

import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// The liblmdb wrapper on its own: reads checked against `mdb_dump`, scoped writes,
/// `MDB_NOTFOUND` as `nil`, errors that name the C function.
@Suite("LMDB wrapper")
struct LMDBEnvironmentTests {
    @Test("a read transaction sees every entry and duplicate mdb_dump lists, in order", arguments: FixtureExpectation.names)
    func readMatchesMdbDump(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let dump = try MdbDump(of: fixture.checkpoint)
        let environment = try LMDBEnvironment(readOnlyAt: fixture.checkpoint.path, subdirectory: false)
        try environment.read { txn in
            for database in SubDatabase.allCases {
                let expected = try #require(dump.databases[database.rawValue], "mdb_dump lists no \(database.rawValue)")
                let opened = try #require(try txn.database(named: database.rawValue))
                #expect(opened.isDupSort == database.isDupSort)
                #expect(try txn.entryCount(opened) == expected.count, "\(name) \(database.rawValue)")
                var seen: [Entry] = []
                try txn.withCursor(opened) { cursor in
                    try cursor.forEach(from: nil) { key, value in
                        seen.append(Entry(key, value))
                        return true
                    }
                }
                #expect(seen == expected, "\(name) \(database.rawValue)")
            }
        }
    }

    @Test("forEachDuplicate of a dupsort key yields its values in mdb_dump's order", arguments: FixtureExpectation.names)
    func duplicatesInOrder(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let dump = try MdbDump(of: fixture.checkpoint)
        let environment = try LMDBEnvironment(readOnlyAt: fixture.checkpoint.path, subdirectory: false)
        try environment.read { txn in
            for database in [SubDatabase.inEdges, .outEdges] {
                let entries = try #require(dump.databases[database.rawValue])
                let keys = entries.map(\.key).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
                let opened = try #require(try txn.database(named: database.rawValue))
                for key in keys {
                    var values: [String] = []
                    try txn.withCursor(opened) { cursor in
                        try Array(key.utf8).withUnsafeBytes { key in
                            try cursor.forEachDuplicate(of: key) { values.append(String(decoding: $0, as: UTF8.self)) }
                        }
                    }
                    #expect(values == entries.filter { $0.key == key }.map(\.value), "\(name) \(database.rawValue) \(key)")
                    #expect(values == values.sorted())
                }
            }
        }
    }

    @Test("MDB_NOTFOUND is nil or the end, never an error")
    func notFoundIsNil() throws {
        let fixture = try FixtureExpectation.load("four_stage")
        let environment = try LMDBEnvironment(readOnlyAt: fixture.checkpoint.path, subdirectory: false)
        try environment.read { txn in
            #expect(try txn.database(named: "no_such_database") == nil)
            let types = try #require(try txn.database(named: SubDatabase.taskType.rawValue))
            let absent = Array("ffffffffffffffffffffffffffffffff".utf8)
            try absent.withUnsafeBytes { key throws in
                #expect(try txn.get(types, key: key) { _ in true } == nil)
                #expect(try !txn.contains(types, key: key))
            }
            let inEdges = try #require(try txn.database(named: SubDatabase.inEdges.rawValue))
            var visited = 0
            try txn.withCursor(inEdges) { cursor in
                try absent.withUnsafeBytes { key in try cursor.forEachDuplicate(of: key) { _ in visited += 1 } }
                // Past the last key: the range start finds nothing and the loop ends quietly.
                try absent.withUnsafeBytes { key in
                    try cursor.forEach(from: key) { _, _ in
                        visited += 1
                        return true
                    }
                }
            }
            #expect(visited == 0)
            let count = try txn.entryCount(types)
            let steps = try txn.withCursor(types) { cursor in
                var steps = 0
                var entry = try cursor.step(first: true)
                while entry != nil {
                    steps += 1
                    entry = try cursor.step(first: false)
                }
                return steps
            }
            #expect(steps == count)
        }
    }

    @Test("a committed write is seen by a later read; a write that throws leaves nothing")
    func writesCommitOrAbort() throws {
        struct Refused: Error {}
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("scratch.mdb").path
            let environment = try LMDBEnvironment(writingAt: path, maxDatabases: 2, mapSize: 1 << 20)
            let notes = try environment.write { txn in try txn.createDatabase(named: "notes", dupSort: true) }
            try environment.write { txn in
                try put(txn, notes, "kept", "b")
                try put(txn, notes, "kept", "a")
            }
            #expect(throws: Refused.self) {
                try environment.write { txn in
                    try put(txn, notes, "dropped", "x")
                    // The transaction sees its own write before it is thrown away.
                    #expect(try contains(txn.reader, notes, "dropped"))
                    throw Refused()
                }
            }
            try environment.read { txn in
                #expect(try !contains(txn, notes, "dropped"))
                #expect(try txn.entryCount(notes) == 2)
                let reopened = try #require(try txn.database(named: "notes"))
                #expect(reopened.isDupSort)
                var values: [String] = []
                try txn.withCursor(notes) { cursor in
                    try Array("kept".utf8).withUnsafeBytes { key in
                        try cursor.forEachDuplicate(of: key) { values.append(String(decoding: $0, as: UTF8.self)) }
                    }
                }
                #expect(values == ["a", "b"])
            }
            let deleted = try environment.write { txn in
                try Array("kept".utf8).withUnsafeBytes { key in
                    try Array("a".utf8).withUnsafeBytes { value in
                        (try txn.delete(notes, key: key, value: value), try txn.delete(notes, key: key, value: value))
                    }
                }
            }
            #expect(deleted == (true, false))
            #expect(try environment.read { try $0.entryCount(notes) } == 1)
        }
    }

    @Test("a failed call throws LMDBError with the C function, the status and liblmdb's text")
    func errorsNameTheFunction() throws {
        try withTemporaryDirectory { directory in
            let missing = directory.appendingPathComponent("missing.mdb").path
            let error = #expect(throws: LMDBError.self) { try LMDBEnvironment(readOnlyAt: missing, subdirectory: false) }
            #expect(error?.function == "mdb_env_open")
            #expect(error?.code == ENOENT)
            #expect(error?.message == String(cString: strerror(ENOENT)))
            #expect(error?.description == "mdb_env_open failed: \(String(cString: strerror(ENOENT))) (\(ENOENT))")

            let text = directory.appendingPathComponent("text.mdb")
            try Data(repeating: 0x41, count: 16384).write(to: text)
            let invalid = #expect(throws: LMDBError.self) { try LMDBEnvironment(readOnlyAt: text.path, subdirectory: false) }
            #expect(invalid?.kind == .notLMDB)
            #expect(invalid?.function == "mdb_env_open")

            let scratch = try LMDBEnvironment(writingAt: directory.appendingPathComponent("w.mdb").path, maxDatabases: 1, mapSize: 1 << 20)
            let emptyKey = #expect(throws: LMDBError.self) {
                try scratch.write { txn in
                    let notes = try txn.createDatabase(named: "notes", dupSort: false)
                    try [UInt8]().withUnsafeBytes { key in
                        try Array("v".utf8).withUnsafeBytes { value in try txn.put(notes, key: key, value: value) }
                    }
                }
            }
            #expect(emptyKey?.function == "mdb_put")
            #expect(emptyKey?.kind == .other)
        }
    }

    @Test("opening read-only creates no -lock file and leaves the directory as it was")
    func readOnlyOpenCreatesNoLock() throws {
        let fixture = try FixtureExpectation.load("retries_and_joins")
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("ckpt.mdb")
            try FileManager.default.copyItem(at: fixture.checkpoint, to: file)
            let environment = try LMDBEnvironment(readOnlyAt: file.path, subdirectory: false)
            let count = try environment.read { txn in try txn.entryCount(#require(try txn.database(named: "task_type"))) }
            #expect(count == fixture.records.count)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["ckpt.mdb"])
            // The read-only environment refuses a write transaction instead of writing.
            let refused = #expect(throws: LMDBError.self) { try environment.write { _ in } }
            #expect(refused?.function == "mdb_txn_begin")
            #expect(try Data(contentsOf: file) == Data(contentsOf: fixture.checkpoint))
        }
    }
}

/// One entry as `mdb_dump -p` prints it (the fixtures hold printable bytes only).
private struct Entry: Equatable, CustomStringConvertible {
    let key: String
    let value: String

    init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    init(_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) {
        self.init(key: String(decoding: key, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    var description: String { "\(key) -> \(value)" }
}

/// `mdb_dump -p -a -n` of a copy of a file, as entries per named database in dump order.
private struct MdbDump {
    var databases: [String: [Entry]] = [:]

    init(of file: URL) throws {
        let tool = "/usr/bin/mdb_dump"
        try #require(FileManager.default.isExecutableFile(atPath: tool), "mdb_dump (lmdb-utils) is needed as the oracle")
        let text = try withTemporaryDirectory { directory in
            // mdb_dump creates a -lock file beside what it opens: give it a copy.
            let copy = directory.appendingPathComponent(file.lastPathComponent)
            try FileManager.default.copyItem(at: file, to: copy)
            let result = try runProcess(URL(fileURLWithPath: tool), ["-p", "-a", "-n", copy.path])
            try #require(result.status == 0, "\(result)")
            return result.text
        }
        var name: String?
        var inData = false
        var pendingKey: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("database=") {
                name = String(line.dropFirst("database=".count))
            } else if line == "HEADER=END" {
                inData = true
            } else if line == "DATA=END" {
                inData = false
                name = nil
            } else if inData, let name, line.hasPrefix(" ") {
                let field = String(line.dropFirst())
                if let key = pendingKey {
                    databases[name, default: []].append(Entry(key: key, value: field))
                    pendingKey = nil
                } else {
                    pendingKey = field
                }
            }
        }
        for database in SubDatabase.allCases where databases[database.rawValue] == nil {
            // A database with no entries prints a header and no lines.
            if text.contains("database=\(database.rawValue)\n") { databases[database.rawValue] = [] }
        }
    }
}

private func put(_ txn: WriteTransaction, _ database: LMDBDatabase, _ key: String, _ value: String) throws {
    try Array(key.utf8).withUnsafeBytes { key in
        try Array(value.utf8).withUnsafeBytes { value in try txn.put(database, key: key, value: value) }
    }
}

private func contains(_ txn: ReadTransaction, _ database: LMDBDatabase, _ key: String) throws -> Bool {
    try Array(key.utf8).withUnsafeBytes { key in try txn.contains(database, key: key) }
}

import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `lineage stats` end to end: the lineage part against answers computed from the fixtures'
/// JSON, the LMDB part against `mdb_stat -a -f -e` (lmdb-utils), an independent reader.
@Suite("lineage stats")
struct StatsCommandTests {
    /// `mdb_stat -a -f -e` of a copy of `path` (mdb_stat writes a lock file beside what it
    /// reads), parsed: section ("Environment Info", "Freelist Status", "Main DB", a
    /// sub-database name) -> field -> number.
    static func mdbStat(_ path: String) throws -> [String: [String: UInt64]] {
        try withTemporaryDirectory { directory in
            let copy = directory.appendingPathComponent("copy.mdb")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: path), to: copy)
            let result = try CLI.exec("/usr/bin/env", ["mdb_stat", "-a", "-f", "-e", "-n", copy.path])
            try #require(result.status == 0, "mdb_stat (apt-get install lmdb-utils) failed: \(result)")
            var sections: [String: [String: UInt64]] = [:]
            var current = ""
            for line in result.text.lines {
                if !line.hasPrefix(" ") {
                    current = line.hasPrefix("Status of ") ? String(line.dropFirst("Status of ".count)) : line
                    continue
                }
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, let value = UInt64(parts[1].trimmingCharacters(in: .whitespaces)) else { continue }
                sections[current, default: [:]][parts[0].trimmingCharacters(in: .whitespaces)] = value
            }
            return sections
        }
    }

    @Test("the LMDB numbers equal mdb_stat -a -f -e's on every fixture", arguments: FixtureExpectation.names)
    func againstMdbStat(name: String) throws {
        let path = CLI.fixture(name)
        let expected = try Self.mdbStat(path)
        let result = try CLI.run(["stats", path, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let report = try #require(try result.json() as? [String: Any])
        let lmdb = try #require(report["lmdb"] as? [String: Any])
        func number(_ object: Any?) -> UInt64? { (object as? NSNumber)?.uint64Value }
        let environment = try #require(expected["Environment Info"])
        #expect(number(lmdb["page_size"]) == environment["Page size"])
        #expect(number(lmdb["map_size"]) == environment["Map size"])
        #expect(number(lmdb["last_txn"]) == environment["Last transaction ID"])
        #expect(number(lmdb["pages_used"]) == environment["Number of pages used"])
        #expect(number(lmdb["free_pages"]) == expected["Freelist Status"]?["Free pages"])
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
        #expect(number(lmdb["file_size"]) == size?.uint64Value)
        func expectTree(_ object: Any?, _ section: String) {
            let tree = object as? [String: Any] ?? [:]
            let fields = [
                ("depth", "Tree depth"), ("branch_pages", "Branch pages"), ("leaf_pages", "Leaf pages"),
                ("overflow_pages", "Overflow pages"), ("entries", "Entries"),
            ]
            for (key, label) in fields {
                #expect(number(tree[key]) == expected[section]?[label], "\(name) \(section) \(label)")
            }
        }
        expectTree(lmdb["free_list"], "Freelist Status")
        expectTree(lmdb["main"], "Main DB")
        let databases = try #require(lmdb["databases"] as? [String: Any])
        #expect(Set(databases.keys) == Set(SubDatabase.allCases.map(\.rawValue)))
        for name in databases.keys { expectTree(databases[name], name) }
    }

    @Test("the lineage numbers on every fixture: edges, types, stages, fan-out, fan-in, components", arguments: FixtureExpectation.names)
    func lineage(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let oracle = LineageOracle(fixture)
        let result = try CLI.run(["stats", "-c", fixture.path, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let report = try #require(try result.json() as? [String: Any])
        #expect(report["tasks"] as? Int == fixture.records.count)
        #expect(report["edges"] as? Int == fixture.edges.count)
        let stages = try #require(report["stages"] as? [[String: Any]])
        #expect(stages.map { $0["tasks"] as? Int } == oracle.stageRows.map(\.tasks))
        for (key, expected) in [("fan_out", oracle.distribution { $0.children.count }), ("fan_in", oracle.distribution { $0.parents.count })] {
            let shown = try #require(report[key] as? [String: Any])
            #expect(
                [shown["min"], shown["median"], shown["p99"], shown["max"]].map { $0 as? Int } == [
                    expected.min, expected.median, expected.p99, expected.max,
                ], "\(key)")
            let top = try #require(shown["top"] as? [[String: Any]])
            #expect(top.map { $0["udid"] as? String } == expected.top.map(\.0), "\(key)")
            #expect(top.map { $0["count"] as? Int } == expected.top.map(\.1), "\(key)")
        }
        let components = try #require(report["components"] as? [String: Any])
        #expect(components["count"] as? Int == oracle.componentSizes.count)
        #expect(components["largest"] as? Int == oracle.componentSizes.max())
    }

    @Test("text: the sections, with the numbers of the JSON report")
    func text() throws {
        let path = CLI.fixture("retries_and_joins")
        let result = try CLI.run(["stats", path])
        #expect(result.status == 0, "\(result)")
        let json = try #require(try CLI.run(["stats", path, "--format", "json"]).json() as? [String: Any])
        let lines = result.lines
        #expect(lines.contains("edges        \(json["edges"] as? Int ?? -1)"))
        let components = json["components"] as? [String: Int] ?? [:]
        #expect(lines.contains("components   \(components["count"] ?? -1) (largest: \(components["largest"] ?? -1) tasks)"))
        let lmdb = json["lmdb"] as? [String: Any] ?? [:]
        #expect(lines.contains("page size    \(lmdb["page_size"] as? Int ?? -1)"))
        #expect(lines.contains("free pages   \(lmdb["free_pages"] as? Int ?? -1)"))
        for name in SubDatabase.allCases.map(\.rawValue) + ["(free)", "(main)"] {
            #expect(lines.contains { $0.hasPrefix(name + " ") }, "\(name)")
        }
        #expect(lines.contains("top fan-in (parents)"))
        let top = try CLI.run(["stats", path, "--top", "1"])
        #expect(top.lines.filter { $0.hasPrefix("  ") }.count == 2)
        #expect(try CLI.run(["stats", path, "--top", "-2"]).status == 64)
    }
}

/// `status` and `stats` JSON against Docs/status.schema.json and Docs/stats.schema.json,
/// checked with Python's jsonschema as the verify report is (`ReportSchemaTests`).
@Suite("status and stats reports: JSON Schema")
struct StatusStatsSchemaTests {
    /// Validates every document against `Docs/<schema>`; returns `label -> valid`.
    static func validate(schema: String, _ documents: [(label: String, json: Data)]) throws -> [String: Bool] {
        try ReportSchemaTests.validate(schema: schema, documents).mapValues { $0 == nil }
    }

    @Test("the schemas accept the reports on every fixture", arguments: ["status", "stats"])
    func fixtures(command: String) throws {
        var documents: [(label: String, json: Data)] = []
        for name in CLI.fixtureNames {
            let result = try CLI.run([command, CLI.fixture(name), "--format", "json"])
            #expect(result.status == 0, "\(result)")
            documents.append((name, result.stdout))
        }
        for (label, valid) in try Self.validate(schema: "\(command).schema.json", documents) {
            #expect(valid, "\(command) on \(label)")
        }
    }

    @Test("the schemas reject a report missing a required field or with a wrong type", arguments: ["status", "stats"])
    func rejects(command: String) throws {
        let result = try CLI.run([command, CLI.fixture("partial_completion"), "--format", "json"])
        var object = try #require(try result.json() as? [String: Any])
        object["stages"] = nil
        let missing = try JSONSerialization.data(withJSONObject: object)
        object = try #require(try result.json() as? [String: Any])
        object["tasks"] = "nine"
        let wrongType = try JSONSerialization.data(withJSONObject: object)
        let outcome = try Self.validate(
            schema: "\(command).schema.json", [("missing", missing), ("wrong type", wrongType), ("as printed", result.stdout)])
        #expect(outcome == ["missing": false, "wrong type": false, "as printed": true])
    }
}

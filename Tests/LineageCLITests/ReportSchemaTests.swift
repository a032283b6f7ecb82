import Foundation
import LineageTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `lineage verify --format json` against Docs/verify-report.schema.json, and the shape of
/// the JUnit report. The schema is checked with Python's `jsonschema` (CI installs it with
/// `pip install jsonschema`); when it is missing these tests fail, they never skip.
@Suite("verify reports: JSON Schema and JUnit")
struct ReportSchemaTests {
    static let schema = CLI.packageRoot.appendingPathComponent("Docs/verify-report.schema.json")

    static let checkIDs = [
        "structure", "schema", "key-format", "type-values", "edge-symmetry", "dangling", "type-consistency",
        "self-loop", "acyclic", "completed-values", "completed-known", "completed-closure",
    ]

    // MARK: Damaged copies of four_stage.mdb

    /// The first 40,000 of its 69,632 bytes: the meta pages say 17 pages, the file holds 9.
    static func truncatedCopy(in directory: URL) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("four_stage")))
        let url = directory.appendingPathComponent("truncated.mdb")
        try data.prefix(40_000).write(to: url)
        return url.path
    }

    /// The live task_type copy of the leaf's udid key (its last occurrence in the file) with
    /// its first digit turned into `f`: the keys on that page are out of order.
    static func byteFlippedCopy(in directory: URL) throws -> String {
        var data = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("four_stage")))
        let key = Data("5e3e6bbf1900f330afb3cc0ab7dac194".utf8)
        let range = try #require(data.range(of: key, options: .backwards), "the leaf's udid is not in four_stage.mdb")
        data[range.lowerBound] = UInt8(ascii: "f")
        let url = directory.appendingPathComponent("flipped.mdb")
        try data.write(to: url)
        return url.path
    }

    /// The last stored `middle` value turned into `muddle`: sound structure, type-values fails.
    static func badTypeCopy(in directory: URL) throws -> String {
        var data = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("four_stage")))
        let range = try #require(data.range(of: Data("middle".utf8), options: .backwards))
        data.replaceSubrange(range, with: Data("muddle".utf8))
        let url = directory.appendingPathComponent("bad_type.mdb")
        try data.write(to: url)
        return url.path
    }

    // MARK: Validation through python3 + jsonschema

    static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        bad = 0
        for path in sys.argv[2:]:
            try:
                document = json.load(open(path))
            except ValueError as error:
                print(path + "\\tnot JSON: " + str(error)); bad += 1; continue
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
            if errors:
                bad += 1
                print(path + "\\t" + "; ".join("%s at %s" % (e.message[:300], "/".join(map(str, e.absolute_path))) for e in errors[:5]))
            else:
                print(path + "\\tvalid")
        sys.exit(1 if bad else 0)
        """

    /// Validates every document against `Docs/<schema>` (verify's report schema by default);
    /// returns `label -> nil (valid) or the errors`.
    static func validate(schema name: String = "verify-report.schema.json", _ documents: [(label: String, json: Data)]) throws -> [String: String?] {
        let schema = CLI.packageRoot.appendingPathComponent("Docs/\(name)")
        return try withTemporaryDirectory { directory in
            var files: [String: String] = [:]
            for (index, document) in documents.enumerated() {
                let file = directory.appendingPathComponent("report-\(index).json")
                try document.json.write(to: file)
                files[file.path] = document.label
            }
            let result = try CLI.exec("/usr/bin/env", ["python3", "-c", validator, schema.path] + files.keys.sorted())
            try #require(
                result.status != 127,
                "python3 is not installed; the verify report tests need python3 with jsonschema (apt-get install python3 python3-pip; pip install jsonschema)"
            )
            try #require(
                result.status != 3,
                "the Python module jsonschema is missing; run `pip install jsonschema` (CI's .ci/run installs it)")
            try #require(result.status == 0 || result.status == 1, "the schema validator crashed: \(result)")
            var outcome: [String: String?] = [:]
            for line in result.text.lines {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                guard parts.count == 2, let label = files[parts[0]] else { continue }
                outcome[label] = parts[1] == "valid" ? String?.none : parts[1]
            }
            try #require(outcome.count == documents.count, "the validator did not report on every document: \(result)")
            return outcome
        }
    }

    static func expectValid(_ documents: [(label: String, json: Data)]) throws {
        for (label, errors) in try validate(documents) {
            #expect(errors == nil, "\(label) does not match Docs/verify-report.schema.json: \(errors ?? "")")
        }
    }

    // MARK: JSON reports

    @Test("the schema accepts verify --format json for every fixture")
    func fixtures() throws {
        var documents: [(label: String, json: Data)] = []
        for name in CLI.fixtureNames {
            let result = try CLI.run(["verify", "--format", "jsonl", CLI.fixture(name)])
            #expect(result.status == 0, "\(result)")
            documents.append((name, result.stdout))
        }
        try Self.expectValid(documents)
    }

    @Test("the schema accepts the reports on damaged, logically broken, empty and missing files")
    func damaged() throws {
        try withTemporaryDirectory { directory in
            let empty = directory.appendingPathComponent("empty.mdb")
            try Data().write(to: empty)
            let cases: [(label: String, path: String, status: Int32)] = [
                ("truncated", try Self.truncatedCopy(in: directory), 2),
                ("byte-flipped", try Self.byteFlippedCopy(in: directory), 2),
                ("bad type value", try Self.badTypeCopy(in: directory), 1),
                ("empty", empty.path, 2),
                ("missing", directory.appendingPathComponent("missing.mdb").path, 2),
                ("directory without data.mdb", directory.path, 2),
            ]
            var documents: [(label: String, json: Data)] = []
            for (label, path, status) in cases {
                let result = try CLI.run(["verify", "--format", "jsonl", path])
                #expect(result.status == status, "\(label): \(result)")
                let object = try #require(try result.json() as? [String: Any], "\(label): \(result)")
                #expect(object["ok"] as? Bool == false, "\(label)")
                #expect(object["checkpoint"] as? String == path, "\(label)")
                documents.append((label, result.stdout))
            }
            try Self.expectValid(documents)

            // The damaged files carry the structure failure and eleven checks not run;
            // the missing file is the unreadable form.
            let flipped = try #require(try CLI.run(["verify", "--format", "jsonl", try Self.byteFlippedCopy(in: directory)]).json() as? [String: Any])
            let checks = try #require(flipped["checks"] as? [[String: Any]])
            #expect(checks.map { $0["id"] as? String } == Self.checkIDs)
            #expect(checks.first?["status"] as? String == "failed")
            #expect(checks.dropFirst().allSatisfy { $0["status"] as? String == "not_run" })
            // A structure example: the kind of damage as its code, the location in its own fields.
            let damage = try #require((checks.first?["examples"] as? [[String: Any]])?.first)
            #expect(damage["code"] as? String == "key-order", "\(damage)")
            #expect(damage["database"] as? String == "task_type", "\(damage)")
            #expect((damage["message"] as? String)?.hasPrefix("[") == false, "the code is not repeated in the message: \(damage)")
            let missing = try #require(try CLI.run(["verify", "--format", "jsonl", cases[4].path]).json() as? [String: Any])
            #expect(missing["error"] is String)
            #expect((missing["checks"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("several paths give JSON Lines, each line a report the schema accepts; the exit code is the worst")
    func severalPaths() throws {
        try withTemporaryDirectory { directory in
            let paths = [
                CLI.fixture("four_stage"), CLI.fixture("partial_completion"),
                try Self.badTypeCopy(in: directory), try Self.truncatedCopy(in: directory),
                directory.appendingPathComponent("missing.mdb").path,
            ]
            let result = try CLI.run(["verify", "--format", "jsonl"] + paths)
            #expect(result.status == 2, "\(result)")
            let array = try result.jsonLines()
            #expect(array.map { $0["checkpoint"] as? String } == paths)
            #expect(array.map { $0["ok"] as? Bool } == [true, true, false, false, false])
            try Self.expectValid(result.text.lines.enumerated().map { ("line \($0.offset + 1)", Data($0.element.utf8)) })

            let sound = try CLI.run(["verify", "--format", "jsonl", CLI.fixture("four_stage"), CLI.fixture("killed_midrun")])
            #expect(sound.status == 0, "\(sound)")
            #expect(sound.text.lines.count == 2)
            try Self.expectValid(sound.text.lines.enumerated().map { ("sound path \($0.offset + 1)", Data($0.element.utf8)) })

            // One path: one JSON document on one line.
            let one = try CLI.run(["verify", "--format", "jsonl", CLI.fixture("four_stage")])
            #expect(one.text.lines.count == 1 && one.text.hasSuffix("}\n"), "\(one)")
        }
    }

    @Test("the schema is not vacuous: it rejects reports that break its rules")
    func rejects() throws {
        let result = try CLI.run(["verify", "--format", "jsonl", CLI.fixture("four_stage")])
        let good = String(decoding: result.stdout, as: UTF8.self)
        func mutated(_ from: String, _ to: String) -> Data {
            Data(good.replacingOccurrences(of: from, with: to).utf8)
        }
        let outcome = try Self.validate([
            ("good", result.stdout),
            ("unknown check id", mutated("\"id\": \"acyclic\"", "\"id\": \"acyclicity\"")),
            (
                "passed but passed:false",
                mutated(
                    "\"status\": \"passed\", \"passed\": true, \"violations\": 0, \"examples\": [], \"note\": null}, {\"id\": \"schema\"",
                    "\"status\": \"passed\", \"passed\": false, \"violations\": 0, \"examples\": [], \"note\": null}, {\"id\": \"schema\"")
            ),
            (
                "ok with a failed check",
                mutated(
                    "{\"id\": \"dangling\", \"status\": \"passed\", \"passed\": true, \"violations\": 0",
                    "{\"id\": \"dangling\", \"status\": \"failed\", \"passed\": false, \"violations\": 3")
            ),
            ("schema_version 3", mutated("\"schema_version\": 4", "\"schema_version\": 3")),
            ("a verdict that is no verdict", mutated("\"verdict\": \"OK\"", "\"verdict\": \"FINE\"")),
            ("no exit_code", mutated("\"exit_code\": 0, ", "")),
            ("a DAG report without kind", mutated("\"kind\": \"dag\", ", "")),
            ("a DAG report of kind curator", mutated("\"kind\": \"dag\"", "\"kind\": \"curator\"")),
            ("a single report in an array", Data("[\(good)]".utf8)),
        ])
        #expect(outcome["good"] == .some(nil), "the fixture's report should be valid")
        for (label, errors) in outcome where label != "good" {
            #expect(errors != nil, "the schema accepted a broken report: \(label)")
        }
    }

    @Test("an example carries its code apart from its message; the schema rejects a malformed code")
    func exampleCode() throws {
        try withTemporaryDirectory { directory in
            let result = try CLI.run(["verify", "--format", "jsonl", try Self.badTypeCopy(in: directory)])
            #expect(result.status == 1, "\(result)")
            let object = try #require(try result.json() as? [String: Any])
            let checks = try #require(object["checks"] as? [[String: Any]])
            let typeValues = try #require(checks.first { $0["id"] as? String == "type-values" })
            let example = try #require((typeValues["examples"] as? [[String: Any]])?.first)
            #expect(example["code"] as? String == "bad-type-value")
            #expect(example["database"] as? String == "task_type")
            let message = try #require(example["message"] as? String)
            #expect(message.hasSuffix("has task_type \"muddle\", not one of source, middle, leaf, source_leaf"), "\(message)")
            #expect(!message.contains("[task_type]"))

            let good = String(decoding: result.stdout, as: UTF8.self)
            let outcome = try Self.validate([
                ("with code", result.stdout),
                ("code not a string", Data(good.replacingOccurrences(of: "\"code\": \"bad-type-value\"", with: "\"code\": 7").utf8)),
                ("code with spaces", Data(good.replacingOccurrences(of: "\"code\": \"bad-type-value\"", with: "\"code\": \"bad type\"").utf8)),
            ])
            #expect(outcome["with code"] == .some(nil), "\(outcome)")
            #expect(outcome["code not a string"] != .some(nil))
            #expect(outcome["code with spaces"] != .some(nil))
        }
    }

    // MARK: JUnit

    #if canImport(FoundationXML)
        /// testsuite name -> [(testcase name, child element names)].
        static func junitCases(_ data: Data) throws -> [String: [(name: String, children: [String])]] {
            let document = try XMLDocument(data: data, options: [])
            let root = try #require(document.rootElement())
            #expect(root.name == "testsuites")
            var suites: [String: [(name: String, children: [String])]] = [:]
            for suite in root.elements(forName: "testsuite") {
                let name = try #require(suite.attribute(forName: "name")?.stringValue)
                suites[name] = suite.elements(forName: "testcase").map { testcase in
                    (testcase.attribute(forName: "name")?.stringValue ?? "", (testcase.children ?? []).compactMap { ($0 as? XMLElement)?.name })
                }
                let tests = suite.attribute(forName: "tests")?.stringValue
                #expect(tests == String(suites[name]?.count ?? -1), "\(name): tests=\(tests ?? "nil")")
            }
            return suites
        }
    #endif

    @Test("JUnit (--format junit and --junit FILE): one testcase per check id, a <failure> for a failing check")
    func junit() throws {
        #if canImport(FoundationXML)
            try withTemporaryDirectory { directory in
                let sound = CLI.fixture("four_stage")
                let badType = try Self.badTypeCopy(in: directory)
                let truncated = try Self.truncatedCopy(in: directory)
                let file = directory.appendingPathComponent("report.xml")

                let stdout = try CLI.run(["verify", "--format", "junit", sound, badType])
                #expect(stdout.status == 1, "\(stdout)")
                let text = try CLI.run(["verify", "--junit", file.path, sound, badType, truncated])
                #expect(text.status == 2, "\(text)")
                #expect(text.text.contains("verdict: FAILED"), "--junit keeps the text report on stdout")
                let written = try Data(contentsOf: file)

                for (label, data, paths) in [
                    ("--format junit", stdout.stdout, [sound, badType]), ("--junit FILE", written, [sound, badType, truncated]),
                ] {
                    let suites = try Self.junitCases(data)
                    #expect(suites.count == paths.count, "\(label)")
                    for path in paths {
                        let cases = try #require(suites["lineage verify \(path)"], "\(label): no testsuite for \(path)")
                        #expect(cases.map(\.name) == Self.checkIDs, "\(label) \(path)")
                    }
                    let soundCases = suites["lineage verify \(sound)"] ?? []
                    #expect(soundCases.allSatisfy { $0.children.isEmpty }, "\(label): a sound checkpoint's test cases are empty (passed)")
                    let failing = suites["lineage verify \(badType)"] ?? []
                    for testcase in failing {
                        #expect(testcase.children == (testcase.name == "type-values" ? ["failure"] : []), "\(label) \(testcase.name)")
                    }
                }

                // The damaged file: structure fails, the other checks are skipped.
                let damaged = try Self.junitCases(written)["lineage verify \(truncated)"] ?? []
                #expect(damaged.first?.children == ["failure"])
                #expect(damaged.dropFirst().allSatisfy { $0.children == ["skipped"] })

                // A path that cannot be opened is one test case "open" with an <error>.
                let missing = directory.appendingPathComponent("missing.mdb").path
                let unreadable = try CLI.run(["verify", "--format", "junit", missing])
                #expect(unreadable.status == 2, "\(unreadable)")
                let cases = try Self.junitCases(unreadable.stdout)["lineage verify \(missing)"] ?? []
                #expect(cases.map(\.name) == ["open"])
                #expect(cases.first?.children == ["error"])
            }
        #else
            Issue.record("FoundationXML is not available to parse the JUnit output")
        #endif
    }
}

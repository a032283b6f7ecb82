import Foundation
import LineageTestSupport
import Testing

@testable import LineageKit

@Suite("Finding phrasing")
struct FindingPhrasingTests {
    static let a = UDID(lineagePath: "0")
    static let b = UDID(lineagePath: "0_0")
    static let hostile: [UInt8] = Array("x\"\n\\".utf8) + [0xff]
    static let structure = StructureFinding(kind: .keyOrder, database: "task_type", page: 13, detail: .branchKeysOutOfOrder(node: 3))

    /// One finding per problem kind, each with a location, and a word its phrase must hold.
    /// The switch has no default: a new kind does not compile until it is listed here.
    static func sample(_ problem: Finding.Problem) -> (check: CheckID, database: String, word: String) {
        switch problem {
        case .structure: return (.structure, "task_type", "keys of the branch page are out of order at node 3")
        case .mainDBFlags: return (.structure, "(main)", "flags 0x8")
        case .missingSubDatabase: return (.schema, "completed", "is missing")
        case .wrongFlags: return (.schema, "in_edges", "expected 0x4 (MDB_DUPSORT)")
        case .badKey: return (.keyFormat, "out_edges", "key \"x\\\"\\n\\\\\\u00ff\"")
        case .badEdgeValue: return (.keyFormat, "in_edges", "under \(a)")
        case .badTypeValue: return (.typeValues, "task_type", "x\"\\x0a\\\\\\xff has task_type \"muddle\"")
        case .edgeOnlyIn: return (.edgeSymmetry, "out_edges", "is in out_edges but not in in_edges")
        case .dangling: return (.dangling, "in_edges", "\(a) appears in an edge")
        case .typeMismatch: return (.typeConsistency, "task_type", "stored as leaf but has no parents and has children (expected source)")
        case .selfLoop: return (.selfLoop, "out_edges", "\(a) has an edge to itself")
        case .cycle: return (.acyclic, "out_edges", "cycle of 2 tasks: \(a) -> \(b) -> \(a)")
        case .completedValue: return (.completedValues, "completed", "has completed value \"yes\", not \"1\"")
        case .completedUnknown: return (.completedKnown, "completed", "\(a) is completed but has no task_type entry")
        case .closure: return (.completedClosure, "out_edges", "\(a) is completed but its child \(b) is not")
        case .unreadable: return (.writerStructure, "completed_sources", "cannot be read: too short")
        case .unexpectedSubDatabase: return (.writerSchema, "(main)", "names the sub-database \"notes\"")
        case .writerFlags: return (.writerSchema, "completed_sources", "has flags 0x4 (MDB_DUPSORT), expected 0")
        case .keyNotUTF8: return (.sourceKeys, "completed_sources", "source id \"x\\\"\\n\\\\\\u00ff\" is not valid UTF-8: the pipeline's key.decode() raises on it, so its resumed start fails on this writer file")
        case .keyControlCharacter: return (.sourceKeys, "completed_sources", "holds a control character")
        case .sourceValue: return (.sourceValues, "completed_sources", "has value \"2\", not \"1\"")
        case .runMissing: return (.slurmRun, "run.json", "missing, yet 2 completion manifests exist")
        case .notObject: return (.slurmManifests, "m.json", "not a JSON object")
        case .notInteger: return (.slurmRun, "run.json", "total_shards is missing or not an integer")
        case .runRange: return (.slurmRun, "run.json", "total_shards must be > 0")
        case .status: return (.slurmManifests, "m.json", "status is \"failed\", not \"completed\"")
        case .identity: return (.slurmManifests, "m.json", "total_shards is 7 but run.json says 6")
        case .shardRange: return (.slurmManifests, "m.json", "outside the run's shards 0..5")
        case .nameDigest: return (.slurmManifests, "m.json", "which names it completed_slurm_array_0")
        }
    }

    static let problems: [Finding.Problem] = [
        .structure(structure), .mainDBFlags(8), .missingSubDatabase(.completed), .wrongFlags(.inEdges, flags: 0, expected: 4),
        .badKey(.outEdges, key: hostile), .badEdgeValue(.inEdges, key: a, value: hostile), .badTypeValue(key: hostile, value: Array("muddle".utf8)),
        .edgeOnlyIn(.outEdges, parent: a, child: b), .dangling(a),
        .typeMismatch(a, stored: .leaf, expected: .source, hasParents: false, hasChildren: true), .selfLoop(.outEdges, a), .cycle([a, b]),
        .completedValue(key: Array(a.string.utf8), value: Array("yes".utf8)), .completedUnknown(a), .closure(parent: a, child: b),
        .unreadable("too short"), .unexpectedSubDatabase("notes"), .writerFlags(4), .keyNotUTF8(hostile), .keyControlCharacter([0x61, 0x01]),
        .sourceValue(key: [0x61], value: Array("2".utf8)), .runMissing(manifests: 2), .notObject, .notInteger(field: "total_shards"),
        .runRange(minimumShardIndex: -1, totalShards: 0), .status("failed"), .identity(field: "total_shards", manifest: 7, run: 6),
        .shardRange(shard: 9, minimumShardIndex: 0, totalShards: 6), .nameDigest(expected: "completed_slurm_array_0"),
    ]

    /// The report's checks: the DAG file's, or a Curator checkpoint's for its problems.
    static func checkIDs(_ problem: Finding.Problem) -> [CheckID] {
        Verifier.checkIDs.contains(sample(problem).check) ? Verifier.checkIDs : CuratorAudit.checkIDs
    }

    static func report(_ problem: Finding.Problem) -> VerifyReport {
        let sample = sample(problem)
        let finding = Finding(check: sample.check, problem: problem, database: sample.database, page: 13)
        let checks = checkIDs(problem).map { id in
            id == sample.check ? CheckResult(id: id, status: .failed, violations: 1, examples: [finding]) : CheckResult(id: id, status: .passed)
        }
        return VerifyReport(checkpoint: "x.mdb", subject: .dag(.init(tasks: 2, edges: 1, completed: 0)), checks: checks)
    }

    @Test("the text report phrases every problem kind on one line, its location once", arguments: problems)
    func text(_ problem: Finding.Problem) throws {
        let sample = Self.sample(problem)
        let lines = TextRenderer.audit(Self.report(problem)).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 + Self.checkIDs(problem).count + 1)
        let line = try #require(lines.first { $0.hasPrefix("          - ") }.map(String.init))
        let code = problem.isStructural ? "[\(problem.code)] " : ""
        #expect(problem.isStructural == (sample.check == .structure), "only the structure check's findings show their code")
        #expect(line.hasPrefix("          - [\(sample.database), page 13] \(code)"), "\(line)")
        #expect(line.contains(sample.word), "\(line)")
        #expect(line.components(separatedBy: "page 13").count == 2, "the page is shown once: \(line)")
        let phrase = FindingPhrasing.describe(problem)
        #expect(!phrase.contains("page 13"))
        #expect(phrase.allSatisfy { !$0.isNewline && ($0.asciiValue.map { $0 >= 0x20 && $0 < 0x7f } ?? false) }, "\(phrase)")
        // A problem about one sub-database leaves its name to the location.
        switch problem {
        case .missingSubDatabase(let name), .wrongFlags(let name, _, _), .badKey(let name, _), .badEdgeValue(let name, _, _), .selfLoop(let name, _):
            #expect(!phrase.contains(name.rawValue), "\(phrase)")
        default: break
        }
    }

    @Test("the JSON example holds the phrase without the location, the page, the database and the code", arguments: problems)
    func json(_ problem: Finding.Problem) throws {
        let sample = Self.sample(problem)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONRenderer.audit(Self.report(problem), exitCode: 1).utf8)) as? [String: Any])
        let checks = try #require(object["checks"] as? [[String: Any]])
        let check = try #require(checks.first { $0["id"] as? String == sample.check.rawValue })
        let example = try #require((check["examples"] as? [[String: Any]])?.first)
        #expect(example["message"] as? String == FindingPhrasing.describe(problem))
        #expect(example["page"] as? Int == 13)
        #expect(example["database"] as? String == sample.database)
        #expect(example["code"] as? String == problem.code)
    }

    @Test("the JUnit failure shows each example as the text report does")
    func junit() {
        let problem = Finding.Problem.selfLoop(.outEdges, Self.a)
        let xml = JUnitRenderer.render([VerifyEntry(outcome: .report(Self.report(problem)), message: nil, exitCode: 1)], suiteName: "lineage verify")
        #expect(xml.contains(">[out_edges, page 13] \(Self.a) has an edge to itself</failure>"), "\(xml)")
    }

    @Test(
        "notes are phrased as before",
        arguments: [
            (CheckNote.missing([.taskType, .inEdges]), "needs `task_type` and `in_edges`, which are missing"),
            (.structureDamaged, "the file's structure is damaged, so the entries it holds cannot be trusted"),
            (.notLMDB, "the file is not a readable LMDB environment"),
            (.extraSubDatabases(["notes", "a\"b"]), "extra sub-databases (suspicious, not fatal): \"notes\", \"a\\\"b\""),
        ])
    func notes(_ note: CheckNote, _ expected: String) {
        #expect(FindingPhrasing.describe(note) == expected)
    }
}

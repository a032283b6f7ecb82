import Testing

@testable import LineageKit

@Suite("Structure finding phrases")
struct StructurePhrasingTests {
    /// Whether `text` names page `page` as a whole number (not `page 130` for page 13).
    static func names(_ text: String, page: UInt64) -> Bool {
        var rest = Substring(text)
        let needle = "page \(page)"
        while let range = rest.range(of: needle) {
            let after = rest[range.upperBound...]
            if after.first.map({ !$0.isNumber }) ?? true { return true }
            rest = after
        }
        return false
    }

    @Test("a phrase leaves out the finding's database and its own page", arguments: HandDamage.allCases)
    func phraseLeavesOutTheLocation(_ damage: HandDamage) throws {
        let (bytes, _) = try damage.make()
        let (_, report) = try walkDamaged(bytes)
        #expect(!report.findings.isEmpty)
        for finding in report.findings {
            let phrase = StructurePhrasing.describe(finding)
            if let database = finding.database {
                #expect(!phrase.hasPrefix(database), "\(phrase)")
                #expect(!phrase.contains(database + ":"), "\(phrase)")
            }
            if let page = finding.page {
                #expect(!Self.names(phrase, page: page), "\(phrase)")
            }
            // The located line shows both, once, in front.
            let located = StructurePhrasing.located(finding)
            #expect(located.hasSuffix(phrase))
            if let database = finding.database { #expect(located.hasPrefix(database)) }
            if let page = finding.page { #expect(Self.names(located, page: page)) }
        }
    }

    @Test func pagesOtherThanTheFindingsOwnStayInThePhrase() {
        let finding = StructureFinding(
            kind: .overflowRange, database: "blobs", page: 7, detail: .notOverflowPage(leaf: 5))
        #expect(
            StructurePhrasing.describe(finding)
                == "the page, referenced as an overflow run from leaf page 5, is not an overflow page")
        #expect(finding.description == "[overflow-range] blobs, page 7: " + StructurePhrasing.describe(finding))
    }

    @Test func rawKeyBytesAreEscaped() {
        let finding = StructureFinding(
            kind: .subdbRecord, database: StructureWalker.mainName, page: 3,
            detail: .subDatabaseRecordSize(name: [0x61, 0x0a, 0xff, 0x5c], size: 12))
        #expect(StructurePhrasing.describe(finding) == "the record of sub-database \"a\\x0a\\xff\\\\\" is 12 bytes, not 48")
    }
}

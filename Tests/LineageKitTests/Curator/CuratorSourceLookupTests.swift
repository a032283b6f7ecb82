import LineageKit
import Testing

@Suite("Curator source ids looked up by the id or a prefix")
struct CuratorSourceLookupTests {
    /// Ids of every kind the pipeline writes, sorted in byte order as a checkpoint's union is.
    static let lookup = CuratorSourceLookup(
        holders: [
            ("0", ["a.mdb"]), ("1", ["a.mdb", "b.mdb"]), ("19cb2f08672c", ["a.mdb"]), ("19cb77000000", ["b.mdb"]),
            ("19cc00000000", ["b.mdb"]), ("ead520a8e8d8", ["a.mdb", "b.mdb"]), ("r0123456789abcdef0123456789abcdef", ["b.mdb"]),
            ("user_id", ["a.mdb"]),
        ].sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) })

    static func answer(_ text: String) -> String {
        switch lookup.match(CuratorSourceQuery(text)!, limit: 1) {
        case .unique(let source, let writers): "\(source) \(writers.joined(separator: ","))"
        case .none: "none"
        case .several(let candidates, let more): "several \(candidates.joined(separator: ",")) +\(more)"
        }
    }

    @Test("the id spelled exactly, or a unique prefix of 4 to 12 hex digits in any case")
    func unique() {
        #expect(Self.answer("19cb2f08672c") == "19cb2f08672c a.mdb")
        #expect(Self.answer("19CB2F") == "19cb2f08672c a.mdb")
        #expect(Self.answer("EAD5") == "ead520a8e8d8 a.mdb,b.mdb")
        #expect(Self.answer("19cc") == "19cc00000000 b.mdb")
        // Positional, random and user-defined ids are found as written, never as prefixes.
        #expect(Self.answer("1") == "1 a.mdb,b.mdb")
        #expect(Self.answer("r0123456789abcdef0123456789abcdef") == "r0123456789abcdef0123456789abcdef b.mdb")
        #expect(Self.answer("user_id") == "user_id a.mdb")
    }

    @Test("an ambiguous prefix lists the first candidates and counts the rest; a prefix that matches nothing is none")
    func ambiguousAndNone() {
        #expect(Self.answer("19cb") == "several 19cb2f08672c +1")
        #expect(Self.answer("19c") == "none", "3 digits are no prefix")
        #expect(Self.answer("r012") == "none", "r is not a hex digit")
        #expect(Self.answer("USER_ID") == "none", "a non-hex id is matched exactly")
        #expect(Self.answer("ffff") == "none")
        #expect(Self.answer("ead520a8e8d80") == "none", "13 digits are no prefix")
    }

    @Test("only a query for a whole id may say what a rerun does")
    func wholeID() {
        #expect(CuratorSourceQuery("ead520a8e8d8")!.isWholeID)
        #expect(CuratorSourceQuery("EAD520A8E8D8")!.id == "ead520a8e8d8")
        #expect(!CuratorSourceQuery("ead5")!.isWholeID)
        #expect(CuratorSourceQuery("user_id")!.isWholeID)
        #expect(CuratorSourceQuery("") == nil)
    }
}

/// A source id as a user types it. Ids are any UTF-8 text (12 hex digits for file groups,
/// decimal positions, `r` + 32 hex digits, user-defined), so the query first names the
/// id spelled exactly so; 4 to 11 hex digits in any case, or 12 in uppercase, are also a
/// prefix of the lowercase ids the pipeline writes (the same rule as a udid prefix).
public struct CuratorSourceQuery: Sendable, Equatable, CustomStringConvertible {
    /// The query as given.
    public let text: String
    /// The lowercase hex digits when the query can be a prefix.
    public let prefix: String?

    /// The fewest digits a prefix may have.
    public static let minimumDigits = 4

    /// `nil` for an empty query.
    public init?(_ text: String) {
        guard !text.isEmpty else { return nil }
        self.text = text
        let lower = text.lowercased()
        let isHex = lower.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        prefix = isHex && (Self.minimumDigits...CuratorSourceID.digits).contains(lower.utf8.count) ? lower : nil
    }

    /// True when the query names one whole id (not a prefix of fewer than 12 hex digits):
    /// if no writer holds it, a rerun runs that source.
    public var isWholeID: Bool { prefix.map { $0.utf8.count == CuratorSourceID.digits } ?? true }

    /// The id to name in answers: the lowercase digits of a hex query, else the text.
    public var id: String { prefix ?? text }

    public var description: String { text }
}

/// The completed ids of a Curator checkpoint with the writers holding each, sorted, for
/// looking ids up by prefix. Cost: one entry per distinct completed id.
public struct CuratorSourceLookup: Sendable {
    /// Every completed id (byte order) with the writer files holding it.
    public let holders: [(source: String, writers: [String])]

    /// The lookup of `checkpoint`'s union.
    public init(_ checkpoint: CuratorCheckpoint) { holders = checkpoint.holders }

    /// A lookup over `holders`, which must be sorted by id in byte order.
    package init(holders: [(source: String, writers: [String])]) { self.holders = holders }

    /// What a prefix names.
    public enum Match: Sendable {
        /// Exactly one completed id starts with it.
        case unique(source: String, writers: [String])
        /// None does.
        case none
        /// Several do: the first `candidates` (at most `limit`), and how many more.
        case several(candidates: [String], more: Int)
    }

    /// The completed id `query` names: the id spelled exactly so, else the ids starting
    /// with its prefix (one, none, or several: the first `limit` listed). Cost: a few
    /// binary searches and the candidates listed.
    public func match(_ query: CuratorSourceQuery, limit: Int = 20) -> Match {
        let exact = Array(query.text.utf8)
        let at = lowerBound { !$0.utf8.lexicographicallyPrecedes(exact) }
        if at < holders.count, holders[at].source.utf8.elementsEqual(exact) {
            return .unique(source: holders[at].source, writers: holders[at].writers)
        }
        guard let prefix = query.prefix else { return .none }
        let wanted = Array(prefix.utf8)
        let first = lowerBound { !$0.utf8.lexicographicallyPrecedes(wanted) }
        let end = lowerBound { !$0.utf8.starts(with: wanted) && !$0.utf8.lexicographicallyPrecedes(wanted) }
        switch end - first {
        case 0: return .none
        case 1: return .unique(source: holders[first].source, writers: holders[first].writers)
        default:
            let listed = min(end - first, limit)
            return .several(candidates: holders[first..<first + listed].map(\.source), more: end - first - listed)
        }
    }

    /// The first index whose id satisfies `isAtOrAfter` (which must be false, then true,
    /// along the sorted ids).
    private func lowerBound(_ isAtOrAfter: (String) -> Bool) -> Int {
        var (low, high) = (0, holders.count)
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(holders[middle].source) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

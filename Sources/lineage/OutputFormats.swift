import ArgumentParser
import LineageKit

/// The formats of the commands that list rows (`edges`, `types`).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl, json

    /// The row layout for the next row; `first` tells a JSON array whether a comma is due.
    func rows(first: Bool) -> Rows.Format {
        switch self {
        case .text: return .text
        case .jsonl: return .jsonLines
        case .json: return .jsonArray(first: first)
        }
    }
}

/// The formats of the commands that print one report (`status`, `stats`).
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

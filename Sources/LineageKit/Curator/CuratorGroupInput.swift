/// File groups read line by line, as the user lists the inputs of a rerun: JSON Lines of
/// path arrays (`groups`, the pipeline reader's grouping) or one path per line (`files`,
/// each its own group). Blank lines are skipped; anything else that is not a group is an
/// error naming the line.
public struct CuratorGroupInput: Sendable {
    /// How lines spell groups.
    public enum Form: Sendable, Equatable {
        /// One JSON array of path strings per line.
        case groups
        /// One path per line, each its own group.
        case files
    }

    /// A line that is not a group.
    public struct LineError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The input's name as the user gave it (`-` for stdin).
        public let file: String
        /// The 1-based line number.
        public let line: Int
        /// What is wrong, e.g. "expected a JSON string at byte 7".
        public let reason: String

        /// The error for line `line` of `file`.
        public init(file: String, line: Int, reason: String) {
            self.file = file
            self.line = line
            self.reason = reason
        }

        public var description: String { "\(file) line \(line): \(reason)" }
    }

    /// How lines spell groups.
    /// A Lance fragment set as a group line gives it (NeMo Curator 26.09).
    public struct Lance: Sendable, Equatable {
        public let dataset: String
        public let version: Int
        public let fragments: [Int]
    }

    public let form: Form
    /// The Lance fragment set of the last group read; `nil` when it was a list of paths.
    public private(set) var lance: Lance?
    /// The input's name for errors.
    public let file: String
    /// Lines read so far.
    public private(set) var lineNumber = 0

    /// Lines of `form` from the input called `file` in errors.
    public init(form: Form, file: String) {
        self.form = form
        self.file = file
    }

    /// The group the next line holds, or `nil` for a blank line (spaces and tabs only).
    /// The line comes without its line break. Paths are kept exactly as written (decoded
    /// from JSON escapes for `groups`; for `files` nothing is trimmed).
    /// - Throws: `LineError` for invalid UTF-8, malformed JSON, a non-string element or an empty array.
    public mutating func group(line: some Collection<UInt8>) throws(LineError) -> [String]? {
        try group(line: ArraySlice(line))
    }

    /// `group(line:)` for the slices `LineReader` hands out, compiled for them (a generic
    /// call from another module would go through the unspecialised code, byte by byte).
    public mutating func group(line: ArraySlice<UInt8>) throws(LineError) -> [String]? {
        lineNumber += 1
        lance = nil
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        switch form {
        case .files:
            guard let path = JSONLineParser.utf8(line) else { throw failure("the path is not valid UTF-8") }
            return [path]
        case .groups:
            // A Lance fragment set (NeMo Curator 26.09): its id is hashed over these strings.
            if line.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{") { return try lance(Array(line)) }
            var parser = JSONLineParser(bytes: Array(line))
            do {
                return try parser.pathArray()
            } catch {
                throw failure(error.reason)
            }
        }
    }

    private func failure(_ reason: String) -> LineError { LineError(file: file, line: lineNumber, reason: reason) }

    /// A Lance line, `{"lance": PATH, "version": V, "fragments": [F, ...]}`, as the strings
    /// its source id is hashed over: the path, then `str()` of the version and of each
    /// fragment id (`LanceReadTask`'s `[path, str(version), *map(str, fragment_ids)]`).
    private mutating func lance(_ bytes: [UInt8]) throws(LineError) -> [String] {
        guard case .object(let fields)? = CuratorJSON.parse(bytes) else {
            throw failure("expected a JSON object {\"lance\": ..., \"version\": ..., \"fragments\": [...]}")
        }
        guard case .string(let path)? = fields["lance"], !path.isEmpty else { throw failure("\"lance\" must be the dataset's path, a string") }
        guard let version = fields["version"]?.integer else { throw failure("\"version\" must be an integer") }
        guard case .array(let items)? = fields["fragments"], !items.isEmpty else {
            throw failure("\"fragments\" must be a non-empty array of integers")
        }
        var fragments: [Int] = []
        for item in items {
            guard let id = item.integer else { throw failure("\"fragments\" must be a non-empty array of integers") }
            fragments.append(id)
        }
        lance = Lance(dataset: path, version: version, fragments: fragments)
        return [path, String(version)] + fragments.map(String.init)
    }
}

import FoundationEssentials

/// `verify --junit FILE`: the report written beside the one on stdout.
enum JUnitFile {
    /// Why `file` cannot take the report (checked before the audit, so a typo costs no
    /// audit); `nil` when it can.
    static func problem(with file: String) -> String? {
        var isDirectory = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory {
            return "\(file): cannot write the JUnit report there, it is a directory; give a file path such as \(file)/verify.xml."
        }
        let folder = Self.folder(of: file)
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            return "\(file): cannot write the JUnit report, the directory \(folder) does not exist."
        }
        if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            return "\(file): cannot write the JUnit report, the directory \(folder.isEmpty ? "." : folder) is not writable."
        }
        return nil
    }

    /// Writes the JUnit report to `file`; the sentence to print when that fails, else `nil`.
    static func write(_ report: String, to file: String) -> String? {
        if let problem = problem(with: file) { return problem }
        do {
            try report.write(toFile: file, atomically: true, encoding: .utf8)
            return nil
        } catch {
            return "\(file): cannot write the JUnit report; check the directory is writable and has space."
        }
    }

    /// The directory part of `path`, as `NSString.deletingLastPathComponent` gives it:
    /// repeated and trailing slashes dropped, "" for a bare name, "/" for one in the root.
    static func folder(of path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let absolute = path.hasPrefix("/")
        guard parts.count > 1 else { return absolute ? "/" : "" }
        return (absolute ? "/" : "") + parts.dropLast().joined(separator: "/")
    }
}

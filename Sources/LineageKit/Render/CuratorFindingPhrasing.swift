/// Words for verify's findings and notes on a NeMo Curator checkpoint, shared by the text,
/// JSON and JUnit renderers. A phrase never repeats the finding's location (file,
/// database, page); bytes from the checkpoint are escaped, so a phrase is one printable line.
public enum CuratorFindingPhrasing {
    /// The phrase for `problem`, without the location.
    public static func describe(_ problem: CuratorFinding.Problem) -> String {
        switch problem {
        case .unreadable(let reason):
            return "cannot be read: \(reason)"
        case .structure(let finding):
            return StructurePhrasing.describe(finding)
        case .unexpectedSubDatabase(let name):
            return "names the sub-database \(Escaping.jsonString(name)); a writer file holds only \(CuratorWriter.databaseName)"
        case .wrongFlags(let flags):
            let dupSort = flags & 0x04 != 0 ? " (MDB_DUPSORT)" : ""
            return "\(CuratorWriter.databaseName) has flags 0x\(String(flags, radix: 16))\(dupSort), expected 0 (plain keys)"
        case .keyNotUTF8(let key):
            return "source id \(Escaping.jsonString(key)) is not valid UTF-8"
        case .keyControlCharacter(let key):
            return "source id \(Escaping.jsonString(key)) holds a control character"
        case .value(let key, let value):
            return "source id \(Escaping.jsonString(key)) has value \(Escaping.jsonString(value)), not \"1\""
        case .runMissing(let manifests):
            return
                "missing, yet \(manifests) completion manifest\(manifests == 1 ? "" : "s") exist\(manifests == 1 ? "s" : ""): the retry helper rejects them"
        case .notObject:
            return "not a JSON object"
        case .notInteger(let field):
            return "\(field) is missing or not an integer"
        case .runRange(let minimum, let total):
            return "minimum_shard_index \(minimum) and total_shards \(total): total_shards must be > 0 and minimum_shard_index >= 0"
        case .status(let status):
            return "status is \(status.map(Escaping.jsonString) ?? "missing or not a string"), not \"completed\""
        case .identity(let field, let manifest, let run):
            return "\(field) is \(manifest) but run.json says \(run)"
        case .shardRange(let shard, let minimum, let total):
            return "shard_index \(shard) is outside the run's shards \(minimum)..\(minimum + total - 1)"
        case .nameDigest(let expected):
            return "the file name does not match the manifest's identity, which names it \(expected)"
        }
    }

    /// The sentence for a note: why a check did not run, or a remark.
    public static func describe(_ note: CuratorCheckNote) -> String {
        switch note {
        case .noSubDatabase(let files):
            return "no \(CuratorWriter.databaseName) sub-database (nothing completed, not a failure): \(list(files))"
        case .writersSkipped(let files):
            return "not checked in the unreadable or damaged writer files: \(list(files))"
        case .writersBusy(let files):
            return "not checked, their writers committed during every read (no consistent read in time): \(list(files))"
        case .notJobArray:
            return "not a Slurm job array (no \(CuratorSlurm.folder)/)"
        case .noUsableRun:
            return "run.json is missing or unusable, so identities and shard ranges were not compared"
        case .leftovers(let files):
            return "\(files.count) temporary file\(files.count == 1 ? "" : "s") left by an interrupted manifest write (harmless): \(list(files))"
        case .noWriters:
            return "no writer file (nothing completed)"
        }
    }

    /// All of a check's notes in one sentence; `nil` when there are none.
    public static func describe(_ notes: [CuratorCheckNote]) -> String? {
        notes.isEmpty ? nil : notes.map(describe).joined(separator: "; ")
    }

    /// The finding in one line of text: its location once, in brackets, then for structure
    /// findings the code, then the phrase: `[node-a-1001.mdb, completed_sources, page 3] [key-order] ...`.
    public static func line(_ finding: CuratorFinding) -> String {
        var location: [String] = []
        if let file = finding.file { location.append(Escaping.text(file)) }
        if let database = finding.database { location.append(Escaping.text(database)) }
        if let page = finding.page { location.append("page \(page)") }
        let prefix = location.isEmpty ? "" : "[\(location.joined(separator: ", "))] "
        if case .structure = finding.problem { return prefix + "[\(finding.problem.code)] \(describe(finding.problem))" }
        return prefix + describe(finding.problem)
    }

    private static func list(_ files: [String]) -> String { files.map { Escaping.text($0) }.joined(separator: ", ") }
}

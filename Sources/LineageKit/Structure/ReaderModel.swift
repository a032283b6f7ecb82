/// What the NeMo Curator pipeline's reader gets from one writer file: py-lmdb 3.0 (the
/// newest `lmdb` on PyPI, which `pip install nemo-curator` resolves) with its bundled,
/// patched LMDB 0.9.36, running
/// `lmdb.open(path, subdir=False, readonly=True, lock=False, max_dbs=1)`, then
/// `open_db(b"completed_sources")`, then `{key.decode() for key, _ in txn.cursor()}`.
///
/// The model replays liblmdb's own steps on the file's bytes (the header read, the meta
/// choice, the map, `mdb_page_get`'s checks, the cursor's first/next/sibling moves, the
/// node reads) and stops where liblmdb returns an error or touches memory past the
/// file's last page (SIGBUS). `Docs/ReaderModel.md` lists each rule with the LMDB code it
/// follows. It never calls liblmdb: the library this process links is not the one the
/// pipeline runs, and they differ on damaged files.
///
/// Cost: the pages on the cursor's path and every entry of `completed_sources`, once;
/// bounded by the file's size, never by a count written in it.
public struct ReaderModel {
    /// What the pipeline's reader does with the file.
    public enum Outcome: Sendable, Equatable {
        /// `lmdb.open` raises: the pipeline skips the file with a warning; its sources run again.
        case skipped(String)
        /// `open_db` raises (no such sub-database, or its record is refused): the file
        /// contributes nothing.
        case noDatabase(String)
        /// The cursor walk ends normally: the file contributes the keys handed to `visit`.
        case read(keys: Int)
        /// The cursor walk raises (an LMDB error, or a key that is not UTF-8), faults in
        /// liblmdb, or never ends: the resumed pipeline stops before any stage runs.
        case failsResume(String)
        /// The model does not decide this file (a format feature the pipeline's writer never
        /// uses); the pipeline may fail on it.
        case undecided(String)
    }

    /// The map size py-lmdb asks for when the caller gives none (`lmdb.open`'s default).
    static let pyLMDBMapSize: UInt64 = 10_485_760
    /// The size of one meta page as `mdb_env_read_header` reads it (`sizeof(MDB_metabuf)`).
    static let metaReadSize = 152
    /// The page size of the machines the pipeline runs on: past the file's last such page
    /// a read of the map faults.
    static let osPageSize = 4096
    /// `CURSOR_STACK`: the levels a cursor holds.
    static let cursorStack = 32
    /// LMDB 0.9's `MAX_PAGESIZE` (the structure walk accepts up to 64 KiB).
    static let maxPageSize: UInt32 = 0x8000

    let bytes: UnsafeRawBufferPointer
    /// Bytes the map can read: the file rounded up to the OS page size.
    let readable: Int

    public init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.readable = (bytes.count + Self.osPageSize - 1) / Self.osPageSize * Self.osPageSize
    }

    /// Replays the pipeline's read of `completed_sources`, handing every key it gets to
    /// `visit` (raw bytes, valid during the call only; already checked to be UTF-8).
    ///
    /// `walked`: the number of entries of `completed_sources` a structure walk of this file
    /// read with no finding at all, every key UTF-8; then the cursor walk, which the
    /// structure walk's rules cover (a test holds them together), is not replayed: the
    /// outcome is `.read(keys: walked)` once the open and `open_db` succeed on a plain
    /// database, and `visit` is not called.
    public func predict(walked: Int? = nil, visit: (UnsafeRawBufferPointer) -> Void) -> Outcome {
        do {
            let env = try open()
            guard let database = try openDatabase(env) else { return .noDatabase("no completed_sources sub-database") }
            if let walked, database.flags & (DatabaseFlag.dupSort | DatabaseFlag.valid) == 0 { return .read(keys: walked) }
            return try iterate(env, database, visit: visit)
        } catch let stop as Stop {
            return stop.outcome
        } catch {
            return .undecided("\(error)")
        }
    }

    // MARK: - Where the model stops

    struct Stop: Error {
        let outcome: Outcome
    }

    /// An LMDB error code with the message `mdb_strerror` gives.
    enum Code: String {
        case invalid = "MDB_INVALID: File is not an LMDB file"
        case versionMismatch = "MDB_VERSION_MISMATCH: Database environment version mismatch"
        case corrupted = "MDB_CORRUPTED: Located page was wrong type"
        case pageNotFound = "MDB_PAGE_NOTFOUND: Requested page not found"
        case mapResized = "MDB_MAP_RESIZED: Database contents grew beyond environment mapsize"
        case incompatible = "MDB_INCOMPATIBLE: Operation and DB incompatible, or DB flags changed"
        case cursorFull = "MDB_CURSOR_FULL: Internal error - cursor stack limit reached"
        case notFound = "MDB_NOTFOUND: No matching key/data pair found"
    }

    /// The stage whose failure decides the outcome.
    enum Stage {
        case open, database, cursor
    }

    func fail(_ stage: Stage, _ code: Code, _ place: String) -> Stop {
        let text = "\(code.rawValue) (\(place))"
        switch stage {
        case .open: return Stop(outcome: .skipped("lmdb.open raises \(text)"))
        case .database: return Stop(outcome: .noDatabase("open_db raises \(text)"))
        case .cursor: return Stop(outcome: .failsResume("the cursor raises \(text)"))
        }
    }

    // MARK: - Memory as the map shows it

    /// The map's bytes `offset ..< offset + count`; past the file's last OS page the read
    /// faults (SIGBUS), which kills the reading process whatever it was doing.
    func read(_ offset: UInt64, _ count: Int) throws(Stop) -> UnsafeRawBufferPointer {
        guard offset <= UInt64(readable), UInt64(count) <= UInt64(readable) - offset else {
            throw Stop(outcome: .failsResume("liblmdb reads past the end of the file at byte \(offset) (SIGBUS)"))
        }
        let start = Int(offset)
        if start + count <= bytes.count { return UnsafeRawBufferPointer(rebasing: bytes[start..<start + count]) }
        // Within the last OS page but past the file: the kernel shows zeros.
        return UnsafeRawBufferPointer(start: nil, count: 0)
    }

    func u16(_ offset: UInt64) throws(Stop) -> UInt16 { UInt16(try little(offset, 2)) }
    func u32(_ offset: UInt64) throws(Stop) -> UInt32 { UInt32(try little(offset, 4)) }
    func u64(_ offset: UInt64) throws(Stop) -> UInt64 { try little(offset, 8) }

    /// The little-endian number of `count` bytes at `offset`.
    func little(_ offset: UInt64, _ count: Int) throws(Stop) -> UInt64 {
        if offset < UInt64(bytes.count), UInt64(count) <= UInt64(bytes.count) - offset {
            var value: UInt64 = 0
            let start = Int(offset)
            for index in (start..<start + count).reversed() { value = value << 8 | UInt64(bytes[index]) }
            return value
        }
        let raw = try slice(offset, count)
        var value: UInt64 = 0
        for index in (0..<count).reversed() { value = value << 8 | UInt64(raw[index]) }
        return value
    }

    /// The bytes `offset ..< offset + count` with the zeros past the file filled in.
    func slice(_ offset: UInt64, _ count: Int) throws(Stop) -> [UInt8] {
        _ = try read(offset, count)
        let start = Int(offset)
        if start + count <= bytes.count { return Array(bytes[start..<start + count]) }
        var out = [UInt8](repeating: 0, count: count)
        if start < bytes.count {
            for index in start..<bytes.count { out[index - start] = bytes[index] }
        }
        return out
    }
}

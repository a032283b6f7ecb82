import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed liblmdb call: the C status, the function that returned it and liblmdb's text.
///
/// `MDB_NOTFOUND` never becomes an `LMDBError`: the wrapper turns it into `nil` or the
/// end of a sequence.
public struct LMDBError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The status code liblmdb returned (an `errno` value or one of `MDB_*`).
    public let code: Int32
    /// The C function that failed, e.g. `mdb_txn_begin`.
    public let function: String

    /// The few failures a caller reacts to differently, so they can be switched over
    /// without the C constants.
    public enum Kind: Equatable, Sendable {
        /// The file is not an LMDB environment (`MDB_INVALID`).
        case notLMDB
        /// The file was written by an LMDB version this library cannot read (`MDB_VERSION_MISMATCH`).
        case versionMismatch
        /// A write transaction filled the map (`MDB_MAP_FULL`); a bigger map size may help.
        case mapFull
        /// The system refused access (`EACCES`, `EPERM`).
        case permissionDenied
        /// Any other status.
        case other
    }

    package init(code: Int32, function: String) {
        self.code = code
        self.function = function
    }

    /// What kind of failure `code` is.
    public var kind: Kind {
        switch code {
        case MDB_INVALID: .notLMDB
        case MDB_VERSION_MISMATCH: .versionMismatch
        case MDB_MAP_FULL: .mapFull
        case EACCES, EPERM: .permissionDenied
        default: .other
        }
    }

    /// liblmdb's text for `code` (`mdb_strerror`, which also covers `errno` values).
    public var message: String { String(cString: mdb_strerror(code)) }

    /// `function failed: message (code)`.
    public var description: String { "\(function) failed: \(message) (\(code))" }

    /// Throws unless `rc` is success. The one place LMDB status codes become errors.
    @inline(__always)
    static func check(_ rc: Int32, _ function: @autoclosure () -> String) throws(LMDBError) {
        if rc != MDB_SUCCESS { throw LMDBError(code: rc, function: function()) }
    }

    /// Calls an `mdb_*_create`/`_begin`/`_open` function that hands out a handle, and
    /// returns the handle; a success without a handle is reported as `MDB_PANIC`.
    @inline(__always)
    static func handle(_ function: String, _ open: (inout OpaquePointer?) -> Int32) throws(LMDBError) -> OpaquePointer {
        var handle: OpaquePointer?
        try check(open(&handle), function)
        guard let handle else { throw LMDBError(code: MDB_PANIC, function: function) }
        return handle
    }
}

import CLMDB

/// A failed liblmdb call: the C status, the function that returned it and liblmdb's text.
public struct LMDBError: Error, Equatable, CustomStringConvertible {
    /// The status code liblmdb returned (an `errno` value or one of `MDB_*`).
    public let code: Int32
    /// The C function that failed, e.g. `mdb_txn_begin`.
    public let function: String

    package init(code: Int32, function: String) {
        self.code = code
        self.function = function
    }

    public var description: String {
        "\(function) failed: \(String(cString: mdb_strerror(code))) (\(code))"
    }

    /// Throws unless `rc` is success. The one place LMDB status codes become errors.
    @inline(__always)
    package static func check(_ rc: Int32, _ function: @autoclosure () -> String) throws(LMDBError) {
        if rc != MDB_SUCCESS { throw LMDBError(code: rc, function: function()) }
    }
}

/// A sub-database named in the main DB, with the record that describes its tree.
public struct NamedDatabase: Sendable, Equatable {
    /// The name, as stored in the main DB's key (decoded as UTF-8).
    public let name: String
    /// The 48-byte record stored as the key's value.
    public let record: DatabaseRecord
}

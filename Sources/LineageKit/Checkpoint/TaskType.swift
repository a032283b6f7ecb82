/// What a task is in the DAG, as the writer derives it from edge presence.
public enum TaskType: String, CaseIterable, Sendable, Codable {
    /// Has children and no parents.
    case source
    /// Has parents and children.
    case middle
    /// Has parents and no children.
    case leaf
    /// Has neither (an output of an untracked root that nothing consumed yet).
    case sourceLeaf = "source_leaf"

    /// The type the writer records for a task with this edge presence.
    public init(hasParents: Bool, hasChildren: Bool) {
        switch (hasParents, hasChildren) {
        case (true, true): self = .middle
        case (true, false): self = .leaf
        case (false, true): self = .source
        case (false, false): self = .sourceLeaf
        }
    }

    /// Parses the stored value bytes; `nil` for anything but the four words.
    /// Called once per task on big checkpoints, so it compares words, not sequences.
    @inline(__always)
    public init?(bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return nil }
        func word(_ offset: Int) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        func half(_ offset: Int) -> UInt16 { UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
        switch bytes.count {
        case 4 where word(0) == TaskType.leafWord: self = .leaf
        case 6 where word(0) == TaskType.sourWord && half(4) == TaskType.ceHalf: self = .source
        case 6 where word(0) == TaskType.middWord && half(4) == TaskType.leHalf: self = .middle
        case 11 where word(0) == TaskType.sourWord && word(4) == TaskType.ce_lWord && word(7) == TaskType.leafWord: self = .sourceLeaf
        default: return nil
        }
    }

    // The words as little-endian integers: "leaf", "sour", "ce", "midd", "le", "ce_l".
    private static let leafWord: UInt32 = 0x6661_656c
    private static let sourWord: UInt32 = 0x7275_6f73
    private static let middWord: UInt32 = 0x6464_696d
    private static let ce_lWord: UInt32 = 0x6c5f_6563
    private static let ceHalf: UInt16 = 0x6563
    private static let leHalf: UInt16 = 0x656c
}

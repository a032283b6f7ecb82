/// `completed` as read by `CompletedPass.read`, before `GraphBuilder.absorb` marks the
/// tasks. Reading needs no task index, so it can run while `task_type` is being read.
struct CompletedPass: Sendable {
    var entries = 0
    /// The valid keys in the order read; resolved to ids by `resolve(with:)`.
    var udids: [PackedUDID] = []
    /// Per udid, its task id or `-1` when it is not in `task_type`.
    var ids: [Int32] = []
    var values: Tally
    var keyFormat: Tally

    init(limit: Int) {
        values = Tally(.completedValues, limit: limit)
        keyFormat = Tally(.keyFormat, limit: limit)
    }

    /// Reads `completed`: checks each value and key format, keeps the valid udids.
    static func read(
        limit: Int, expecting capacity: Int = 0, _ scan: ((UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) -> Void
    ) -> CompletedPass {
        var pass = CompletedPass(limit: limit)
        pass.udids.reserveLarge(capacity)
        scan { key, value in
            pass.entries += 1
            if !(value.count == 1 && value[0] == SubDatabase.completedValue) {
                pass.values.add(.completedValue(key: Array(key), value: Array(value)), database: SubDatabase.completed.rawValue)
            }
            guard let udid = PackedUDID(key) else {
                pass.keyFormat.add(.badKey(.completed, key: Array(key)), database: SubDatabase.completed.rawValue)
                return
            }
            pass.udids.append(udid)
        }
        return pass
    }

    /// Looks every udid up in the task index (in key order, so front to back).
    mutating func resolve(with index: TaskIndex) {
        ids = udids.withUnsafeBufferPointer { udids in
            [Int32](largeUninitializedCapacity: udids.count) { ids, initialized in
                index.resolve(udids, into: ids, inOrder: true)
                initialized = udids.count
            }
        }
    }
}

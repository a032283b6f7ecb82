import LineageKit

extension CheckpointRecorder {
    /// Recorder calls sharing one open write transaction; valid only inside `batch(_:)`.
    public struct Batch {
        let txn: RawCheckpointWriter.Transaction
        let databases: Databases

        private static let completedMark = [SubDatabase.completedValue]

        /// Records an emission inside the batch's transaction; see
        /// `CheckpointRecorder.recordEmission(parents:children:)`.
        /// - Throws: `LMDBError`.
        public func recordEmission(parents: [UDID], children: [UDID]) throws {
            guard !children.isEmpty else { return }
            let parentKeys = parents.map { Array($0.string.utf8) }
            let childKeys = children.map { Array($0.string.utf8) }
            for child in childKeys {
                for parent in parentKeys where parent != child {
                    try txn.put(databases.inEdges, key: child, value: parent)
                    try txn.put(databases.outEdges, key: parent, value: child)
                }
            }
            var touched = Set<[UInt8]>()
            for key in parentKeys + childKeys where touched.insert(key).inserted {
                try txn.put(databases.taskType, key: key, value: taskType(of: key))
            }
        }

        /// Marks completion inside the batch's transaction; see
        /// `CheckpointRecorder.markCompletedAndPropagate(_:)`. Returns how many tasks it marked.
        /// - Throws: `LMDBError`.
        @discardableResult
        public func markCompletedAndPropagate(_ udids: [UDID]) throws -> Int {
            var marked = 0
            var queue = udids.map { Array($0.string.utf8) }
            var next = 0
            var seen = Set<[UInt8]>()
            while next < queue.count {
                let key = queue[next]
                next += 1
                guard seen.insert(key).inserted else { continue }
                guard try txn.contains(databases.taskType, key: key),
                    try !txn.contains(databases.completed, key: key)
                else { continue }
                var unfinishedChild = false
                for child in try txn.values(databases.outEdges, key: key)
                where try !txn.contains(databases.completed, key: child) {
                    unfinishedChild = true
                    break
                }
                if unfinishedChild { continue }
                try txn.put(databases.completed, key: key, value: Self.completedMark)
                marked += 1
                queue += try txn.values(databases.inEdges, key: key)
            }
            return marked
        }

        /// The type edge presence gives `key` now: FORMAT.md's rule, as `TaskType` states it.
        private func taskType(of key: [UInt8]) throws -> [UInt8] {
            let type = TaskType(
                hasParents: try txn.contains(databases.inEdges, key: key),
                hasChildren: try txn.contains(databases.outEdges, key: key))
            return Array(type.rawValue.utf8)
        }
    }
}

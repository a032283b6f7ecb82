extension GraphBuilder {
    /// Resolves a pass's kept values to task ids on two threads, each taking half the values
    /// (the random-access part of reading the edges), then places the unknown ones.
    func resolveValuesInParallel(_ pass: inout EdgePass) {
        let count = pass.values.count
        let half = count / 2
        var ids = [Int32](repeating: 0, count: count)
        ids.withUnsafeMutableBufferPointer { ids in
            pass.values.withUnsafeBufferPointer { values in
                let second = ResolveHalf(
                    values: UnsafeBufferPointer(rebasing: values[half...]), ids: UnsafeMutableBufferPointer(rebasing: ids[half...]))
                let resolver = self
                _ = inParallel(
                    { resolveKnown(UnsafeBufferPointer(rebasing: values[..<half]), into: UnsafeMutableBufferPointer(rebasing: ids[..<half])) },
                    { resolver.resolveKnown(second.values, into: second.ids) })
            }
        }
        pass.valueIDs = ids
        finishResolving(&pass)
    }
}

/// The second half of the buffers, handed to the other thread; the caller waits for it
/// before the buffers go away.
private struct ResolveHalf: @unchecked Sendable {
    let values: UnsafeBufferPointer<PackedUDID>
    let ids: UnsafeMutableBufferPointer<Int32>
}

/// The determinism check of `diff`: each task gets a structural signature, no udid
/// involved, by colour refinement (as Weisfeiler-Lehman's): it starts from the stored
/// task type alone (completion is progress, not shape) and, each round, hashes a task's
/// colour with the multisets of its parents' and of its children's colours (an
/// order-free sum of mixed 64-bit hashes, so no sorting). `signatureRounds` (8) rounds let a
/// signature tell apart tasks whose neighbourhoods differ within that many edges up or
/// down.
///
/// `equal` compares these pure signatures. Symmetric tasks (two joins of the same shape)
/// share a pure signature, so when a signature is shared by several tasks on both sides the
/// pairing first uses anchored signatures, which start the
/// tasks present in both files from their udid: a renamed task then pairs with the one
/// in the same place relative to the tasks both files share; the tasks left pair by the
/// pure signature.
extension DiffMerge {
    static let signatureRounds = 8

    /// Tasks only in A and only in B paired by equal signature (in udid order within a
    /// signature); the topmost pairs are those whose A task has every parent in both files.
    func shape(onlyInA: Int, onlyInB: Int) -> CheckpointDiff.Shape {
        let sameCounts = graphA.knownCount == graphB.knownCount && graphA.edgeCount == graphB.edgeCount
        // Nothing to compare as a whole and nothing to pair: not equal, nothing renamed.
        if !sameCounts && (onlyInA == 0 || onlyInB == 0) { return CheckpointDiff.Shape(equal: false, renamed: 0, firstRenamed: .init()) }
        let (signaturesA, signaturesB) = signaturesOfBoth(anchored: false)
        let equal = sameCounts && signaturesA[..<graphA.knownCount].sorted() == signaturesB[..<graphB.knownCount].sorted()

        var partner = [Int32: Int32]()
        if onlyInA > 0 && onlyInB > 0 {
            // Without a task in both files, or a signature shared by several tasks on both
            // sides, the anchored signatures could not pair differently.
            if bToA.contains(where: { $0 >= 0 }) && ambiguous(signaturesA, signaturesB) {
                let (anchoredA, anchoredB) = signaturesOfBoth(anchored: true)
                pair(anchoredA, anchoredB, into: &partner)
            }
            pair(signaturesA, signaturesB, into: &partner)
        }

        // A renamed task is topmost when none of its parents is missing from B.
        var belowMissing = [Bool](repeating: false, count: childrenA.nodeCount)
        for p in 0..<childrenA.nodeCount where aToB[p] < 0 {
            for c in childrenA.neighbours(p) { belowMissing[Int(c)] = true }
        }
        var first = CheckpointDiff.Group<CheckpointDiff.Rename>()
        for (a, b) in partner.sorted(by: { $0.key < $1.key }) where !belowMissing[Int(a)] {
            first.add(limit, CheckpointDiff.Rename(a: graphA.udid(a), b: graphB.udid(b)))
        }
        return CheckpointDiff.Shape(equal: equal, renamed: partner.count, firstRenamed: first)
    }

    /// The signatures of A and of B, on two threads.
    private func signaturesOfBoth(anchored: Bool) -> ([UInt64], [UInt64]) {
        let (graphB, childrenB, bToA) = (graphB, childrenB, bToA)
        return inParallel(
            { Self.signatures(graphA, childrenA, anchoredBy: anchored ? aToB : nil) },
            { Self.signatures(graphB, childrenB, anchoredBy: anchored ? bToA : nil) })
    }

    /// Whether some signature belongs to two or more tasks only in A and two or more only in B.
    private func ambiguous(_ signaturesA: [UInt64], _ signaturesB: [UInt64]) -> Bool {
        let onlyA = (0..<graphA.knownCount).filter { aToB[$0] < 0 }.map { signaturesA[$0] }.sorted()
        let onlyB = (0..<graphB.knownCount).filter { bToA[$0] < 0 }.map { signaturesB[$0] }.sorted()
        var i = 0
        var j = 0
        while i < onlyA.count && j < onlyB.count {
            if onlyA[i] < onlyB[j] {
                i += 1
            } else if onlyB[j] < onlyA[i] {
                j += 1
            } else {
                let signature = onlyA[i]
                let endA = onlyA[i...].firstIndex { $0 != signature } ?? onlyA.count
                let endB = onlyB[j...].firstIndex { $0 != signature } ?? onlyB.count
                if endA - i > 1 && endB - j > 1 { return true }
                i = endA
                j = endB
            }
        }
        return false
    }

    /// Pairs the tasks only in A with the tasks only in B not yet in `partner` whose
    /// signatures are equal, in id (udid) order within a signature.
    private func pair(_ signaturesA: [UInt64], _ signaturesB: [UInt64], into partner: inout [Int32: Int32]) {
        struct Keyed: Comparable {
            let signature: UInt64
            let id: Int32
            static func < (l: Keyed, r: Keyed) -> Bool { (l.signature, l.id) < (r.signature, r.id) }
        }
        let takenB = Set(partner.values)
        let onlyA = (0..<graphA.knownCount).filter { aToB[$0] < 0 && partner[Int32($0)] == nil }
            .map { Keyed(signature: signaturesA[$0], id: Int32($0)) }.sorted()
        let onlyB = (0..<graphB.knownCount).filter { bToA[$0] < 0 && !takenB.contains(Int32($0)) }
            .map { Keyed(signature: signaturesB[$0], id: Int32($0)) }.sorted()
        var i = 0
        var j = 0
        while i < onlyA.count && j < onlyB.count {
            if onlyA[i].signature < onlyB[j].signature {
                i += 1
            } else if onlyB[j].signature < onlyA[i].signature {
                j += 1
            } else {
                partner[onlyA[i].id] = onlyB[j].id
                i += 1
                j += 1
            }
        }
    }

    /// Every task's signature after `signatureRounds` rounds of refinement.
    /// With `anchoredBy` (per id, the id of the same udid in the other file or -1), a task
    /// in both files starts from its udid instead of its type.
    static func signatures(_ graph: TaskGraph, _ children: AdjacencyList, anchoredBy other: [Int32]?) -> [UInt64] {
        let count = children.nodeCount
        var colour = [UInt64](repeating: 0, count: count)
        // Scratch per round: the sums over parents and children, and each task's hash as a child.
        let up = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        let down = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        let asChild = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        defer {
            up.deallocate()
            down.deallocate()
            asChild.deallocate()
        }
        colour.withUnsafeMutableBufferPointer { colour in
            for v in 0..<count {
                if let other, other[v] >= 0 {
                    let udid = graph.index.udid(Int32(v))
                    colour[v] = mix(udid.high ^ mix(udid.low))
                } else {
                    colour[v] = mix(0x7461_736b_7479_7065 &+ UInt64(v < graph.knownCount ? graph.types[v] : 0xfe))
                }
            }
            children.offsets.withUnsafeBufferPointer { offsets in
                children.targets.withUnsafeBufferPointer { targets in
                    for _ in 0..<signatureRounds {
                        for v in 0..<count {
                            up[v] = 0
                            asChild[v] = mix(colour[v] ^ 0x6368_696c_64)
                        }
                        for p in 0..<count {
                            let fromParent = mix(colour[p] ^ 0x7061_7265_6e74)
                            var sum: UInt64 = 0
                            for e in Int(offsets[p])..<Int(offsets[p + 1]) {
                                let c = Int(targets[e])
                                up[c] &+= fromParent
                                sum &+= asChild[c]
                            }
                            down[p] = sum
                        }
                        for v in 0..<count { colour[v] = mix(colour[v] &* 0x9e37_79b9_7f4a_7c15 ^ mix(up[v] &+ 1) ^ (down[v] &* 3)) }
                    }
                }
            }
        }
        return colour
    }

    /// A 64-bit finaliser (SplitMix64's): spreads every input bit over the output.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// The reader against the pipeline-written fixtures, compared with what the writer's
/// own reader recorded in the JSON beside each.
@Suite("CheckpointReader on the fixtures")
struct CheckpointReaderTests {
    @Test("record(udid) of every task equals the fixture record", arguments: FixtureExpectation.names)
    func recordOfEveryTask(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let checkpoint = try Checkpoint(path: fixture.checkpoint.path)
        try checkpoint.read { reader throws in
            for (udid, expected) in fixture.records {
                let id = try #require(UDID(udid))
                let record = try #require(try reader.record(id), "no record for \(udid) in \(name)")
                #expect(record.udid == udid)
                #expect(record.typeName == expected.taskType, "type of \(udid)")
                #expect(record.taskType?.rawValue == expected.taskType)
                #expect(record.completed == expected.completed, "completion of \(udid)")
                #expect(record.parents.map(\.udid) == expected.parents, "parents of \(udid)")
                #expect(record.children.map(\.udid) == expected.children, "children of \(udid)")
                // Each neighbour carries its own type and completion.
                for neighbour in record.parents + record.children {
                    let other = try #require(fixture.records[neighbour.udid])
                    #expect(neighbour.typeName == other.taskType)
                    #expect(neighbour.completed == other.completed)
                }
            }
        }
    }

    @Test("record of a udid that is not in the checkpoint is nil", arguments: FixtureExpectation.names)
    func recordOfUnknownTask(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let absent = UDID(lineagePath: "999_999_999")
        #expect(fixture.records[absent.string] == nil)
        let record = try Checkpoint(path: fixture.checkpoint.path).read { try $0.record(absent) }
        #expect(record == nil)
    }

    @Test("forEachEdge yields exactly the fixture's edges, sorted", arguments: FixtureExpectation.names)
    func everyEdge(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        var seen: [Edge] = []
        try Checkpoint(path: fixture.checkpoint.path).read { reader throws in
            try reader.forEachEdge { parent, child in
                seen.append(Edge(parent: String(decoding: parent, as: UTF8.self), child: String(decoding: child, as: UTF8.self)))
            }
        }
        #expect(seen == fixture.edges)
    }

    @Test("forEachEdge(parent:) and (child:) yield each task's children and parents", arguments: FixtureExpectation.names)
    func filteredEdges(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        try Checkpoint(path: fixture.checkpoint.path).read { reader throws in
            for (udid, expected) in fixture.records {
                let id = try #require(UDID(udid))
                var children: [Edge] = []
                try reader.forEachEdge(parent: id) { p, c in
                    children.append(Edge(parent: String(decoding: p, as: UTF8.self), child: String(decoding: c, as: UTF8.self)))
                }
                #expect(children == expected.children.map { Edge(parent: udid, child: $0) }, "children of \(udid)")
                var parents: [Edge] = []
                try reader.forEachEdge(child: id) { p, c in
                    parents.append(Edge(parent: String(decoding: p, as: UTF8.self), child: String(decoding: c, as: UTF8.self)))
                }
                #expect(parents == expected.parents.map { Edge(parent: $0, child: udid) }, "parents of \(udid)")
            }
        }
    }

    @Test("forEachEdge with both filters yields the one edge, or none", arguments: FixtureExpectation.names)
    func edgeWithBothEnds(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let edge = try #require(fixture.edges.first)
        try Checkpoint(path: fixture.checkpoint.path).read { reader throws in
            var found: [Edge] = []
            try reader.forEachEdge(parent: UDID(edge.parent), child: UDID(edge.child)) { p, c in
                found.append(Edge(parent: String(decoding: p, as: UTF8.self), child: String(decoding: c, as: UTF8.self)))
            }
            #expect(found == [edge])
            found = []
            // The reverse direction is not an edge of a DAG.
            try reader.forEachEdge(parent: UDID(edge.child), child: UDID(edge.parent)) { p, c in
                found.append(Edge(parent: String(decoding: p, as: UTF8.self), child: String(decoding: c, as: UTF8.self)))
            }
            #expect(found.isEmpty)
        }
    }

    @Test("forEachTask yields every task in key order with its type and completion", arguments: FixtureExpectation.names)
    func everyTask(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        var seen: [(udid: String, type: String, completed: Bool)] = []
        try Checkpoint(path: fixture.checkpoint.path).read { reader throws in
            try reader.forEachTask { udid, typeName, completed in
                seen.append((String(decoding: udid, as: UTF8.self), String(decoding: typeName, as: UTF8.self), completed))
            }
            #expect(try reader.taskCount() == fixture.records.count)
        }
        #expect(seen.map(\.udid) == fixture.udids)
        for task in seen {
            let expected = try #require(fixture.records[task.udid])
            #expect(task.type == expected.taskType, "type of \(task.udid)")
            #expect(task.completed == expected.completed, "completion of \(task.udid)")
        }
    }

    @Test("typeSummary counts tasks per type and completion", arguments: FixtureExpectation.names)
    func typeSummary(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let summary = try Checkpoint(path: fixture.checkpoint.path).read { try $0.typeSummary() }
        #expect(summary.total == fixture.records.count)
        #expect(summary.completed == fixture.records.values.filter(\.completed).count)
        for type in TaskType.allCases {
            let ofType = fixture.records.values.filter { $0.taskType == type.rawValue }
            let counts = summary.counts[type.rawValue] ?? (0, 0)
            #expect(counts.completed == ofType.filter(\.completed).count, "completed \(type.rawValue)")
            #expect(counts.pending == ofType.filter { !$0.completed }.count, "pending \(type.rawValue)")
        }
        #expect(Set(summary.counts.keys).isSubset(of: TaskType.allCases.map(\.rawValue)))
        #expect(Array(summary.typeNames.prefix(4)) == ["source", "middle", "leaf", "source_leaf"])
    }

    @Test("udids(withPrefix:) finds each task by its first eight digits", arguments: FixtureExpectation.names)
    func uniquePrefix(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        try Checkpoint(path: fixture.checkpoint.path).read { reader throws in
            for udid in fixture.udids {
                #expect(try reader.udids(withPrefix: String(udid.prefix(8))).map(\.string) == [udid])
                #expect(try reader.udids(withPrefix: udid).map(\.string) == [udid])
            }
        }
    }

    @Test("udids(withPrefix:) lists every task sharing a short prefix, sorted", arguments: FixtureExpectation.names)
    func ambiguousPrefix(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let groups = Dictionary(grouping: fixture.udids) { String($0.prefix(1)) }
        let (prefix, sharing) = try #require(groups.first { $0.value.count > 1 }, "every fixture has a 1-digit prefix shared by several tasks")
        try Checkpoint(path: fixture.checkpoint.path).read { reader throws in
            #expect(try reader.udids(withPrefix: prefix).map(\.string) == sharing.sorted())
            #expect(try reader.udids(withPrefix: prefix, limit: 1).map(\.string) == [sharing.sorted()[0]])
            #expect(try reader.udids(withPrefix: "").count == fixture.records.count)
        }
    }

    @Test("udids(withPrefix:) of a prefix no task has is empty", arguments: FixtureExpectation.names)
    func unknownPrefix(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        let unused = try #require(
            (0..<0x10000).lazy.map { String(format: "%04x", $0) }.first { p in !fixture.udids.contains { $0.hasPrefix(p) } })
        let found = try Checkpoint(path: fixture.checkpoint.path).read { try $0.udids(withPrefix: unused) }
        #expect(found.isEmpty)
        // A prefix past the last key must end the scan cleanly too.
        #expect(
            try Checkpoint(path: fixture.checkpoint.path).read { try $0.udids(withPrefix: "ffffffff") }.isEmpty
                == !fixture.udids.contains { $0.hasPrefix("ffffffff") })
    }

    @Test("resolve(prefix:) names the one task a prefix or full udid matches, or says why not", arguments: FixtureExpectation.names)
    func resolve(name: String) throws {
        let fixture = try FixtureExpectation.load(name)
        try Checkpoint(path: fixture.checkpoint.path).read { reader throws in
            let lookup = try reader.lookup()
            for udid in fixture.udids {
                for text in [udid, String(udid.prefix(5)).uppercased()] {
                    let prefix = try #require(UDIDPrefix(text))
                    #expect(try reader.resolve(prefix: prefix).string == udid)
                    #expect(try lookup.match(prefix) == .unique(UDID(udid)!))
                }
            }
            let absent = try #require(UDIDPrefix(UDID(lineagePath: "999_999").string))
            #expect(throws: TaskLookupError.notFound(path: fixture.checkpoint.path, prefix: absent)) { try reader.resolve(prefix: absent) }
        }
    }
}

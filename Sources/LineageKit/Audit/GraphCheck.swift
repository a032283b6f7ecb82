/// One logical check of FORMAT.md's invariants over the task graph. A new check is a
/// type conforming to this in `Checks/` and one line in `CheckRegistry.all`.
///
/// `tally` is called once per verify (one dynamic call), so it may loop over every task
/// and edge in concrete code; it must not allocate per task.
protocol GraphCheck: Check where Input == TaskGraph {
    /// The sub-databases it reads: every group must have at least one of its
    /// sub-databases present, else the check is reported `not_run` naming the missing
    /// groups (in this order).
    var needs: [[SubDatabase]] { get }
    /// Whether it runs on the second thread while the others run on this one (for the
    /// costliest check, so both cores work).
    var runsAlongside: Bool { get }
    /// Judges the graph: the exact count of findings and the first few.
    func tally(_ graph: TaskGraph) -> Tally
}

extension GraphCheck {
    var runsAlongside: Bool { false }

    /// The sub-databases of the groups none of whose members are in `present`.
    func missing(from present: Set<SubDatabase>) -> [SubDatabase] {
        needs.filter { group in !group.contains(where: present.contains) }.flatMap { $0 }
    }

    /// Not met when a needed sub-database is missing.
    func unmet(in graph: TaskGraph) -> [CheckNote]? {
        let missing = missing(from: graph.present)
        return missing.isEmpty ? nil : [.missing(missing)]
    }

    func run(_ graph: TaskGraph) -> CheckResult { tally(graph).result() }
}

extension CheckRegistry {
    /// Runs `checks` on `graph`, those that run alongside on a second thread, and
    /// returns their results in the order of `checks`.
    static func run(_ checks: [any GraphCheck], on graph: TaskGraph) -> [CheckResult] {
        let alongside = checks.filter(\.runsAlongside)
        let (here, there) = inParallel(
            { checks.filter { !$0.runsAlongside }.map { $0.result(on: graph) } },
            { alongside.map { $0.result(on: graph) } })
        var byID: [CheckID: CheckResult] = [:]
        for result in here + there { byID[result.id] = result }
        return checks.compactMap { byID[$0.id] }
    }
}

/// Every writer file opens as LMDB and its structure walk finds nothing wrong.
struct WriterStructureCheck: CuratorCheck {
    let id = CheckID.writerStructure

    func unmet(in reading: CuratorReading) -> [CheckNote]? { nil }

    func run(_ reading: CuratorReading) -> CheckResult {
        var tally = tally(reading)
        for writer in reading.writers {
            switch writer.state {
            case .unreadable(let reason):
                tally.add(.unreadable(reason), file: writer.name)
            case .damaged:
                guard let report = writer.outcome.inspection.structure else { continue }
                for finding in report.findings {
                    tally.add(.structure(finding), file: writer.name, database: finding.database, page: finding.page)
                }
                tally.addWithoutExample(report.findingCount - report.findings.count)
            default:
                continue
            }
        }
        let busy = reading.busy
        return tally.result(notes: (reading.writers.isEmpty ? [.noWriters] : []) + (busy.isEmpty ? [] : [.writersBusy(busy)]))
    }
}

extension CheckID {
    /// Every writer file opens as LMDB and its structure walk finds nothing wrong.
    public static let writerStructure = CheckID("writer-structure", summary: "every writer file is LMDB with a sound structure")
}

public import AmanatCrypto
import Foundation

/// How long the records filed in a case are kept (Docs/format.md §8.25). By default, and until the
/// administrator sets a rule, for ever.
public struct RetentionPolicy: Sendable, Equatable {
    /// When the records become due for shredding.
    public enum Rule: Sendable, Equatable {
        /// Kept until this day, inclusive; due the day after.
        case until(Day)
        /// Kept this many days after the case is closed; due the day after that.
        case daysAfterClose(Int)
    }

    /// The rule, or nil to keep the records for ever.
    public var rule: Rule?
    /// The day the case was closed, or nil while it is open.
    public var closed: Day?

    /// No rule, open.
    public static let keep = RetentionPolicy(rule: nil, closed: nil)

    public init(rule: Rule?, closed: Day?) {
        self.rule = rule
        self.closed = closed
    }

    /// The first day on which the records are due, or nil while none is set (no rule, or a rule that waits
    /// for the case to be closed).
    public var dueDay: Day? {
        switch rule {
        case .until(let day): day.adding(days: 1)
        case .daysAfterClose(let days): closed?.adding(days: days + 1)
        case nil: nil
        }
    }

    /// The longest rule accepted: about 300 years.
    public static let maximumDays = 110_000
}

/// What `retention run` shredded, or would shred.
public struct RetentionReport: Sendable, Equatable {
    /// The cases whose policies were due.
    public var dueCases: [Case.ID]
    /// The records shredded (or, for a dry run, to be shredded): filed only in due cases.
    public var records: [Testimony.ID]
    /// Records of due cases kept because another case they are filed in is not due.
    public var kept: [Testimony.ID]
    /// Mailboxes closed (or, for a dry run, to be closed) after `Vault.mailboxInactivityDays` unused; their
    /// replies are deleted, their records kept.
    public var mailboxesClosed = 0
    /// Replies deleted with them (0 for a dry run).
    public var repliesDeleted = 0
}

extension Vault {
    /// A case's retention policy, checked: the administrator's signature, and a revision equal to the number of
    /// `case.retention` audit entries naming the case (an older copy put back is refused).
    /// - Throws: `.caseNotFound`, `.corrupted` (a bad signature), `.auditMismatch` (an older or missing row).
    public func retention(of caseID: Case.ID) throws -> RetentionPolicy {
        try store.read { reader in
            let row = try caseRow(caseID, reader)
            return try checkedRetention(row.id, reader)
        }
    }

    /// Every case's retention policy, checked as `retention(of:)` checks one, in one read.
    /// - Throws: as `retention(of:)`, for the first policy that does not verify.
    public func retentionPolicies() throws -> [Case.ID: RetentionPolicy] {
        try store.read { reader in
            let written = try retentionEntryCounts(reader)
            let rows = Dictionary(
                try reader.caseRetentionRows().map { ($0.caseID, $0) }, uniquingKeysWith: { first, _ in first })
            var policies: [Case.ID: RetentionPolicy] = [:]
            for caseFile in try reader.caseFiles() where !caseFile.title.isEmpty {
                policies[try Case.ID(bytes: Array(caseFile.id))] = try checkedRetention(
                    caseFile.id, row: rows[caseFile.id], written: written[caseFile.id] ?? 0)
            }
            return policies
        }
    }

    /// Sets the rule of a case's policy (nil: keep for ever), keeping its closed day; logged as `case.retention`.
    /// - Throws: `.notAdministrator`, `.caseNotFound`, `.invalidArgument` for a rule out of range, and as
    ///   `retention(of:)` when the stored policy does not verify.
    public func setRetention(_ rule: RetentionPolicy.Rule?, for caseID: Case.ID, administrator: Identity) throws {
        if case .daysAfterClose(let days) = rule, !(0...RetentionPolicy.maximumDays).contains(days) {
            throw AmanatVaultError.invalidArgument(
                "keep records between 0 and \(RetentionPolicy.maximumDays) days after a case is closed")
        }
        try changeRetention(of: caseID, administrator: administrator) { $0.rule = rule }
    }

    /// Closes a case on `day` (its records then count down to a `daysAfterClose` rule), or reopens it (nil).
    /// - Throws: as `setRetention`; `.invalidArgument` when the case is already in that state.
    public func setClosed(_ day: Day?, case caseID: Case.ID, administrator: Identity) throws {
        try changeRetention(of: caseID, administrator: administrator) { policy in
            guard (policy.closed == nil) != (day == nil) else {
                throw AmanatVaultError.invalidArgument(
                    "case \(caseID) is \(day == nil ? "not closed" : "closed already"); nothing was changed")
            }
            policy.closed = day
        }
    }

    /// Shreds the records every policy says are due on `today`: those filed only in cases whose due day has
    /// come (a record also filed in a case that is not due is kept). Shreds in batches of `batchSize` records,
    /// each batch one transaction, so a run killed part-way leaves every record whole or shredded, and the
    /// next run finishes the work.
    /// - Parameter dryRun: report what is due without shredding anything.
    /// - Throws: audit errors (nothing is shredded from a vault that does not verify), as `retention(of:)`
    ///   for a policy that does not verify, and as `shred`.
    @discardableResult
    public func runRetention(
        administrator: Identity, today: Day = .today(), dryRun: Bool = false, batchSize: Int = 200
    ) throws -> RetentionReport {
        try requireAdministrator(administrator)
        _ = try verifyAudit()
        var report = try store.read { reader in try dueRecords(today: today, reader) }
        let shredding = Set(report.records.map { Data($0.rawValue) })
        if dryRun {
            report.mailboxesClosed = try store.read { reader in
                try inactiveMailboxes(today: today, reader).filter { !$0.records.allSatisfy(shredding.contains) }.count
            }
            return report
        }
        _ = try finishShredding()
        var start = 0
        while start < report.records.count {
            let batch = Array(report.records[start..<min(start + batchSize, report.records.count)])
            _ = try shredFinished(batch, administrator: administrator)
            start += batch.count
        }
        (report.mailboxesClosed, report.repliesDeleted) = try store.write { writer in
            let due = try inactiveMailboxes(today: today, writer)
            var deleted = 0
            for mailbox in due {
                deleted += try close(
                    records: mailbox.records, mailbox: mailbox.mailbox, actor: administrator, day: today, writer)
            }
            return (due.count, deleted)
        }
        if report.repliesDeleted > 0 { try store.clearReplacedRows() }
        return report
    }

    /// The records due on `today`, by the policies of every case.
    private func dueRecords(today: Day, _ reader: any VaultReader) throws -> RetentionReport {
        var due = Set<Data>()
        var dueCases: [Case.ID] = []
        let written = try retentionEntryCounts(reader)
        for row in try reader.caseRetentionRows() {
            let policy = try checkedRetention(row.caseID, row: row, written: written[row.caseID] ?? 0)
            if let day = policy.dueDay, day <= today {
                due.insert(row.caseID)
                dueCases.append(try Case.ID(bytes: Array(row.caseID)))
            }
        }
        var cases: [Data: [Data]] = [:]
        for (record, caseID) in try reader.memberships() { cases[record, default: []].append(caseID) }
        var records: [Testimony.ID] = []
        var kept: [Testimony.ID] = []
        for (record, filed) in cases.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) })
        where filed.contains(where: due.contains) {
            let id = try Testimony.ID(bytes: Array(record))
            if filed.allSatisfy(due.contains) { records.append(id) } else { kept.append(id) }
        }
        dueCases.sort { $0.description < $1.description }
        return RetentionReport(dueCases: dueCases, records: records, kept: kept)
    }

    /// How many `case.retention` entries name each case: the revision its policy must have.
    private func retentionEntryCounts(_ reader: any VaultReader) throws -> [Data: Int] {
        var counts: [Data: Int] = [:]
        for entry in try reader.auditEntries(action: "case.retention") {
            if let caseID = Self.objectIDs(entry).first { counts[caseID, default: 0] += 1 }
        }
        return counts
    }

    /// The stored policy of a case, checked; `.keep` when none was written.
    private func checkedRetention(_ caseID: Data, _ reader: any VaultReader) throws -> RetentionPolicy {
        let written = try reader.auditEntries(action: "case.retention").filter {
            $0.objects == Hex.encode(Array(caseID))
        }
        return try checkedRetention(caseID, row: reader.caseRetention(caseID: caseID), written: written.count)
    }

    /// `row`, the stored policy of a case, checked against the number of `case.retention` entries naming it.
    private func checkedRetention(_ caseID: Data, row: CaseRetentionRow?, written: Int) throws -> RetentionPolicy {
        let hex = Hex.encode(Array(caseID))
        guard let row else {
            guard written == 0 else {
                throw AmanatVaultError.auditMismatch("the retention policy of case \(hex) is missing")
            }
            return .keep
        }
        let what = "the retention policy of case \(hex)"
        guard let statement = VaultFormat.retentionStatement(row),
            administratorKey.isValidSignature(Array(row.signature), for: statement)
        else { throw AmanatVaultError.corrupted(what) }
        guard row.revision == written else {
            throw AmanatVaultError.auditMismatch(
                "\(what) is revision \(row.revision), but the audit log records revision \(written)")
        }
        // The statement's encoding has checked every day; a row with both rules is not one Amanat writes.
        let until = try row.keepUntil.map { try Day($0) }
        let closed = try row.closedDay.map { try Day($0) }
        switch (until, row.keepDaysAfterClose) {
        case (let day?, nil): return RetentionPolicy(rule: .until(day), closed: closed)
        case (nil, let days?): return RetentionPolicy(rule: .daysAfterClose(days), closed: closed)
        case (nil, nil): return RetentionPolicy(rule: nil, closed: closed)
        default: throw AmanatVaultError.corrupted(what)
        }
    }

    /// Reads the case's checked policy, applies `change`, and stores the next revision, signed, with its
    /// audit entry, in one transaction.
    private func changeRetention(
        of caseID: Case.ID, administrator: Identity, _ change: (inout RetentionPolicy) throws -> Void
    ) throws {
        try requireAdministrator(administrator)
        let day = Day.today()
        try store.write { writer in
            let row = try caseRow(caseID, writer)
            var policy = try checkedRetention(row.id, writer)
            try change(&policy)
            let revision = (try writer.caseRetention(caseID: row.id)?.revision ?? 0) + 1
            var stored = CaseRetentionRow(
                caseID: row.id, revision: revision, keepUntil: nil, keepDaysAfterClose: nil,
                closedDay: policy.closed?.description, day: day.description, signature: Data())
            switch policy.rule {
            case .until(let until): stored.keepUntil = until.description
            case .daysAfterClose(let days): stored.keepDaysAfterClose = days
            case nil: break
            }
            guard let statement = VaultFormat.retentionStatement(stored) else {
                throw AmanatVaultError.invalidArgument("this retention policy cannot be stored")
            }
            stored.signature = Data(administrator.signingKey.signature(for: statement))
            try writer.save(stored)
            try AuditLog.append(to: writer, action: "case.retention", objects: [row.id], actor: administrator, day: day)
        }
    }
}

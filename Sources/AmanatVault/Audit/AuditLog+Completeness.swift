import Foundation

extension AuditLog {
    /// Checks that the audit log and the vault's rows tell the same story, in both directions (Docs/format.md,
    /// 8.12, "Completeness"): every record, case, case key version, membership, grant, reply, projection and
    /// plan has the entry that made it; every object an entry made still exists; and the unsigned columns a
    /// later entry changed (key versions, a grant's revocation day and replacement) agree with the log.
    ///
    /// The chain check (`verify`) proves that the log is unchanged; this one proves that nobody added,
    /// deleted or edited rows behind its back. Neither sees a change that removes the newest entries
    /// together with their rows: only a remembered head catches that.
    /// - Parameters:
    ///   - entries: the whole log in sequence order, already verified by `verify`.
    ///   - reader: the vault's rows, read in the same transaction as `entries`.
    /// - Throws: `AmanatVaultError.auditBroken` for an entry that cannot be replayed (unknown action, wrong
    ///   number of ids, an object no earlier entry created); `.auditMismatch` naming the first row that
    ///   disagrees with the log.
    static func verifyRows(_ entries: [AuditEntryRow], _ reader: any VaultReader) throws {
        let grants = try reader.grants(caseID: nil)
        let grantRows = Dictionary(grants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var check = AuditRowCheck(ledger: try AuditLedger(entries: entries, grantRows: grantRows))
        let mailboxes = check.records(try reader.testimonyHeaders())
        check.cases(try reader.caseFiles(), keys: try reader.caseKeyVersions())
        check.memberships(try reader.membershipVersions())
        check.grants(grants)
        check.replies(try reader.replyHeaders(), mailboxes: mailboxes)
        check.projections(try reader.projections(caseID: nil), plans: try reader.planHeaders())
        check.termLists(try reader.caseTermRows())
        check.retentionPolicies(try reader.caseRetentionRows())
        if let error = check.error { throw error }
    }
}

public import AmanatCrypto
import Foundation

/// What shredding a case takes away, shown to the administrator before she confirms (Docs/format.md §8.27).
public struct CaseShredSummary: Sendable, Equatable {
    /// The case.
    public var caseID: Case.ID
    /// The records filed only in it, shredded with it.
    public var records: [ShredSummary]
    /// Records also filed in another case: they stay, taken out of this one.
    public var kept: [Testimony.ID]
    /// Its grants: they stay in the log, their copies of the case key emptied.
    public var grants: Int
    /// Projections published from it: public, and left in place.
    public var projectionsKept: Int
}

extension Vault {
    /// What shredding a case would take away, without changing anything.
    /// - Throws: `.notAdministrator`, `.caseNotFound`, `.shredded`, and as `shredSummaries` for its records.
    public func caseShredSummary(_ caseID: Case.ID, administrator: Identity) throws -> CaseShredSummary {
        try requireAdministrator(administrator)
        return try store.read { reader in try caseShredPlan(caseID, administrator: administrator, reader).summary }
    }

    /// Shreds a case in one transaction: the records filed only in it (as `shred` does, each with its
    /// tombstone), every wrapping of a record key under its keys, its keys, its term list and retention
    /// policy; its title, notes and pseudonym key are emptied, and each grant's copy of its key is emptied
    /// and the grant signed again, so that the lawyers' audit entries still verify. A signed `case.shred`
    /// entry is the case's tombstone; its row stays as a husk the log can account for. Records also filed in
    /// another case stay there. Published projections stay.
    /// - Throws: as `caseShredSummary`; nothing is changed then.
    @discardableResult
    public func shredCase(_ caseID: Case.ID, administrator: Identity) throws -> CaseShredSummary {
        try requireAdministrator(administrator)
        _ = try finishShredding()
        let planned = try store.read { reader in try caseShredPlan(caseID, administrator: administrator, reader) }
        let id = Data(caseID.rawValue)
        let day = Day.today()
        let records = try shredFinished(planned.summary.records.map(\.record), administrator: administrator) {
            writer in
            // The same case as planned, unchanged since: the transaction is the decision.
            let now = try self.caseShredPlan(caseID, administrator: administrator, writer)
            guard now.summary == planned.summary else {
                throw AmanatVaultError.invalidArgument(
                    "case \(caseID) changed while it was being shredded; nothing was shredded, run the command again")
            }
            try writer.delete(.caseMemberships, id: id)
            try writer.delete(.caseKeys, id: id)
            try writer.delete(.caseTerms, id: id)
            try writer.delete(.caseRetention, id: id)
            var husk = now.row
            husk.title = Data()
            husk.pseudonymKey = nil
            try writer.update(husk)
            for var grant in now.grants {
                grant.sealedCaseKey = Data()
                grant.signature = Data(administrator.signingKey.signature(for: VaultFormat.grantStatement(grant)))
                try writer.update(grant)
            }
            try AuditLog.append(to: writer, action: "case.shred", objects: [id], actor: administrator, day: day)
        }
        var summary = planned.summary
        summary.records = records
        return summary
    }

    /// Every case shredded in this vault, with its tombstone.
    public func caseTombstones() throws -> [Case.ID: Tombstone] {
        try store.read { reader in
            var found: [Case.ID: Tombstone] = [:]
            for row in try reader.caseFiles() where row.title.isEmpty {
                guard let entry = try caseTombstone(row.id, reader), let day = try? Day(entry.day) else { continue }
                found[try Case.ID(bytes: Array(row.id))] = Tombstone(day: day, sequence: entry.sequence)
            }
            return found
        }
    }

    /// The `case.shred` entry of a shredded case, or nil.
    func caseTombstone(_ id: Data, _ reader: any VaultReader) throws -> AuditEntryRow? {
        try reader.auditEntries(action: "case.shred").first { $0.objects == Hex.encode(Array(id)) }
    }

    /// The error for a case row that is a husk: shredded on its tombstone's day, or damaged without one.
    func shreddedCase(_ row: CaseRow, _ reader: any VaultReader) throws -> AmanatVaultError {
        let id = try Case.ID(bytes: Array(row.id))
        guard let entry = try caseTombstone(row.id, reader) else {
            return .corrupted("case \(id) (its title is empty, but no audit entry shredded it)")
        }
        return .shredded(what: "case \(id)", day: entry.day, sequence: entry.sequence)
    }

    /// A case to shred: its row and grants, and what goes with it.
    private struct CaseShredPlan {
        let row: CaseRow
        let grants: [GrantRow]
        let summary: CaseShredSummary
    }

    private func caseShredPlan(
        _ caseID: Case.ID, administrator: Identity, _ reader: any VaultReader
    ) throws -> CaseShredPlan {
        let row = try caseRow(caseID, reader)
        var doomed: [Testimony.ID] = []
        var kept: [Testimony.ID] = []
        for membership in try reader.caseRecords(caseID: row.id) {
            let record = try Testimony.ID(bytes: Array(membership.recordID))
            if try reader.caseIDs(containing: membership.recordID).allSatisfy({ $0 == row.id }) {
                doomed.append(record)
            } else {
                kept.append(record)
            }
        }
        let grants = try reader.grants(caseID: row.id)
        let published = try reader.projections(caseID: row.id).count
        let records = try shredPlan(doomed, administrator: administrator, reader).map(\.summary)
        return CaseShredPlan(
            row: row, grants: grants,
            summary: CaseShredSummary(
                caseID: caseID, records: records, kept: kept, grants: grants.count, projectionsKept: published))
    }
}

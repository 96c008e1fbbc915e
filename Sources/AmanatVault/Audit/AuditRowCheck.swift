import AmanatCrypto
import Foundation

/// Compares the vault's rows with what the audit log says they are (`AuditLedger`), table by table and in
/// both directions: every row has the entry that made it, every object an entry made is still there, and
/// the unsigned columns that record later changes (`caseFile.keyVersion`, `caseRecord.keyVersion`,
/// `grant.revokedDay`, `grant.supersededBy`, `projection.caseID`…) say what the log says.
///
/// Each table is read once and matched through dictionaries and sets, so the cost grows linearly with
/// the vault. Every discrepancy found is kept; `error` reports the one of the earliest entry (rows no
/// entry accounts for come last), and how many others there are.
struct AuditRowCheck {
    let ledger: AuditLedger
    private var problems: [(order: Int, message: String)] = []

    init(ledger: AuditLedger) { self.ledger = ledger }

    /// The first discrepancy, or nil when the rows match the log.
    var error: AmanatVaultError? {
        guard let first = problems.min(by: { ($0.order, $0.message) < ($1.order, $1.message) }) else { return nil }
        let more = problems.count - 1
        let tail = more == 0 ? "" : " (and \(more) other discrepanc\(more == 1 ? "y" : "ies"))"
        return .auditMismatch(first.message + tail)
    }

    /// Order of a row that no entry accounts for: after every discrepancy tied to an entry.
    private static let unlogged = Int.max

    private mutating func report(_ order: Int, _ message: String) { problems.append((order, message)) }

    /// Records against `submit` and `follow-up`.
    /// - Returns: the mailbox of each record present, for the replies.
    mutating func records(_ rows: [TestimonyHeaderRow]) -> [Data: Data] {
        var mailboxes: [Data: Data] = [:]
        mailboxes.reserveCapacity(rows.count)
        for row in rows {
            mailboxes[row.id] = row.mailboxID
            if let shred = ledger.shredded[row.id] {
                report(
                    shred,
                    "record \(hex(row.id)) was shredded by audit entry \(shred), yet its row is still there "
                        + "(it was put back outside Amanat, perhaps from a backup)")
                continue
            }
            guard let logged = ledger.records[row.id] else {
                report(
                    Self.unlogged,
                    "record \(hex(row.id)) has no submit or follow-up entry in the audit log "
                        + "(its row was inserted outside Amanat)")
                continue
            }
            if row.kind != logged.kind {
                report(
                    logged.source.sequence,
                    "record \(hex(row.id)) is stored as kind \(row.kind), but audit entry "
                        + "\(logged.source.sequence) records a \(logged.source.action) "
                        + "(its row was changed outside Amanat)")
            }
        }
        for (id, logged) in ledger.records where mailboxes[id] == nil {
            report(
                logged.source.sequence,
                "record \(hex(id)), named by audit entry \(logged.source.sequence) "
                    + "(\(logged.source.action)), is missing (it was deleted outside Amanat)")
        }
        return mailboxes
    }

    /// Cases against `case.create`, their key versions against `grant.revoke`.
    mutating func cases(_ rows: [CaseRow], keys: [(caseID: Data, version: Int)]) {
        var present = Set<Data>()
        for row in rows {
            present.insert(row.id)
            guard let created = ledger.cases[row.id] else {
                report(
                    Self.unlogged,
                    "case \(hex(row.id)) has no case.create entry in the audit log "
                        + "(its row was inserted outside Amanat)")
                continue
            }
            if ledger.shreddedCases[row.id] == nil, row.title.isEmpty {
                report(
                    created.sequence,
                    "case \(hex(row.id)) has an empty title, as only a shredded case has, but no case.shred entry "
                        + "(its row was changed outside Amanat, which hides it from the case list)")
            }
            if let shred = ledger.shreddedCases[row.id], !row.title.isEmpty || row.pseudonymKey != nil {
                report(
                    shred,
                    "case \(hex(row.id)) was shredded by audit entry \(shred), yet its title or pseudonym key is "
                        + "still there (it was put back outside Amanat)")
            }
            let expected = ledger.keyVersion(of: row.id)
            if row.keyVersion != expected {
                report(
                    created.sequence,
                    "case \(hex(row.id)) is at key version \(row.keyVersion), but the audit log "
                        + "records \(expected - 1) revocation(s) in it, so it should be at version \(expected) "
                        + "(its row was changed outside Amanat)")
            }
        }
        for (id, created) in ledger.cases where !present.contains(id) {
            report(
                created.sequence,
                "case \(hex(id)), created by audit entry \(created.sequence), is missing "
                    + "(it was deleted outside Amanat)")
        }
        var versions = Set<CaseVersion>()
        for key in keys {
            versions.insert(CaseVersion(caseID: key.caseID, version: key.version))
            if let shred = ledger.shreddedCases[key.caseID] {
                report(
                    shred,
                    "key version \(key.version) of case \(hex(key.caseID)) went when audit entry \(shred) shredded "
                        + "the case, yet it is still there (it was put back outside Amanat)")
            } else if ledger.cases[key.caseID] == nil || !(1...ledger.keyVersion(of: key.caseID)).contains(key.version)
            {
                report(
                    Self.unlogged,
                    "key version \(key.version) of case \(hex(key.caseID)) has no audit entry that "
                        + "made it (case.create makes version 1, each grant.revoke the next; the row was inserted "
                        + "outside Amanat)")
            }
        }
        for (id, created) in ledger.cases where ledger.shreddedCases[id] == nil {
            let made = [created.sequence] + (ledger.rotations[id] ?? [])
            for (index, sequence) in made.enumerated()
            where !versions.contains(CaseVersion(caseID: id, version: index + 1)) {
                report(
                    sequence,
                    "key version \(index + 1) of case \(hex(id)), made by audit entry \(sequence), "
                        + "is missing (it was deleted outside Amanat)")
            }
        }
    }

    /// Memberships against `case.assign`; each must be wrapped under its case's current key version.
    mutating func memberships(_ rows: [(caseID: Data, recordID: Data, keyVersion: Int)]) {
        var present = Set<AuditLedger.Membership>()
        present.reserveCapacity(rows.count)
        for row in rows {
            let key = AuditLedger.Membership(caseID: row.caseID, recordID: row.recordID)
            present.insert(key)
            let what = "record \(hex(row.recordID)) in case \(hex(row.caseID))"
            guard let filed = ledger.memberships[key] else {
                report(
                    Self.unlogged,
                    "\(what) has no case.assign entry in the audit log (the record was added "
                        + "to the case outside Amanat)")
                continue
            }
            let current = ledger.keyVersion(of: row.caseID)
            if row.keyVersion != current {
                report(
                    filed.sequence,
                    "\(what) is wrapped under key version \(row.keyVersion), but the case is at "
                        + "version \(current) (its row was changed, or restored from an older copy, outside Amanat)")
            }
        }
        for (key, filed) in ledger.memberships where !present.contains(key) {
            report(
                filed.sequence,
                "record \(hex(key.recordID)) in case \(hex(key.caseID)), filed by audit entry "
                    + "\(filed.sequence), is missing from the case (it was removed outside Amanat)")
        }
    }

    /// Grants against `grant.issue` and `grant.revoke`, with their revocation and replacement marks.
    mutating func grants(_ rows: [GrantRow]) {
        var present = Set<Data>()
        for row in rows {
            present.insert(row.id)
            guard let logged = ledger.grants[row.id] else {
                report(
                    Self.unlogged,
                    "grant \(hex(row.id)) has no grant.issue or grant.revoke entry in the audit log "
                        + "(its row was inserted outside Amanat)")
                continue
            }
            let issued = logged.source.sequence
            if row.caseID != logged.caseID {
                report(
                    issued,
                    "grant \(hex(row.id)) is stored for case \(hex(row.caseID)), but audit entry \(issued) "
                        + "issued it for case \(hex(logged.caseID)) (its row was changed outside Amanat)")
            } else if row.keyVersion != logged.keyVersion {
                report(
                    issued,
                    "grant \(hex(row.id)) carries key version \(row.keyVersion), but audit entry \(issued) "
                        + "issued it for version \(logged.keyVersion) (its row was changed outside Amanat)")
            }
            if let shred = ledger.shreddedCases[logged.caseID], !row.sealedCaseKey.isEmpty {
                report(
                    shred,
                    "grant \(hex(row.id)) still holds a copy of the key of case \(hex(logged.caseID)), which "
                        + "audit entry \(shred) shredded (it was put back outside Amanat)")
            }
            checkRevocation(row, logged)
            checkReplacement(row, logged)
        }
        for (id, logged) in ledger.grants where !present.contains(id) {
            report(
                logged.source.sequence,
                "grant \(hex(id)), issued by audit entry \(logged.source.sequence) "
                    + "(\(logged.source.action)), is missing (it was deleted outside Amanat)")
        }
    }

    private mutating func checkRevocation(_ row: GrantRow, _ logged: AuditLedger.Grant) {
        let grant = "grant \(hex(row.id))"
        switch (row.revokedDay, logged.revoked) {
        case (nil, nil):
            break
        case (nil, (let day, let sequence)?):
            report(
                sequence,
                "\(grant) was revoked on \(day) by audit entry \(sequence), but the database no longer "
                    + "marks it revoked (the mark was cleared outside Amanat, so the grant looks usable again)")
        case (let day?, nil):
            report(
                Self.unlogged,
                "\(grant) is marked revoked on \(day.prefix(10)), but no audit entry revoked it "
                    + "(the mark was set outside Amanat)")
        case (let day?, (let expected, let sequence)?):
            // The revocation and its entry each read the clock, so they may fall either side of midnight UTC.
            let before = (try? Day(expected))?.adding(days: -1).description
            if day != expected && day != before {
                report(
                    sequence,
                    "\(grant) is marked revoked on \(day.prefix(10)), but audit entry \(sequence) "
                        + "revoked it on \(expected) (the mark was changed outside Amanat)")
            }
        }
    }

    private mutating func checkReplacement(_ row: GrantRow, _ logged: AuditLedger.Grant) {
        let grant = "grant \(hex(row.id))"
        switch (row.supersededBy, logged.replacement) {
        case (nil, nil):
            break
        case (nil, (let id, let sequence)?):
            report(
                sequence,
                "\(grant) was replaced by grant \(hex(id)) in audit entry \(sequence), but the database "
                    + "no longer marks it replaced (the mark was cleared outside Amanat, so the old grant looks "
                    + "current again)")
        case (let by?, nil):
            report(
                Self.unlogged,
                "\(grant) is marked replaced by grant \(hex(by)), but no audit entry replaced it "
                    + "(the mark was set outside Amanat)")
        case (let by?, (let id, let sequence)?):
            if by != id {
                report(
                    sequence,
                    "\(grant) is marked replaced by grant \(hex(by)), but audit entry \(sequence) "
                        + "replaced it by grant \(hex(id)) (the mark was changed outside Amanat)")
            }
        }
    }

    /// Replies against `reply`; each must sit in the mailbox of the record it answers.
    mutating func replies(_ rows: [(id: Data, mailboxID: Data)], mailboxes: [Data: Data]) {
        var present = Set<Data>()
        for row in rows {
            present.insert(row.id)
            if let closed = ledger.closedReplies[row.id] {
                report(
                    closed,
                    "reply \(hex(row.id)) was deleted when audit entry \(closed) closed its mailbox, yet it is "
                        + "still there (it was put back outside Amanat)")
                continue
            }
            guard let logged = ledger.replies[row.id] else {
                report(
                    Self.unlogged,
                    "reply \(hex(row.id)) has no reply entry in the audit log "
                        + "(its row was inserted outside Amanat)")
                continue
            }
            if let mailbox = mailboxes[logged.recordID], mailbox != row.mailboxID {
                report(
                    logged.source.sequence,
                    "reply \(hex(row.id)) is stored for another mailbox than that of record "
                        + "\(hex(logged.recordID)), which audit entry \(logged.source.sequence) says it answers "
                        + "(its row was changed outside Amanat)")
            }
        }
        for (id, logged) in ledger.replies where !present.contains(id) {
            report(
                logged.source.sequence,
                "reply \(hex(id)), written in audit entry \(logged.source.sequence), "
                    + "is missing (it was deleted outside Amanat)")
        }
    }

    /// Projections and their plans against `projection.publish`.
    mutating func projections(_ rows: [ProjectionRow], plans: [(projectionID: Data, recordID: Data)]) {
        var present = Set<Data>()
        for row in rows {
            present.insert(row.id)
            guard let logged = ledger.projections[row.id] else {
                report(
                    Self.unlogged,
                    "projection \(hex(row.id)) has no projection.publish entry in the audit log "
                        + "(its row was inserted outside Amanat)")
                continue
            }
            if row.caseID != logged.caseID {
                report(
                    logged.source.sequence,
                    "projection \(hex(row.id)) is stored for case \(hex(row.caseID)), but "
                        + "audit entry \(logged.source.sequence) published it for case \(hex(logged.caseID)) "
                        + "(its row was changed outside Amanat)")
            }
        }
        var planned = Set<Data>()
        for plan in plans {
            planned.insert(plan.projectionID)
            let what = "the redaction plan of projection \(hex(plan.projectionID))"
            guard let logged = ledger.projections[plan.projectionID] else {
                report(
                    Self.unlogged,
                    "\(what) has no projection.publish entry in the audit log "
                        + "(its row was inserted outside Amanat)")
                continue
            }
            if let shred = logged.planShredBy {
                report(
                    shred,
                    "\(what) went with record \(hex(logged.recordID)) when audit entry \(shred) shredded it, "
                        + "yet it is still there (it was put back outside Amanat)")
            } else if plan.recordID != logged.recordID {
                report(
                    logged.source.sequence,
                    "\(what) is stored for record \(hex(plan.recordID)), but audit entry "
                        + "\(logged.source.sequence) published it from record \(hex(logged.recordID)) "
                        + "(its row was changed outside Amanat)")
            }
        }
        for (id, logged) in ledger.projections {
            let sequence = logged.source.sequence
            if !present.contains(id) {
                report(
                    sequence,
                    "projection \(hex(id)), published in audit entry \(sequence), is missing "
                        + "(it was deleted outside Amanat)")
            }
            if !planned.contains(id) && logged.planShredBy == nil {
                report(
                    sequence,
                    "the redaction plan of projection \(hex(id)), published in audit entry \(sequence), "
                        + "is missing (it was deleted outside Amanat)")
            }
        }
    }

    /// Case term lists against `case.terms`: the revision is the number of entries, the key version the case's.
    mutating func termLists(_ rows: [CaseTermsRow]) {
        let ledger = self.ledger
        revisioned(
            rows.map { ($0.caseID, $0.revision) }, written: ledger.termLists, what: "term list", action: "case.terms"
        ) {
            index, count in
            let row = rows[index]
            let version = ledger.keyVersion(of: row.caseID)
            guard row.revision != count || row.keyVersion != version else { return nil }
            return "is revision \(row.revision) at key version \(row.keyVersion), but the audit log records revision "
                + "\(count) at version \(version)"
        }
    }

    /// Case retention policies against `case.retention`: the revision is the number of entries.
    mutating func retentionPolicies(_ rows: [CaseRetentionRow]) {
        revisioned(
            rows.map { ($0.caseID, $0.revision) }, written: ledger.retentionPolicies, what: "retention policy",
            action: "case.retention"
        ) { index, count in
            rows[index].revision == count
                ? nil : "is revision \(rows[index].revision), but the audit log records revision \(count)"
        }
    }

    /// Rows kept one per case and numbered by the entries that wrote them (`written`, per case, in order):
    /// each row needs an entry, `disagreement` says how the row at an index differs from the log (given the
    /// number of entries), and each case with entries needs its row.
    private mutating func revisioned(
        _ rows: [(caseID: Data, revision: Int)], written: [Data: [Int]], what: String, action: String,
        disagreement: (_ index: Int, _ count: Int) -> String?
    ) {
        var present = Set<Data>()
        for (index, row) in rows.enumerated() {
            present.insert(row.caseID)
            let name = "the \(what) of case \(hex(row.caseID))"
            if let shred = ledger.shreddedCases[row.caseID] {
                report(
                    shred,
                    "\(name) went when audit entry \(shred) shredded the case, yet it is still there (it was put "
                        + "back outside Amanat)")
                continue
            }
            guard let entries = written[row.caseID], let last = entries.last else {
                report(
                    Self.unlogged,
                    "\(name) has no \(action) entry in the audit log (its row was inserted outside Amanat)")
                continue
            }
            if let difference = disagreement(index, entries.count) {
                report(last, "\(name) \(difference) (an older copy was put back, or the row changed, outside Amanat)")
            }
        }
        for (id, entries) in written where !present.contains(id) {
            report(
                entries[0],
                "the \(what) of case \(hex(id)), written by audit entry \(entries[0]), is missing "
                    + "(it was deleted outside Amanat)")
        }
    }

    /// One version of one case's key.
    private struct CaseVersion: Hashable {
        let caseID: Data
        let version: Int
    }
}

/// Lowercase hex of an id, as the audit log and the CLI show it.
private func hex(_ id: Data) -> String { Hex.encode(Array(id)) }

public import AmanatCrypto
import Foundation

/// What shredding one record takes away, shown to the administrator before she confirms.
public struct ShredSummary: Sendable, Equatable {
    /// The record.
    public var record: Testimony.ID
    /// Day it was submitted.
    public var day: Day
    /// The cases it is filed in (its key is wrapped once under each).
    public var cases: [Case.ID]
    /// Its attachments.
    public var attachments: Int
    /// Replies written to its source about it.
    public var replies: Int
    /// Redaction plans of projections drawn from it.
    public var plans: Int
    /// Projections drawn from it: published, so public, and left in place.
    public var projectionsKept: Int
    /// Whether its source's mailbox goes too (no other record uses it), with every reply in it.
    public var removesMailbox: Bool
}

/// A record shredded earlier: the day and the audit entry that did it.
public struct Tombstone: Sendable, Equatable {
    /// Day of the shred.
    public var day: Day
    /// The signed `record.shred` audit entry.
    public var sequence: Int
}

extension Vault {
    /// What shredding `records` would take away, without changing anything.
    /// - Throws: `.notAdministrator`, `.recordNotFound`, `.shredded`, `.corrupted` (a body that does not open).
    public func shredSummaries(_ records: [Testimony.ID], administrator: Identity) throws -> [ShredSummary] {
        try requireAdministrator(administrator)
        return try store.read { reader in try shredPlan(records, administrator: administrator, reader).map(\.summary) }
    }

    /// Shreds `records` in one transaction (Docs/format.md §8.23): each record's key sealed to the intake key,
    /// every wrapping of it under a case key, its body, the plans of projections drawn from it, the replies
    /// about it and the mailbox no other record uses; one signed `record.shred` entry per record stays as its
    /// tombstone. Then its attachments are overwritten and removed, and the database's files are cleared of
    /// the old pages. Published projections stay: they are public already.
    ///
    /// A crash after the transaction leaves attachments behind whose keys are gone; the next shred, or
    /// `finishShredding()`, removes them.
    /// - Returns: what was taken away.
    /// - Throws: as `shredSummaries`; nothing is changed then.
    @discardableResult
    public func shred(_ records: [Testimony.ID], administrator: Identity) throws -> [ShredSummary] {
        try requireAdministrator(administrator)
        _ = try finishShredding()
        return try shredFinished(records, administrator: administrator)
    }

    /// `shred` once the leftovers of earlier shreds are gone (`retention run` finishes them once, not per batch).
    /// - Parameter alongside: more to do in the same transaction, before the records go (a case shred's husk).
    func shredFinished(
        _ records: [Testimony.ID], administrator: Identity, alongside: ((any VaultWriter) throws -> Void)? = nil
    ) throws -> [ShredSummary] {
        try requireAdministrator(administrator)
        let day = Day.today()
        let done = try store.write { writer in
            let plan = try shredPlan(records, administrator: administrator, writer)
            try alongside?(writer)
            for target in plan {
                for reply in target.replies { try writer.delete(.reply, id: reply) }
                try writer.delete(.plans, id: target.row.id)
                try writer.delete(.memberships, id: target.row.id)
                try writer.delete(.record, id: target.row.id)
                try AuditLog.append(
                    to: writer, action: "record.shred",
                    objects: [target.row.id] + target.blobs.map { Data($0.rawValue) }, actor: administrator, day: day)
            }
            // Mailboxes last: two records of one source shredded together both name hers.
            for mailbox in Set(plan.filter(\.summary.removesMailbox).map(\.row.mailboxID)) {
                try writer.delete(.mailboxReplies, id: mailbox)
                try writer.delete(.mailbox, id: mailbox)
            }
            return plan
        }
        for target in done {
            for blob in target.blobs { try blobs.destroy(blob) }
        }
        // Best effort: the shred is committed; a reader holding the log open only delays the clearing.
        try? store.clearReplacedRows()
        return done.map(\.summary)
    }

    /// Removes the attachments of records shredded earlier that a crash left behind.
    /// - Returns: how many were removed.
    ///
    /// Only entries the administrator signed count: a `record.shred` row added by someone else (the intake's
    /// database login may add audit rows) must not make this destroy a live record's attachments.
    @discardableResult
    public func finishShredding() throws -> Int {
        var removed = 0
        for entry in try signedTombstones() {
            for blob in Self.objectIDs(entry).dropFirst()
            where try blobs.size(of: try VaultID(bytes: Array(blob))) != nil {
                try blobs.destroy(try VaultID(bytes: Array(blob)))
                removed += 1
            }
        }
        return removed
    }

    /// Every record shredded in this vault, with its tombstone.
    public func tombstones() throws -> [Testimony.ID: Tombstone] {
        var found: [Testimony.ID: Tombstone] = [:]
        for entry in try signedTombstones() {
            guard let id = Self.objectIDs(entry).first, let day = try? Day(entry.day) else { continue }
            found[try Testimony.ID(bytes: Array(id))] = Tombstone(day: day, sequence: entry.sequence)
        }
        return found
    }

    /// The `record.shred` entries whose hash and administrator's signature verify.
    private func signedTombstones() throws -> [AuditEntryRow] {
        try store.read { try $0.auditEntries(action: "record.shred") }.filter { entry in
            let hash = VaultFormat.auditHash(entry)
            guard Data(hash) == entry.entryHash, entry.actor == info.administratorSigningKey,
                let signature = entry.signature
            else { return false }
            return administratorKey.isValidSignature(Array(signature), for: VaultFormat.auditSignedMessage(hash))
        }
    }

    /// The error for a record that is not in the vault: shredded (with its day) or never there.
    func missingRecord(_ id: Testimony.ID, _ reader: any VaultReader) throws -> AmanatVaultError {
        let hex = Hex.encode(id.rawValue)
        for entry in try reader.auditEntries(action: "record.shred") where entry.objects.hasPrefix(hex) {
            return .shredded(what: "record \(id)", day: entry.day, sequence: entry.sequence)
        }
        return .recordNotFound(id.description)
    }

    /// One record to shred and everything that goes with it.
    struct ShredTarget {
        let row: TestimonyRow
        let blobs: [VaultID<BlobTag>]
        let replies: [Data]
        let summary: ShredSummary
    }

    func shredPlan(
        _ records: [Testimony.ID], administrator: Identity, _ reader: any VaultReader
    ) throws -> [ShredTarget] {
        let doomed = Set(records.map { Data($0.rawValue) })
        guard doomed.count == records.count else {
            throw AmanatVaultError.invalidArgument("a record is named twice; name each record once")
        }
        var users: [Data: Int] = [:]
        for header in try reader.testimonyHeaders() where !doomed.contains(header.id) {
            users[header.mailboxID, default: 0] += 1
        }
        var replies: [Data: [Data]] = [:]
        for entry in try reader.auditEntries(action: "reply") {
            let ids = Self.objectIDs(entry)
            if ids.count == 2, doomed.contains(ids[1]) { replies[ids[1], default: []].append(ids[0]) }
        }
        var plans: [Data: Int] = [:]
        for header in try reader.planHeaders() where doomed.contains(header.recordID) {
            plans[header.recordID, default: 0] += 1
        }
        let published = try reader.auditEntries(action: "projection.publish").map(Self.objectIDs)
        return try records.map { id in
            guard let row = try reader.testimony(Data(id.rawValue)) else { throw try missingRecord(id, reader) }
            let testimony = try Vault.openBody(
                row, key: recordKey(row, as: .administrator(administrator), today: .today(), reader), reader)
            let written = replies[row.id] ?? []
            let summary = ShredSummary(
                record: id, day: try Day(row.day),
                cases: try reader.caseIDs(containing: row.id).map { try Case.ID(bytes: Array($0)) },
                attachments: testimony.attachments.count, replies: written.count, plans: plans[row.id] ?? 0,
                projectionsKept: published.filter { $0.count == 3 && $0[2] == row.id }.count,
                removesMailbox: users[row.mailboxID, default: 0] == 0)
            return ShredTarget(row: row, blobs: testimony.attachments.map(\.blob), replies: written, summary: summary)
        }
    }

    /// The ids an audit entry names (those that are not 32 hex digits are skipped: the log was verified).
    static func objectIDs(_ entry: AuditEntryRow) -> [Data] {
        entry.objects.split(separator: ",").compactMap { text in
            guard text.count == 32, let bytes = try? Hex.decode(String(text)) else { return nil }
            return Data(bytes)
        }
    }
}

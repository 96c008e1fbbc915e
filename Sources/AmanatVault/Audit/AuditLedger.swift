import AmanatCrypto
import Foundation

/// What the audit log says the vault holds: the log replayed entry by entry, giving every object an
/// entry created and the state it should be in now. `AuditLog.verifyRows` compares it with the rows.
///
/// The replay trusts only the log (already checked: chained, hashed, signed) and the signed columns of
/// grant rows (the grantee's keys, to pair a renewed grant with the one it replaced). It throws
/// `auditBroken` for an entry that cannot be replayed: an unknown action, the wrong number of ids, an id
/// created twice, or an object no earlier entry created. Amanat never writes such an entry.
///
/// Adding an action: give it a case in `apply`. A tombstone (`record.shred`) removes what it names from these
/// maps (the record, its memberships, the replies about it, the plans of projections drawn from it), so
/// their rows are no longer expected; a row still present is then reported as one the shred should have
/// taken. A `mailbox.close` does the same for the replies in the mailbox of the records it names, and a
/// `case.shred` for the case's memberships, term list and retention policy (its row and grants stay, emptied).
struct AuditLedger {
    /// The entry that recorded an object.
    struct Source {
        /// Its sequence number.
        let sequence: Int
        /// Its action.
        let action: String
    }

    /// A record, and the kind (`Testimony.Kind` raw value) its action implies.
    struct Record {
        let source: Source
        let kind: Int
    }

    /// A record filed in a case.
    struct Membership: Hashable {
        let caseID: Data
        let recordID: Data
    }

    /// A grant as the log left it.
    struct Grant {
        let source: Source
        let caseID: Data
        /// The case key version it must carry.
        let keyVersion: Int
        /// The day and entry of its revocation.
        var revoked: (day: String, sequence: Int)?
        /// The grant that replaced it, and the entry that did.
        var replacement: (id: Data, sequence: Int)?
        var isCurrent: Bool { revoked == nil && replacement == nil }
    }

    /// A projection and the case and record it was published from.
    struct Publication {
        let source: Source
        let caseID: Data
        let recordID: Data
        /// The `record.shred` entry that took its plan with the record, if one did.
        var planShredBy: Int? = nil
    }

    private(set) var records: [Data: Record] = [:]
    /// Records shredded, by the sequence of their `record.shred` entry (their tombstone).
    private(set) var shredded: [Data: Int] = [:]
    private(set) var cases: [Data: Source] = [:]
    /// Cases shredded (their rows kept as husks), by the sequence of their `case.shred` entry.
    private(set) var shreddedCases: [Data: Int] = [:]
    /// The `grant.revoke` entries of each case, in order: version `v > 1` was made by the `(v - 1)`-th.
    private(set) var rotations: [Data: [Int]] = [:]
    private(set) var memberships: [Membership: Source] = [:]
    private(set) var grants: [Data: Grant] = [:]
    private(set) var replies: [Data: (source: Source, recordID: Data)] = [:]
    /// Replies deleted when their mailbox was closed, by the sequence of the `mailbox.close` entry.
    private(set) var closedReplies: [Data: Int] = [:]
    private(set) var projections: [Data: Publication] = [:]
    /// The `case.terms` entries of each case, in order: the list's revision is their count.
    private(set) var termLists: [Data: [Int]] = [:]
    /// The `case.retention` entries of each case, in order: the policy's revision is their count.
    private(set) var retentionPolicies: [Data: [Int]] = [:]
    /// The cases each record was filed in, the replies written about it, the projections drawn from it.
    private var filedIn: [Data: [Data]] = [:]
    private var repliesAbout: [Data: [Data]] = [:]
    private var drawnFrom: [Data: [Data]] = [:]
    /// The grants of each case in the order the log issued them.
    private var grantsByCase: [Data: [Data]] = [:]
    /// The grant rows, by id: their signed grantee keys.
    private let grantRows: [Data: GrantRow]

    /// Replays `entries` (in sequence order).
    /// - Throws: `AmanatVaultError.auditBroken` for an entry that cannot be replayed.
    init(entries: [AuditEntryRow], grantRows: [Data: GrantRow]) throws {
        self.grantRows = grantRows
        for entry in entries { try apply(entry) }
    }

    /// The current key version of a case the log created: 1, plus one per revocation.
    func keyVersion(of caseID: Data) -> Int { 1 + (rotations[caseID]?.count ?? 0) }

    private mutating func apply(_ entry: AuditEntryRow) throws {
        let ids = try Self.ids(entry)
        let source = Source(sequence: entry.sequence, action: entry.action)
        func count(_ valid: Bool) throws {
            guard valid else { throw Self.broken(entry, "it names the wrong number of objects for \(entry.action)") }
        }
        switch entry.action {
        case "vault.create", "author.name":
            try count(ids.isEmpty)
        case "submit", "follow-up":
            try count(ids.count == 1)
            try fresh(ids[0], records[ids[0]] != nil, entry)
            records[ids[0]] = Record(source: source, kind: entry.action == "submit" ? 1 : 2)
        case "case.create":
            try count(ids.count == 1)
            try fresh(ids[0], cases[ids[0]] != nil, entry)
            cases[ids[0]] = source
        case "case.assign":
            try count(!ids.isEmpty)
            try requireCase(ids[0], entry)
            for record in ids.dropFirst() {
                try requireRecord(record, entry)
                if memberships.updateValue(source, forKey: Membership(caseID: ids[0], recordID: record)) == nil {
                    filedIn[record, default: []].append(ids[0])
                }
            }
        case "case.export":
            try count(ids.count == 1)
            try requireCase(ids[0], entry)
        case "vault.backup":
            try count(ids.count == 1)
        case "case.retention":
            try count(ids.count == 1)
            try requireCase(ids[0], entry)
            retentionPolicies[ids[0], default: []].append(entry.sequence)
        case "case.terms":
            try count(ids.count == 1)
            try requireCase(ids[0], entry)
            termLists[ids[0], default: []].append(entry.sequence)
        case "grant.issue":
            try count(ids.count >= 2)
            try requireCase(ids[1], entry)
            try issue(ids[0], case: ids[1], source)
            for replaced in ids.dropFirst(2) { try replace(replaced, by: ids[0], case: ids[1], entry) }
        case "grant.revoke":
            try revoke(ids, entry, source)
        case "reply":
            try count(ids.count == 2)
            try fresh(ids[0], replies[ids[0]] != nil, entry)
            try requireRecord(ids[1], entry)
            replies[ids[0]] = (source, ids[1])
            repliesAbout[ids[1], default: []].append(ids[0])
        case "projection.publish":
            try count(ids.count == 3)
            try fresh(ids[0], projections[ids[0]] != nil, entry)
            try requireCase(ids[1], entry)
            guard memberships[Membership(caseID: ids[1], recordID: ids[2])] != nil else {
                throw Self.broken(
                    entry,
                    "it publishes from record \(hex(ids[2])), which no entry filed in case "
                        + hex(ids[1]))
            }
            projections[ids[0]] = Publication(source: source, caseID: ids[1], recordID: ids[2])
            drawnFrom[ids[2], default: []].append(ids[0])
        case "case.shred":
            try count(ids.count == 1)
            try requireCase(ids[0], entry)
            shredCase(ids[0], sequence: entry.sequence)
        case "mailbox.close":
            // Every record of the mailbox: the replies about them (all the mailbox held) went with it.
            try count(!ids.isEmpty)
            for record in ids {
                try requireRecord(record, entry)
                for reply in repliesAbout.removeValue(forKey: record) ?? [] {
                    replies.removeValue(forKey: reply)
                    closedReplies[reply] = entry.sequence
                }
            }
        case "withdrawal.request":
            try count(!ids.isEmpty)
            for record in ids { try requireRecord(record, entry) }
        case "record.shred":
            // The record, then the blobs of its attachments (ids this log cannot check: they were in its body).
            try count(!ids.isEmpty)
            try requireRecord(ids[0], entry)
            shred(ids[0], sequence: entry.sequence)
        default:
            throw Self.broken(
                entry,
                "its action \"\(entry.action.prefix(40))\" is not one this Amanat knows; "
                    + "if a newer Amanat wrote this vault, verify it with that version")
        }
    }

    /// A tombstone: the record, its memberships and the replies about it are no longer expected; the
    /// projections drawn from it stay (published), their plans do not.
    private mutating func shred(_ record: Data, sequence: Int) {
        records.removeValue(forKey: record)
        shredded[record] = sequence
        for caseID in filedIn.removeValue(forKey: record) ?? [] {
            memberships.removeValue(forKey: Membership(caseID: caseID, recordID: record))
        }
        for reply in repliesAbout.removeValue(forKey: record) ?? [] { replies.removeValue(forKey: reply) }
        for projection in drawnFrom.removeValue(forKey: record) ?? [] {
            projections[projection]?.planShredBy = sequence
        }
    }

    /// A case's tombstone: its memberships, term list and retention policy are no longer expected; its row
    /// (a husk) and its grants (emptied) are.
    private mutating func shredCase(_ caseID: Data, sequence: Int) {
        shreddedCases[caseID] = sequence
        for key in memberships.keys where key.caseID == caseID {
            memberships.removeValue(forKey: key)
            filedIn[key.recordID]?.removeAll { $0 == caseID }
        }
        termLists.removeValue(forKey: caseID)
        retentionPolicies.removeValue(forKey: caseID)
    }

    /// `grant.revoke`: the revoked grants, the case, then the grants renewed for the case's other grantees.
    /// Revoking every grant of one lawyer at once names several revoked grants before the case.
    private mutating func revoke(_ ids: [Data], _ entry: AuditEntryRow, _ source: Source) throws {
        guard let position = ids.firstIndex(where: { cases[$0] != nil }), position > 0 else {
            throw Self.broken(entry, "it does not name a revoked grant followed by a case")
        }
        let caseID = ids[position]
        let oldVersion = keyVersion(of: caseID)
        for revoked in ids[..<position] {
            guard grants[revoked]?.caseID == caseID, grants[revoked]?.isCurrent == true else {
                throw Self.broken(entry, "it revokes grant \(hex(revoked)), which was not a current grant of the case")
            }
            grants[revoked]?.revoked = (entry.day, entry.sequence)
        }
        rotations[caseID, default: []].append(entry.sequence)
        for renewed in ids[(position + 1)...] {
            try issue(renewed, case: caseID, source)
            // The grant it carries over: the earliest current grant of the case, at the old key version,
            // held by the same keys. A renewed grant whose row is gone is reported as missing instead.
            guard let row = grantRows[renewed] else { continue }
            let earlier = grantsByCase[caseID, default: []].first { id in
                guard id != renewed, let grant = grants[id], grant.isCurrent, grant.keyVersion == oldVersion,
                    let old = grantRows[id]
                else { return false }
                return old.granteeSigningKey == row.granteeSigningKey
                    && old.granteeEncryptionKey == row.granteeEncryptionKey
            }
            if let earlier { grants[earlier]?.replacement = (renewed, entry.sequence) }
        }
    }

    private mutating func issue(_ id: Data, case caseID: Data, _ source: Source) throws {
        guard grants[id] == nil else {
            throw Self.broken(source, "grant \(hex(id)) was already issued by an earlier entry")
        }
        grants[id] = Grant(source: source, caseID: caseID, keyVersion: keyVersion(of: caseID))
        grantsByCase[caseID, default: []].append(id)
    }

    private mutating func replace(_ id: Data, by replacement: Data, case caseID: Data, _ entry: AuditEntryRow) throws {
        guard grants[id]?.caseID == caseID, grants[id]?.isCurrent == true else {
            throw Self.broken(entry, "it replaces grant \(hex(id)), which was not a current grant of the case")
        }
        grants[id]?.replacement = (replacement, entry.sequence)
    }

    private func fresh(_ id: Data, _ taken: Bool, _ entry: AuditEntryRow) throws {
        guard !taken else { throw Self.broken(entry, "\(hex(id)) was already created by an earlier entry") }
    }

    private func requireCase(_ id: Data, _ entry: AuditEntryRow) throws {
        guard cases[id] != nil else {
            throw Self.broken(entry, "it names case \(hex(id)), which no earlier entry created")
        }
        if let shred = shreddedCases[id] {
            throw Self.broken(entry, "it names case \(hex(id)), which audit entry \(shred) shredded")
        }
    }

    private func requireRecord(_ id: Data, _ entry: AuditEntryRow) throws {
        guard records[id] != nil else {
            throw Self.broken(entry, "it names record \(hex(id)), which no earlier entry submitted")
        }
    }

    /// The entry's ids: 32 lowercase hex digits each, joined by commas. Decoded by hand in one pass: a
    /// `case.assign` of a large case names every record, and the log has an entry per record.
    private static func ids(_ entry: AuditEntryRow) throws -> [Data] {
        var objects = entry.objects
        return try objects.withUTF8 { text in
            guard !text.isEmpty else { return [] }
            let count = (text.count + 1) / 33
            guard count * 33 == text.count + 1 else { throw malformed(entry) }
            var ids: [Data] = []
            ids.reserveCapacity(count)
            var bytes = [UInt8](repeating: 0, count: 16)
            for index in 0..<count {
                let start = index * 33
                guard index == 0 || text[start - 1] == UInt8(ascii: ",") else { throw malformed(entry) }
                for offset in 0..<16 {
                    guard let high = nibble(text[start + 2 * offset]), let low = nibble(text[start + 2 * offset + 1])
                    else {
                        throw malformed(entry)
                    }
                    bytes[offset] = high << 4 | low
                }
                ids.append(Data(bytes))
            }
            return ids
        }
    }

    /// The value of a lowercase hex digit.
    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func malformed(_ entry: AuditEntryRow) -> AmanatVaultError {
        broken(entry, "its objects are not ids (32 lowercase hex digits, joined by commas)")
    }

    private static func broken(_ entry: AuditEntryRow, _ reason: String) -> AmanatVaultError {
        .auditBroken(sequence: entry.sequence, reason: reason)
    }

    private static func broken(_ source: Source, _ reason: String) -> AmanatVaultError {
        .auditBroken(sequence: source.sequence, reason: reason)
    }
}

/// Lowercase hex of an id, as the audit log and the CLI show it.
private func hex(_ id: Data) -> String { Hex.encode(Array(id)) }

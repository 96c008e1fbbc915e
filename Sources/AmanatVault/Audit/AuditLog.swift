import AmanatCrypto
public import Foundation

/// The append-only audit log: each entry carries the hash of the one before it and, unless a source
/// made it anonymously, its actor's signature. `verify` detects any edit, deletion, insertion or
/// reordering; cutting entries off the end is detected against a head remembered from an earlier check.
public enum AuditLog {
    /// Actions a source takes anonymously: the only ones without an actor and signature. The administrator
    /// may also sign `mailbox.close` (`retention run` closing a mailbox unused for twelve months).
    public static let anonymousActions: Set<String> = ["submit", "follow-up", "mailbox.close", "withdrawal.request"]
    /// Actions a grantee may take; every other signed action is the administrator's alone.
    public static let granteeActions: Set<String> = ["reply", "projection.publish", "case.terms"]

    /// Appends an entry inside the caller's transaction.
    static func append(
        to writer: any VaultWriter, action: String, objects: [Data], actor: Identity?,
        day: Day = .today()
    ) throws {
        precondition(actor != nil || anonymousActions.contains(action), "only a source's actions are anonymous")
        if let actor { try signSettingsIfNeeded(writer, actor: actor) }
        let previous = try writer.lastAuditEntry()
        var row = AuditEntryRow(
            sequence: (previous?.sequence ?? 0) + 1,
            day: day.description,
            actor: actor.map { Data($0.publicKey.signing.rawRepresentation) },
            action: action,
            objects: objects.map { Hex.encode(Array($0)) }.joined(separator: ","),
            previousHash: previous?.entryHash ?? Data(count: 32),
            entryHash: Data(), signature: nil)
        let hash = VaultFormat.auditHash(row)
        row.entryHash = Data(hash)
        row.signature = actor.map { Data($0.signingKey.signature(for: VaultFormat.auditSignedMessage(hash))) }
        try writer.append(row)
    }

    /// Signs the settings of a vault made before schema revision 3 at its administrator's first action,
    /// in the same transaction (Docs/format.md §8.20).
    private static func signSettingsIfNeeded(_ writer: any VaultWriter, actor: Identity) throws {
        guard var info = try writer.info(), info.settingsSignature == nil,
            info.intakeKey == Data(actor.publicKey.encryption.rawRepresentation),
            info.administratorSigningKey == Data(actor.publicKey.signing.rawRepresentation)
        else { return }
        info.settingsSignature = try Vault.signSettings(info, administrator: actor)
        try writer.update(info)
    }

    /// What a successful verification saw.
    public struct Head: Equatable, Sendable, CustomStringConvertible {
        /// Number of entries.
        public let count: Int
        /// Hash of the last entry, hex (all zeros for an empty log).
        public let hash: String
        /// A head as printed by an earlier check.
        public init(count: Int, hash: String) {
            self.count = count
            self.hash = hash
        }

        /// "42 entries, head 9c1f…".
        public var description: String { "\(count) entries, head \(hash)" }

        /// "42:9c1f…": the form `amanat audit --expect-head` takes, and the CLI prints.
        public var argument: String { "\(count):\(hash)" }
    }

    /// Checks the whole log.
    /// - Parameters:
    ///   - entries: the log in sequence order.
    ///   - administrator: the administrator's Ed25519 key, which may take every signed action.
    ///   - grantees: Ed25519 keys of lawyers holding (or having held) a validly signed grant; they may only reply and publish.
    ///   - remembered: a head from an earlier check; the log must still contain it unchanged.
    /// - Returns: the head, to remember for next time.
    /// - Throws: `AmanatVaultError.auditBroken` naming the first bad entry.
    public static func verify(
        _ entries: [AuditEntryRow], administrator: Data, grantees: Set<Data>,
        remembered: Head? = nil
    ) throws -> Head {
        var previous = Data(count: 32)
        for (index, entry) in entries.enumerated() {
            let expected = index + 1
            try check(entry, sequence: expected, previous: previous, administrator: administrator, grantees: grantees)
            if let remembered, remembered.count == expected, Hex.encode(Array(entry.entryHash)) != remembered.hash {
                throw AmanatVaultError.auditBroken(
                    sequence: expected, reason: "it differs from the head remembered earlier")
            }
            previous = entry.entryHash
        }
        if let remembered, entries.count < remembered.count {
            throw AmanatVaultError.auditBroken(
                sequence: entries.count + 1,
                reason:
                    "the log is shorter than when it was last checked (\(remembered.count) entries): entries were "
                    + "cut off the end"
            )
        }
        return Head(count: entries.count, hash: Hex.encode(Array(previous)))
    }

    /// Checks one entry: its place in the chain, its hash, and its actor's right and signature
    /// (Docs/format.md §8.12, steps 1 to 5).
    /// - Throws: `AmanatVaultError.auditBroken` naming the entry.
    static func check(
        _ entry: AuditEntryRow, sequence expected: Int, previous: Data, administrator: Data,
        grantees: Set<Data>
    ) throws {
        guard entry.sequence == expected else {
            throw AmanatVaultError.auditBroken(
                sequence: expected, reason: "entry \(expected) is missing or out of order")
        }
        guard entry.previousHash == previous else {
            throw AmanatVaultError.auditBroken(
                sequence: expected,
                reason: "it does not follow the entry before it (an entry was removed, inserted or changed)")
        }
        guard Data(VaultFormat.auditHash(entry)) == entry.entryHash else {
            throw AmanatVaultError.auditBroken(sequence: expected, reason: "its content was changed")
        }
        guard (try? Day(entry.day)) != nil else {
            throw AmanatVaultError.auditBroken(sequence: expected, reason: "its day is not a valid day")
        }
        if let actor = entry.actor {
            // NULL is written as 32 zero bytes in the canonical bytes: an actor of 32 zero bytes would hash the
            // same as no actor, so it is refused outright (Docs/format.md §8.12).
            guard actor.count == 32, actor.contains(where: { $0 != 0 }) else {
                throw AmanatVaultError.auditBroken(sequence: expected, reason: "its actor is not a 32-byte key")
            }
            let allowed = actor == administrator || (grantees.contains(actor) && granteeActions.contains(entry.action))
            guard allowed else {
                throw AmanatVaultError.auditBroken(
                    sequence: expected, reason: "it names an actor who may not take this action")
            }
            guard let signature = entry.signature,
                let key = try? Ed25519.PublicKey(rawRepresentation: Array(actor)),
                key.isValidSignature(Array(signature), for: VaultFormat.auditSignedMessage(Array(entry.entryHash)))
            else {
                throw AmanatVaultError.auditBroken(sequence: expected, reason: "its signature does not verify")
            }
        } else {
            guard anonymousActions.contains(entry.action), entry.signature == nil else {
                throw AmanatVaultError.auditBroken(
                    sequence: expected, reason: "an unsigned entry records an action only a signed actor may take")
            }
        }
    }
}

extension Vault {
    /// Verifies this vault's audit log.
    /// - Parameter remembered: the head from an earlier check, if kept (detects entries cut off the end).
    /// - Returns: the head now.
    /// - Throws: `AmanatVaultError.auditBroken`; `.auditMismatch` when the rows disagree with the log.
    public func verifyAudit(remembered: AuditLog.Head? = nil) throws -> AuditLog.Head {
        try store.read { reader in
            let entries = try reader.auditEntries()
            try requireEntries(entries.count)
            let head = try AuditLog.verify(
                entries, administrator: info.administratorSigningKey,
                grantees: signedGrantees(reader), remembered: remembered)
            try AuditLog.verifyRows(entries, reader)
            return head
        }
    }

    /// An empty log is a vault's log only before the administrator's first action (a vault made from her public
    /// key): that action signs the settings, and every later log has entries. Settings signed over an empty log
    /// mean its entries were lost (a damaged table) or removed.
    /// - Throws: `AmanatVaultError.auditBroken` at entry 1.
    func requireEntries(_ count: Int) throws {
        guard count == 0, info.settingsSignature != nil else { return }
        throw AmanatVaultError.auditBroken(
            sequence: 1,
            reason: "the log is empty, yet the administrator has acted on this vault (its settings are signed): its "
                + "entries were lost or removed")
    }

    /// Signing keys of every grantee whose grant carries a valid administrator signature.
    func signedGrantees(_ reader: any VaultReader) throws -> Set<Data> {
        Set(
            try reader.grants(caseID: nil).filter {
                administratorKey.isValidSignature(Array($0.signature), for: VaultFormat.grantStatement($0))
            }.map(\.granteeSigningKey))
    }
}

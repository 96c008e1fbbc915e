import AmanatCrypto
import Foundation

extension Vault {
    /// Verifies the whole chain (hashes, order, actors, signatures), without comparing it to the rows.
    /// - Returns: the head now.
    /// - Throws: `AmanatVaultError.auditBroken`.
    func verifyAuditChain() throws -> AuditLog.Head {
        try store.read { reader in
            let entries = try reader.auditEntries()
            try requireEntries(entries.count)
            return try AuditLog.verify(
                entries, administrator: info.administratorSigningKey, grantees: signedGrantees(reader))
        }
    }

    /// Verifies that the log still holds `head`, a head this person verified earlier, unchanged, and that
    /// every entry after it follows correctly. Only the entries from the remembered one on are read, so
    /// opening a vault costs in proportion to what happened since the last time.
    /// - Parameters:
    ///   - head: the head remembered earlier.
    ///   - knownVaults: where it was remembered, for the message.
    /// - Returns: the head now.
    /// - Throws: `AmanatVaultError.rolledBack` when the log is shorter or differs at the remembered entry;
    ///   `.auditBroken` when an entry after it does not verify.
    func verifyAuditChain(continuingFrom head: AuditLog.Head, knownVaults: String) throws -> AuditLog.Head {
        try store.read { reader in
            let entries = try reader.auditEntries(from: max(head.count, 1))
            guard head.count > 0 else {
                try requireEntries(entries.count)
                return try AuditLog.verify(
                    entries, administrator: info.administratorSigningKey,
                    grantees: signedGrantees(reader))
            }
            guard let remembered = entries.first, remembered.sequence == head.count else {
                let now = try reader.lastAuditEntry()?.sequence ?? 0
                throw AmanatVaultError.rolledBack(remembered: head.count, now: now, knownVaults: knownVaults)
            }
            // The remembered entry must hash to what was remembered: then, by the chain, so does everything
            // before it that was verified then.
            guard Data(VaultFormat.auditHash(remembered)) == remembered.entryHash else {
                throw AmanatVaultError.auditBroken(sequence: head.count, reason: "its content was changed")
            }
            guard Hex.encode(Array(remembered.entryHash)) == head.hash else {
                throw AmanatVaultError.rolledBack(
                    remembered: head.count, now: entries.last?.sequence ?? head.count,
                    knownVaults: knownVaults)
            }
            let grantees = try entries.count > 1 ? signedGrantees(reader) : []
            var previous = remembered.entryHash
            for (offset, entry) in entries.enumerated().dropFirst() {
                try AuditLog.check(
                    entry, sequence: head.count + offset, previous: previous,
                    administrator: info.administratorSigningKey, grantees: grantees)
                previous = entry.entryHash
            }
            return AuditLog.Head(count: head.count + entries.count - 1, hash: Hex.encode(Array(previous)))
        }
    }
}

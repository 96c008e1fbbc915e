import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

/// An anonymous entry and one whose actor is 32 zero bytes have the same canonical bytes; the log
/// must still tell them apart. Days must be days.
@Suite("Audit entries: actors and days")
struct AuditActorTests {
    @Test("an anonymous entry re-labelled with an all-zero actor, or a bad day, is refused")
    func zeroActorAndDay() throws {
        let t = try TestVault()
        try t.submit()
        var entries = try t.vault.store.read { try $0.auditEntries() }
        let administrator = Data(t.administrator.publicKey.signing.rawRepresentation)
        _ = try AuditLog.verify(entries, administrator: administrator, grantees: [])
        let anonymous = try #require(entries.firstIndex { $0.actor == nil })
        var relabelled = entries
        relabelled[anonymous].actor = Data(count: 32)
        #expect(VaultFormat.auditHash(relabelled[anonymous]) == VaultFormat.auditHash(entries[anonymous]))
        #expect(throws: AmanatVaultError.self) {
            try AuditLog.verify(relabelled, administrator: Data(count: 32), grantees: [])
        }
        // A day that is not a day, even when the chain is re-hashed from there on.
        entries[anonymous].day = "2026-02-30"
        for index in anonymous..<entries.count {
            if index > 0 { entries[index].previousHash = entries[index - 1].entryHash }
            entries[index].entryHash = Data(VaultFormat.auditHash(entries[index]))
        }
        #expect(throws: AmanatVaultError.self) {
            try AuditLog.verify(entries, administrator: administrator, grantees: [])
        }
    }
}

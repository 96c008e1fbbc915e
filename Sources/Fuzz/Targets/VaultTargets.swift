import AmanatCrypto
@_spi(Fuzzing) import AmanatVault
import Foundation

extension FuzzTarget {
    /// Codenames as a source types them: refused, or read as eight words that the words shown to her
    /// (`reveal()`) read back to exactly.
    static let codename = FuzzTarget(name: "codename", reads: "codenames as typed (format.md §8.10)") { bytes in
        guard let codename = try? Codename(typed: SecretBytes(copying: bytes)) else { return .refused }
        let shown = try? Codename(typed: SecretBytes(utf8: codename.reveal()))
        try require(shown?.sameWords(as: codename) == true, "the words shown do not read back to the same codename")
        return .accepted
    }

    /// A record body once decrypted (format.md §8.6): the padding, then strict JSON. Refused, or a testimony
    /// whose body, as the tool writes it, decodes to the same testimony. Not the same bytes: JSON read leniently
    /// (spaces, escapes, members in any order, members a later version may add) is the product's choice, and
    /// the AEAD, not the parser, is what keeps anyone else from writing a body.
    static let recordBody = FuzzTarget(name: "record-body", reads: "decrypted record bodies (format.md §8.6)") {
        bytes in
        guard let testimony = try? Vault.decodeBody(SecretBytes(copying: bytes), what: "the fuzzed body") else {
            return .refused
        }
        let encoded: SecretBytes
        do { encoded = try Vault.encodeBody(testimony) } catch {
            throw BrokenInvariant("an accepted body fails to encode")
        }
        let again = try? Vault.decodeBody(encoded, what: "the re-encoded body")
        try require(again == testimony, "the re-encoded body decodes to another testimony")
        try require((try? Vault.encodeBody(testimony)) == encoded, "a testimony encodes in two ways")
        return .accepted
    }

    /// An audit log (format.md §8.12) as JSON rows. Entries can be forged only where no signature is
    /// needed: every signed entry of a log that verifies must be one the administrator or the lawyer signed,
    /// which are those of the seeds.
    static let auditLog = FuzzTarget(name: "audit-log", reads: "audit log entries (format.md §8.12)") { bytes in
        guard let entries = try? JSONDecoder().decode([AuditEntryRow].self, from: Data(bytes)) else { return .refused }
        let administrator = Data(FuzzFixtures.administrator.publicKey.signing.rawRepresentation)
        let lawyer = Data(FuzzFixtures.lawyer.publicKey.signing.rawRepresentation)
        guard (try? AuditLog.verify(entries, administrator: administrator, grantees: [lawyer])) != nil else {
            return .refused
        }
        let signed = FuzzFixtures.seeds("audit-log").flatMap { seed in
            ((try? JSONDecoder().decode([AuditEntryRow].self, from: Data(seed))) ?? []).filter { $0.signature != nil }
        }
        for entry in entries where entry.signature != nil {
            try require(signed.contains(entry), "a signed entry no one signed verified")
        }
        return .accepted
    }
}

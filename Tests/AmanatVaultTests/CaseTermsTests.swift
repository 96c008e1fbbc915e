import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@testable import AmanatVault

@Suite("A case's term list")
struct CaseTermsTests {
    static let son = CaseTerm(text: "Руслан Хакиев", kind: .person)
    static let town = CaseTerm(text: "Малгобек", kind: .place)

    /// A vault on disk with one record in a case, an editor (publish grant) and a reader (read grant).
    struct Scene {
        let t: TestVault
        let caseID: Case.ID
        let editor = Identity()
        let reader = Identity()
        let database: DatabaseQueue

        init() throws {
            t = try TestVault(onDisk: true)
            let (record, _) = try t.submit()
            caseID = try t.makeCase([record])
            try t.grant(caseID, to: editor, permissions: .readAndPublish)
            try t.grant(caseID, to: reader)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            database = try DatabaseQueue(path: t.directory.file("vault/vault.sqlite"), configuration: configuration)
        }

        func terms(as accessor: Accessor? = nil) throws -> [CaseTerm] {
            try t.vault.caseTerms(caseID, as: accessor ?? .grantee(editor))
        }

        func row() throws -> Row? {
            try database.read { try Row.fetchOne($0, sql: "SELECT * FROM caseTerms") }
        }
    }

    @Test("the administrator and a publishing editor write it; anyone granted reads it; it is sealed and audited")
    func writeAndRead() throws {
        let s = try Scene()
        #expect(try s.terms() == [])
        try s.t.vault.setCaseTerms([Self.son], for: s.caseID, as: .administrator(s.t.administrator))
        try s.t.vault.setCaseTerms([Self.son, Self.town, Self.son], for: s.caseID, as: .grantee(s.editor))
        #expect(try s.terms() == [Self.son, Self.town])
        #expect(try s.terms(as: .grantee(s.reader)) == [Self.son, Self.town])
        #expect(try s.terms(as: .administrator(s.t.administrator)) == [Self.son, Self.town])
        // A reader may not change it; a stranger may not read it.
        #expect {
            try s.t.vault.setCaseTerms([], for: s.caseID, as: .grantee(s.reader))
        } throws: { if case .permissionDenied = $0 as? AmanatVaultError { true } else { false } }
        #expect(throws: AmanatVaultError.self) { try s.terms(as: .grantee(Identity())) }
        // Nothing of a name is stored in clear; two signed entries record the two changes.
        let sealed = try #require(try s.row()?["sealed"] as Data?)
        #expect(sealed.range(of: Data("Руслан".utf8)) == nil && sealed.range(of: Data("Малгобек".utf8)) == nil)
        let entries = try s.t.vault.store.read { try $0.auditEntries(action: "case.terms") }
        #expect(
            entries.map(\.actor) == [s.t.administrator, s.editor].map { Data($0.publicKey.signing.rawRepresentation) })
        #expect(try s.row()?["revision"] as Int? == 2)
        _ = try s.t.vault.verifyAudit()
    }

    @Test("a term without letters, on two lines, or too long is refused, and nothing changes")
    func badTerms() throws {
        let s = try Scene()
        try s.t.vault.setCaseTerms([Self.son], for: s.caseID, as: .grantee(s.editor))
        for bad in ["", "1234", "Руслан\nХакиев", String(repeating: "а", count: CaseTerm.maximumLength + 1)] {
            #expect(throws: AmanatVaultError.self) {
                try s.t.vault.setCaseTerms(
                    [Self.son, CaseTerm(text: bad, kind: .person)], for: s.caseID, as: .grantee(s.editor))
            }
        }
        #expect(try s.terms() == [Self.son])
        #expect(try s.t.vault.store.read { try $0.auditEntries(action: "case.terms") }.count == 1)
    }

    @Test("the list survives a key rotation: re-sealed under the new key, same names")
    func rotation() throws {
        let s = try Scene()
        try s.t.vault.setCaseTerms([Self.son, Self.town], for: s.caseID, as: .grantee(s.editor))
        try s.t.vault.revoke(case: s.caseID, grantee: s.reader.publicKey.fingerprint, administrator: s.t.administrator)
        #expect(try s.row()?["keyVersion"] as Int? == 2)
        #expect(try s.terms() == [Self.son, Self.town])
        #expect(throws: AmanatVaultError.self) { try s.terms(as: .grantee(s.reader)) }
        _ = try s.t.vault.verifyAudit()
    }

    @Test("an older copy put back, a deleted list, a row no entry wrote, or a flipped byte are refused")
    func tampering() throws {
        let s = try Scene()
        try s.t.vault.setCaseTerms([Self.son], for: s.caseID, as: .grantee(s.editor))
        let old = try #require(try s.row())
        try s.t.vault.setCaseTerms([Self.son, Self.town], for: s.caseID, as: .grantee(s.editor))
        let current = try #require(try s.row())
        // Rollback: the first list (without the town) with its own revision and ciphertext.
        try s.database.write {
            try $0.execute(
                sql: "UPDATE caseTerms SET revision = ?, sealed = ?",
                arguments: [old["revision"] as Int, old["sealed"] as Data])
        }
        #expect { try s.terms() } throws: { if case .auditMismatch = $0 as? AmanatVaultError { true } else { false } }
        #expect { try s.t.vault.verifyAudit() } throws: {
            if case .auditMismatch = $0 as? AmanatVaultError { true } else { false }
        }
        #expect(throws: AmanatVaultError.self) {
            try s.t.vault.setCaseTerms([], for: s.caseID, as: .grantee(s.editor))
        }
        // The old ciphertext with the current revision does not open (the revision is in its associated data).
        try s.database.write {
            try $0.execute(sql: "UPDATE caseTerms SET revision = ?", arguments: [current["revision"] as Int])
        }
        #expect { try s.terms() } throws: { if case .corrupted = $0 as? AmanatVaultError { true } else { false } }
        // A flipped byte.
        var flipped = [UInt8](current["sealed"] as Data)
        flipped[flipped.count / 2] ^= 1
        try s.database.write { try $0.execute(sql: "UPDATE caseTerms SET sealed = ?", arguments: [Data(flipped)]) }
        #expect { try s.terms() } throws: { if case .corrupted = $0 as? AmanatVaultError { true } else { false } }
        // Deleted: the log still says a list was written.
        try s.database.write { try $0.execute(sql: "DELETE FROM caseTerms") }
        #expect { try s.terms() } throws: { if case .auditMismatch = $0 as? AmanatVaultError { true } else { false } }
        #expect { try s.t.vault.verifyAudit() } throws: {
            if case .auditMismatch = $0 as? AmanatVaultError { true } else { false }
        }
    }

    @Test("a list inserted for a case whose log never wrote one is reported by the audit")
    func unlogged() throws {
        let s = try Scene()
        let other = try s.t.vault.createCase(title: "other", administrator: s.t.administrator)
        try s.t.vault.setCaseTerms([Self.son], for: s.caseID, as: .grantee(s.editor))
        let current = try #require(try s.row())
        try s.database.write {
            try $0.execute(
                sql: "INSERT INTO caseTerms (caseID, revision, keyVersion, sealed) VALUES (?, 1, 1, ?)",
                arguments: [Data(other.rawValue), current["sealed"] as Data])
        }
        #expect { try s.t.vault.verifyAudit() } throws: {
            if case .auditMismatch = $0 as? AmanatVaultError { true } else { false }
        }
        #expect { try s.t.vault.caseTerms(other, as: .administrator(s.t.administrator)) } throws: {
            if case .auditMismatch = $0 as? AmanatVaultError { true } else { false }
        }
    }

    @Test("the committed vector (made with PyNaCl from the spec) opens, and its bytes are what Amanat writes")
    func vector() throws {
        let url = try #require(
            Bundle.module.url(forResource: "case-terms", withExtension: "json", subdirectory: "Fixtures/vectors"))
        let vector = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        func hex(_ name: String) throws -> Data { Data(try Hex.decode(try #require(vector[name] as? String))) }
        let caseID = try hex("case_id")
        let version = try #require(vector["key_version"] as? Int)
        let revision = try #require(vector["revision"] as? Int)
        #expect(
            Data(VaultFormat.caseTermsAD(case: caseID, keyVersion: version, revision: revision))
                == (try hex("associated_data")))
        let key = try SymmetricKey(rawRepresentation: SecretBytes(copying: Array(try hex("case_key"))))
        let row = CaseTermsRow(caseID: caseID, revision: revision, keyVersion: version, sealed: try hex("sealed"))
        let t = try TestVault()
        #expect(try t.vault.openTerms(row, key: key) == [Self.son, Self.town])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let written = try encoder.encode(CaseTermList(terms: [Self.son, Self.town]))
        #expect(String(decoding: written, as: UTF8.self) == vector["plaintext"] as? String)
        // Any other revision, version or case in the associated data does not open.
        for other in [
            CaseTermsRow(caseID: caseID, revision: revision + 1, keyVersion: version, sealed: row.sealed),
            CaseTermsRow(caseID: caseID, revision: revision, keyVersion: version - 1, sealed: row.sealed),
            CaseTermsRow(caseID: Data(count: 16), revision: revision, keyVersion: version, sealed: row.sealed),
        ] {
            #expect(throws: AmanatVaultError.self) { try t.vault.openTerms(other, key: key) }
        }
    }
}

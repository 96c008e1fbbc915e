import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

@Suite("A vault made from the administrator's public key alone (for an intake server)")
struct PublicKeyVaultTests {
    @Test("it takes submissions unsigned; the administrator's first action signs it; nothing secret is on disk")
    func publicKeyOnly() throws {
        WeakTestKeys.allow()
        let directory = try TemporaryDirectory()
        let administrator = Identity()
        let path = directory.file("vault")
        let made = try Vault.create(
            at: path, administratorKey: administrator.publicKey, codenameParameters: .minimumForTesting)
        #expect(!made.settingsSigned)
        // The intake's work needs no secret.
        let receipt = try made.submit(TestVault.sample())
        let vault = try Vault.open(at: path, trust: .administrator(administrator.publicKey))
        #expect(!vault.settingsSigned && vault.isAdministrator(administrator))
        // Another key is refused, as for any vault.
        #expect(throws: AmanatVaultError.self) {
            try Vault.open(at: path, trust: .administrator(Identity().publicKey))
        }
        // Her first signed action signs the settings, in the same transaction.
        let caseID = try vault.createCase(title: "Дело", administrator: administrator)
        try vault.assign([receipt.record], to: caseID, administrator: administrator)
        let reopened = try Vault.open(at: path, trust: .administrator(administrator.publicKey))
        #expect(reopened.settingsSigned)
        #expect(try reopened.open(receipt.record, as: .administrator(administrator)).statement.contains("Ахмед"))
        _ = try reopened.verifyAudit()
        // No file in the folder holds her secret keys (as raw bytes, or as an identity file).
        let secrets = [
            administrator.encryptionKey.rawRepresentation.withUnsafeBytes { Data($0) },
            administrator.signingKey.seed.withUnsafeBytes { Data($0) },
        ]
        let files = try #require(FileManager.default.enumerator(atPath: path)).compactMap { $0 as? String }
        for file in files {
            guard let data = FileManager.default.contents(atPath: path + "/" + file) else { continue }
            #expect(!data.starts(with: Data(Labels.identityFileMagic)))
            for secret in secrets { #expect(data.range(of: secret) == nil, "\(file) holds a secret key") }
        }
        // A second vault in the same folder is refused.
        #expect(throws: AmanatVaultError.self) {
            try Vault.create(at: path, administratorKey: administrator.publicKey)
        }
    }
}

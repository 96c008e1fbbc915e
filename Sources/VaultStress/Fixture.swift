import AmanatCrypto
import AmanatVault
import Foundation

/// Writes the small fixture vault committed under Tests/AmanatVaultTests/Fixtures/vault-v1: fixed,
/// published test keys (never use them), one testimony with an attachment, a case, a grant and a reply,
/// and fixture.json with everything a test or an independent implementation needs to check it.
enum Fixture {
    static func make(at directory: String) throws {
        let administrator = try identity(x25519: 0x10, ed25519: 0x30)
        let lawyer = try identity(x25519: 0x50, ed25519: 0x70)
        let passphrase = "fixture passphrase — not secret"
        var facts: [String: Any] = [:]
        do {
            let vault = try Vault.create(at: directory + "/vault", administrator: administrator, codenameParameters: .minimumForTesting)
            let photo = directory + "/photo.bin"
            let photoBytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            try Data(photoBytes).write(to: URL(fileURLWithPath: photo))
            let testimony = Testimony(statement: "Fixture testimony: Ахмед ушёл 14 марта 2002 года.",
                                      people: [.init(name: "Ахмед", role: "son")], places: ["Карабулак"], dates: ["2002-03-14"],
                                      language: "ru", contact: "only through replies")
            let (record, codename) = try vault.submit(testimony, attachments: [AttachmentSource(path: photo, name: "photo.bin")])
            try FileManager.default.removeItem(atPath: photo)
            let caseID = try vault.createCase(title: "Fixture case", notes: "fixture notes", administrator: administrator)
            try vault.assign([record], to: caseID, administrator: administrator)
            let grant = try vault.issueGrant(case: caseID, to: lawyer.publicKey, expires: try Day("2099-12-31"), administrator: administrator)
            try vault.reply(to: record, text: "Fixture reply", as: .grantee(lawyer))
            let head = try vault.verifyAudit()
            facts = [
                "comment": "Test keys for the committed fixture vault. They are public: never use them for anything real.",
                "administrator": ["x25519_secret": Hex.encode(administrator.encryptionKey.rawRepresentation),
                                  "ed25519_seed": Hex.encode(administrator.signingKey.seed),
                                  "public_key": administrator.publicKey.stringRepresentation],
                "lawyer": ["x25519_secret": Hex.encode(lawyer.encryptionKey.rawRepresentation),
                           "ed25519_seed": Hex.encode(lawyer.signingKey.seed),
                           "public_key": lawyer.publicKey.stringRepresentation],
                "identity_passphrase": passphrase,
                "codename": codename.reveal(),
                "record": record.description, "case": caseID.description, "grant": grant.description,
                "statement": testimony.statement, "case_title": "Fixture case", "reply": "Fixture reply",
                "attachment": ["name": "photo.bin", "size": photoBytes.count,
                               "blake2b_256": Hex.encode(BLAKE2b.hash(photoBytes, length: 32)),
                               "pattern": "byte i = (i * 7 + 3) mod 256"],
                "audit_head": ["count": head.count, "hash": head.hash],
            ]
        }
        // The vault is closed here, so SQLite has folded its WAL back into vault.sqlite.
        try IdentityFile.write(administrator, to: directory + "/administrator.id", passphrase: SecretBytes(utf8: passphrase), parameters: .minimumForTesting)
        try IdentityFile.write(lawyer, to: directory + "/lawyer.id", passphrase: SecretBytes(utf8: passphrase), parameters: .minimumForTesting)
        let json = try JSONSerialization.data(withJSONObject: facts, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: URL(fileURLWithPath: directory + "/fixture.json"))
    }

    /// An identity whose X25519 secret is bytes first...first+31 and Ed25519 seed likewise.
    static func identity(x25519 first: UInt8, ed25519 seedFirst: UInt8) throws -> Identity {
        Identity(encryptionKey: try X25519.PrivateKey(rawRepresentation: SecretBytes(copying: (0..<32).map { first &+ UInt8($0) })),
                 signingKey: try Ed25519.PrivateKey(seed: SecretBytes(copying: (0..<32).map { seedFirst &+ UInt8($0) })))
    }
}

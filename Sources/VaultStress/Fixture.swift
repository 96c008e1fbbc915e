import AmanatCrypto
import AmanatVault
import Foundation

/// Writes the small fixture vault committed under Tests/AmanatVaultTests/Fixtures/vault-v1: fixed,
/// published test keys (never use them), one testimony with an attachment, a case, a grant and a reply,
/// and fixture.json with everything a test or an independent implementation needs to check it.
/// (FixtureV3.swift writes vault-v3, with the structures of schema revision 3.)
enum Fixture {
    static let passphrase = "fixture passphrase — not secret"
    static let comment =
        "Test keys for the committed fixture vault. They are public: never use them for anything real."

    static func make(at directory: String) throws {
        let administrator = try identity(x25519: 0x10, ed25519: 0x30)
        let lawyer = try identity(x25519: 0x50, ed25519: 0x70)
        var facts: [String: Any] = [:]
        do {
            let vault = try Vault.create(
                at: directory + "/vault", administrator: administrator,
                codenameParameters: .minimumForTesting)
            let photoBytes = pattern(count: 70_000)
            let photo = try writeScratch(photoBytes, in: directory, name: "photo.bin")
            let testimony = Testimony(
                statement: "Fixture testimony: Ахмед ушёл 14 марта 2002 года.",
                people: [.init(name: "Ахмед", role: "son")], places: ["Карабулак"],
                dates: ["2002-03-14"], language: "ru", contact: "only through replies")
            let (record, codename) = try vault.submit(
                testimony,
                attachments: [AttachmentSource(path: photo, name: "photo.bin")])
            try FileManager.default.removeItem(atPath: photo)
            let caseID = try vault.createCase(
                title: "Fixture case", notes: "fixture notes",
                administrator: administrator)
            try vault.assign([record], to: caseID, administrator: administrator)
            let grant = try vault.issueGrant(
                case: caseID, to: lawyer.publicKey, expires: try Day("2099-12-31"),
                administrator: administrator)
            try vault.reply(to: record, text: "Fixture reply", as: .grantee(lawyer))
            let head = try vault.verifyAudit()
            facts = [
                "comment": comment,
                "administrator": keys(administrator), "lawyer": keys(lawyer),
                "identity_passphrase": passphrase,
                "codename": codename.reveal(),
                "record": record.description, "case": caseID.description, "grant": grant.description,
                "statement": testimony.statement, "case_title": "Fixture case", "reply": "Fixture reply",
                "attachment": attachmentFacts(name: "photo.bin", bytes: photoBytes),
                "audit_head": ["count": head.count, "hash": head.hash],
            ]
        }
        // The vault is closed here, so SQLite has folded its WAL back into vault.sqlite.
        try finish(directory, administrator: administrator, lawyer: lawyer, facts: facts)
    }

    /// An identity whose X25519 secret is bytes first...first+31 and Ed25519 seed likewise.
    static func identity(x25519 first: UInt8, ed25519 seedFirst: UInt8) throws -> Identity {
        let secret = SecretBytes(copying: (0..<32).map { first &+ UInt8($0) })
        let seed = SecretBytes(copying: (0..<32).map { seedFirst &+ UInt8($0) })
        return Identity(
            encryptionKey: try X25519.PrivateKey(rawRepresentation: secret),
            signingKey: try Ed25519.PrivateKey(seed: seed))
    }

    /// The published test keys of `identity`, as fixture.json lists them.
    static func keys(_ identity: Identity) -> [String: String] {
        [
            "x25519_secret": Hex.encode(identity.encryptionKey.rawRepresentation),
            "ed25519_seed": Hex.encode(identity.signingKey.seed),
            "public_key": identity.publicKey.stringRepresentation,
        ]
    }

    /// Attachment content: byte i = (i * 7 + 3) mod 256.
    static func pattern(count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) } }

    static func attachmentFacts(name: String, bytes: [UInt8]) -> [String: Any] {
        [
            "name": name, "size": bytes.count, "blake2b_256": Hex.encode(BLAKE2b.hash(bytes, length: 32)),
            "pattern": "byte i = (i * 7 + 3) mod 256",
        ]
    }

    /// Writes `bytes` to a scratch file in `directory` (removed once submitted) and returns its path.
    static func writeScratch(_ bytes: [UInt8], in directory: String, name: String) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes the two identity files and fixture.json beside the (closed) vault.
    static func finish(_ directory: String, administrator: Identity, lawyer: Identity, facts: [String: Any]) throws {
        let secret = SecretBytes(utf8: passphrase)
        for (identity, name) in [(administrator, "administrator.id"), (lawyer, "lawyer.id")] {
            try IdentityFile.write(
                identity, to: directory + "/" + name, passphrase: secret,
                parameters: .minimumForTesting)
        }
        let json = try JSONSerialization.data(withJSONObject: facts, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: URL(fileURLWithPath: directory + "/fixture.json"))
    }
}

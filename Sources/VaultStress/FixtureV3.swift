import AmanatCrypto
import AmanatVault
import Foundation

/// Writes the fixture vault committed under Tests/AmanatVaultTests/Fixtures/vault-v3, made by today's
/// code (schema revision 3, Docs/format.md 8.20): signed settings, names for the administrator and the
/// lawyer, one testimony with a small attachment, a case, a read+publish grant downgraded to read (which
/// revokes it and rotates the case key to version 2), a reply from the lawyer and one from the
/// administrator (payload version 2). Its published test keys differ from vault-v1's; never use them.
enum FixtureV3 {
    static let administratorName = "Фонд «Аманат», администратор"
    static let lawyerName = "Адвокат Е. Петрова"
    static let statement =
        "Fixture v3 testimony: Зарема видела задержание 3 июня 2004 "
        + "года."
    static let caseTitle = "Fixture case v3"
    static let lawyerReply = "Fixture v3 reply from the lawyer"
    static let administratorReply = "Fixture v3 reply from the organisation"

    static func make(at directory: String) throws {
        let administrator = try Fixture.identity(x25519: 0x90, ed25519: 0xb0)
        let lawyer = try Fixture.identity(x25519: 0xd0, ed25519: 0xf0)
        var facts: [String: Any] = [:]
        do {
            let vault = try Vault.create(
                at: directory + "/vault", administrator: administrator,
                codenameParameters: .minimumForTesting)
            try vault.setAuthorName(administratorName, for: administrator.publicKey, administrator: administrator)
            try vault.setAuthorName(lawyerName, for: lawyer.publicKey, administrator: administrator)
            let noteBytes = Fixture.pattern(count: 3_000)
            let note = try Fixture.writeScratch(noteBytes, in: directory, name: "note.bin")
            let testimony = Testimony(
                statement: statement, people: [.init(name: "Зарема", role: "witness")],
                places: ["Грозный"], dates: ["2004-06-03"], language: "ru",
                contact: "only through replies")
            let (record, codename) = try vault.submit(
                testimony,
                attachments: [AttachmentSource(path: note, name: "note.bin")])
            try FileManager.default.removeItem(atPath: note)
            let caseID = try vault.createCase(
                title: caseTitle, notes: "fixture v3 notes",
                administrator: administrator)
            try vault.assign([record], to: caseID, administrator: administrator)
            let expires = try Day("2099-12-31")
            let first = try vault.issueGrant(
                case: caseID, to: lawyer.publicKey, permissions: .readAndPublish,
                expires: expires, administrator: administrator)
            // Read only from now on: a downgrade, so the first grant is revoked and the case key rotated.
            let current = try vault.issueGrant(
                case: caseID, to: lawyer.publicKey, permissions: .read,
                expires: expires, administrator: administrator)
            try vault.reply(to: record, text: lawyerReply, as: .grantee(lawyer))
            try vault.reply(to: record, text: administratorReply, as: .administrator(administrator))
            let head = try vault.verifyAudit()
            facts = [
                "comment": Fixture.comment,
                "administrator": Fixture.keys(administrator), "lawyer": Fixture.keys(lawyer),
                "identity_passphrase": Fixture.passphrase,
                "codename": codename.reveal(),
                "record": record.description, "case": caseID.description,
                "grant": current.description, "grant_key_version": 2, "revoked_grant": first.description,
                "statement": statement, "case_title": caseTitle,
                "author_names": ["administrator": administratorName, "lawyer": lawyerName],
                "replies": [
                    ["text": lawyerReply, "author": "lawyer", "role": "grantee", "name": lawyerName],
                    [
                        "text": administratorReply, "author": "administrator", "role": "administrator",
                        "name": administratorName,
                    ],
                ],
                "attachment": Fixture.attachmentFacts(name: "note.bin", bytes: noteBytes),
                "audit_head": ["count": head.count, "hash": head.hash],
            ]
        }
        // The vault is closed here, so SQLite has folded its WAL back into vault.sqlite.
        try Fixture.finish(directory, administrator: administrator, lawyer: lawyer, facts: facts)
    }
}

import Foundation
import Testing

/// `--json` on the commands that create or change something: standard output is one JSON object and
/// nothing else, its members match what the vault then holds, and no secret is in it.
@Suite("--json on the commands that change the vault")
struct JSONOutputTests {
    /// Standard output parsed as one JSON object (fails the test if anything else is there).
    static func object(_ out: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8))
        return try #require(parsed as? [String: Any], "not one JSON object: \(out)", sourceLocation: sourceLocation)
    }

    /// Standard output parsed as a JSON array of objects.
    static func array(_ out: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8))
        return try #require(parsed as? [[String: Any]], "not a JSON array: \(out)", sourceLocation: sourceLocation)
    }

    /// None of `secrets` appears anywhere in `out`.
    static func expectNoSecrets(_ out: String, _ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in secrets where !secret.isEmpty {
            #expect(!out.contains(secret), "a secret is in the JSON: \(out)", sourceLocation: sourceLocation)
        }
    }

    @Test("init and identity new: paths and public keys that identity show confirms; no passphrase")
    func initAndIdentityNew() throws {
        let cli = try CLI()
        let passphrase = "администратор пароль 1"
        let pass = try cli.write("admin.pass", passphrase + "\n")
        let out = try cli.ok(["init", "--passphrase-file", pass, "--organisation", "Мемориал", "--json"])
        let created = try Self.object(out)
        #expect(created["vault"] as? String == cli.path("vault"))
        #expect(created["organisation"] as? String == "Мемориал")
        let file = try #require(created["identity_file"] as? String)
        #expect(file == cli.path("vault-administrator.id"))
        let shown = try Self.object(try cli.ok(["identity", "show", file, "--json"]))
        #expect(created["public_key"] as? String == shown["public_key"] as? String)
        #expect(created["fingerprint"] as? String == shown["fingerprint"] as? String)
        // The vault trusts exactly that key.
        try cli.ok(["inbox", "--administrator-key", try #require(created["public_key"] as? String)])
        Self.expectNoSecrets(out, [passphrase])

        let lawyerPass = "lawyer passphrase 2"
        let lawyerOut = try cli.ok([
            "identity", "new", "--out", cli.path("lawyer.id"), "--passphrase-file",
            try cli.write("lawyer.pass", lawyerPass), "--json",
        ])
        let lawyer = try Self.object(lawyerOut)
        #expect(lawyer["identity_file"] as? String == cli.path("lawyer.id"))
        let lawyerShown = try Self.object(try cli.ok(["identity", "show", cli.path("lawyer.id"), "--json"]))
        #expect(lawyer["public_key"] as? String == lawyerShown["public_key"] as? String)
        #expect(lawyer["fingerprint"] as? String == lawyerShown["fingerprint"] as? String)
        #expect(Set(lawyer.keys) == ["identity_file", "public_key", "fingerprint"])
        Self.expectNoSecrets(lawyerOut, [lawyerPass])
    }

    @Test("case new, case assign, grant, reply, export and revoke: what the vault then holds")
    func caseLifecycle() throws {
        let s = try StoryTests.Setup()
        let testimony = "Мой сын ушёл 14 марта."
        let (record, codename) = try s.submit(testimony)
        let title = "Хакиев, 2002"

        let caseOut = try s.cli.ok(["case", "new", title, "--notes", "Карабулак", "--json"] + s.admin)
        let created = try Self.object(caseOut)
        let caseID = try #require(created["case_id"] as? String)
        let listed = try #require(
            try Self.array(try s.cli.ok(["case", "list", "--json"])).first { $0["id"] as? String == caseID })
        #expect(created["created"] as? String == listed["created"] as? String)
        #expect(created["key_version"] as? Int == listed["key_version"] as? Int)
        Self.expectNoSecrets(caseOut, [title, "Карабулак"])

        let filed = try Self.object(
            try s.cli.ok(["case", "assign", caseID, String(record.prefix(8)), "--json"] + s.admin))
        #expect(filed["case_id"] as? String == caseID)
        #expect(filed["records"] as? [String] == [record])
        let details = try Self.object(try s.cli.ok(["case", "show", caseID, "--json"] + s.admin))
        #expect(details["records"] as? [String] == [record])

        let grantOut = try s.cli.ok(["grant", caseID, "--to", s.lawyerKey, "--expires", "30d", "--json"] + s.admin)
        let grant = try Self.object(grantOut)
        let listedGrant = try #require(try Self.array(try s.cli.ok(["grant", "list", caseID, "--json"])).first)
        #expect(NSDictionary(dictionary: grant).isEqual(to: listedGrant), "\(grant) != \(listedGrant)")
        #expect(grant["public_key"] as? String == s.lawyerKey && grant["fingerprint"] as? String == s.lawyerFingerprint)
        #expect(grant["case_id"] as? String == caseID && grant["status"] as? String == "active")

        let replyText = "Мы получили ваше заявление."
        let replyOut = try s.cli.ok(["reply", record, "--json"] + s.lawyer, input: replyText)
        let reply = try Self.object(replyOut)
        #expect(reply["record_id"] as? String == record)
        let read = try Self.array(try s.cli.ok(["replies", "--json"], env: ["AMANAT_CODENAME": codename]))
        let stored = try #require(read.first { $0["id"] as? String == reply["reply_id"] as? String })
        #expect(reply["from"] as? String == s.lawyerFingerprint && stored["from"] as? String == s.lawyerFingerprint)
        #expect(reply["role"] as? String == stored["role"] as? String)
        Self.expectNoSecrets(replyOut, [replyText, codename, testimony])

        let bundle = s.cli.path("case.amanat")
        let exportOut = try s.cli.ok(["export", caseID, "--to", s.lawyerKey, "--out", bundle, "--json"] + s.admin)
        let exported = try Self.object(exportOut)
        #expect(exported["file"] as? String == bundle && exported["case_id"] as? String == caseID)
        #expect(exported["records"] as? Int == 1 && exported["recipient_public_key"] as? String == s.lawyerKey)
        #expect(exported["recipient_fingerprint"] as? String == s.lawyerFingerprint)
        let signer = try #require(exported["signer_public_key"] as? String)
        let administrator = try Self.object(
            try s.cli.ok(["identity", "show", s.cli.path("vault-administrator.id"), "--json"]))
        #expect(signer == administrator["public_key"] as? String)
        #expect(exported["signer_fingerprint"] as? String == administrator["fingerprint"] as? String)
        try s.cli.ok(["verify", bundle, "--from", signer])
        Self.expectNoSecrets(exportOut, [testimony, title, replyText])

        let revokeOut = try s.cli.ok(["revoke", caseID, "--grantee", s.lawyerFingerprint, "--json"] + s.admin)
        let revoked = try Self.object(revokeOut)
        #expect(revoked["case_id"] as? String == caseID && revoked["fingerprint"] as? String == s.lawyerFingerprint)
        #expect(revoked["revoked_grants"] as? Int == 1)
        let after = try #require(
            try Self.array(try s.cli.ok(["case", "list", "--json"])).first { $0["id"] as? String == caseID })
        #expect(revoked["key_version"] as? Int == after["key_version"] as? Int)
        #expect(revoked["key_version"] as? Int == 2)
        let statuses = try Self.array(try s.cli.ok(["grant", "list", caseID, "--json"])).compactMap {
            $0["status"] as? String
        }
        #expect(statuses.contains { $0.hasPrefix("revoked ") }, "\(statuses)")
    }

    @Test("without --json the text is unchanged")
    func textUnchanged() throws {
        let s = try StoryTests.Setup()
        let out = try s.cli.ok(["case", "new", "T"] + s.admin)
        #expect(out.hasPrefix("Created case ") && !out.contains("{"))
    }
}

import Foundation
import Testing

/// `amanat backup` and `amanat restore`: a vault that survives losing its disk.
@Suite("Backups from the command line")
struct BackupCommandTests {
    @Test(
        "a lost vault comes back from its backup; later commands trust it; a damaged copy is refused (65)",
        arguments: StoryTests.backends)
    func lostAndRestored(backend: String) throws {
        let s = try StoryTests.Setup(database: backend == "PostgreSQL")
        let (record, _) = try s.submit("Сын ушёл из дома в Шали.")
        let backup = s.cli.path("vault.amanat-backup")
        let json = try s.cli.ok(["backup", "--out", backup, "--json"] + s.admin)
        let made = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(made["records"] as? Int == 1 && made["attachments"] as? Int == 0)
        #expect((made["audit_head"] as? String)?.contains(":") == true)
        // Later work, then the disk is lost.
        _ = try s.submit("После резервной копии.")
        let folder = backend == "PostgreSQL" ? s.cli.path("restored") : s.cli.path("vault")
        if backend != "PostgreSQL" { try FileManager.default.removeItem(atPath: folder) }
        // The administrator's identity was kept apart from the vault: it is what opens the backup.
        let identity = try #require(
            try FileManager.default.contentsOfDirectory(atPath: s.cli.directory).first {
                $0.hasSuffix("-administrator.id")
            })
        let admin = ["--identity", s.cli.path(identity)] + s.admin
        let restored = try s.cli.ok(["restore", backup, "--vault", folder] + admin)
        #expect(restored.contains("Restored backup \(made["backup_id"] as? String ?? "?")"), "\(restored)")
        #expect(try s.cli.ok(["read", record, "--vault", folder] + admin).contains("Шали"))
        try s.cli.ok(["audit", "--verify", "--vault", folder])
        #expect(try s.cli.ok(["inbox", "--vault", folder, "--json"]).components(separatedBy: "\"id\"").count == 2)

        let again = try s.cli.run(["restore", backup, "--vault", folder] + admin)
        #expect(again.status == 64 && again.err.contains("already holds a vault"), "\(again.err)")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        bytes[bytes.count / 2] ^= 1
        let damaged = s.cli.path("damaged.amanat-backup")
        try bytes.write(to: URL(fileURLWithPath: damaged))
        let refused = try s.cli.run(["restore", damaged, "--vault", s.cli.path("other")] + admin)
        #expect(
            refused.status == 65 && refused.err.contains("signature does not verify"),
            "\(refused.status) \(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: s.cli.path("other")))
        let missing = try s.cli.run(["restore", s.cli.path("nowhere"), "--vault", s.cli.path("other")] + admin)
        #expect(missing.status == 66, "\(missing.err)")
        // --check needs no passphrase and decrypts nothing.
        let checked = try s.cli.run(["restore", backup, "--check", "--identity", s.cli.path(identity)])
        #expect(checked.status == 0 && checked.out.contains("the signature and every byte verify"), "\(checked.err)")
        let flipped = try s.cli.run(["restore", damaged, "--check", "--identity", s.cli.path(identity)])
        #expect(flipped.status == 65, "\(flipped.err)")
        let stranger = try s.cli.run(["restore", backup, "--check", "--administrator-key", s.lawyerKey])
        #expect(stranger.status == 4 && stranger.err.contains("made by another administrator"), "\(stranger.err)")
    }
}

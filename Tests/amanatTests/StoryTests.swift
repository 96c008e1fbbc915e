import AmanatTestSupport
import Foundation
import Testing

/// The whole story through the command line, as a user types it.
@Suite("amanat, end to end")
struct StoryTests {
    /// A vault with an administrator, and a lawyer with her own identity.
    struct Setup {
        let cli: CLI
        let adminPass: String
        let lawyerPass: String
        let lawyerID: String
        let lawyerKey: String
        let lawyerFingerprint: String

        /// In a vault folder, or, with `database`, in a new PostgreSQL database named by AMANAT_VAULT.
        init(database: Bool = false) throws {
            var cli = try CLI()
            if database { cli.environment["AMANAT_VAULT"] = try TestPostgreSQL.freshDatabase() }
            self.cli = cli
            adminPass = try cli.write("admin.pass", "администратор пароль 1\n")
            lawyerPass = try cli.write("lawyer.pass", "lawyer passphrase 2\n")
            try cli.ok(["init", "--passphrase-file", adminPass])
            lawyerID = cli.path("lawyer.id")
            let created = try cli.ok(["identity", "new", "--out", lawyerID, "--passphrase-file", lawyerPass])
            lawyerKey = try #require(CLI.value(after: "Public key: ", in: created))
            lawyerFingerprint = try #require(CLI.value(after: "Fingerprint: ", in: created))
        }

        var admin: [String] { ["--passphrase-file", adminPass] }
        var lawyer: [String] { ["--identity", lawyerID, "--passphrase-file", lawyerPass] }

        /// Submits testimony on standard input; returns the record id and the codename.
        func submit(_ text: String, _ extra: [String] = []) throws -> (String, String) {
            let out = try cli.ok(["submit"] + extra, input: text)
            let record = try #require(CLI.value(after: "(record ", in: out))
            let lines = out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let index = try #require(lines.firstIndex(of: "Your codename is:"))
            let codename = try #require(lines[(index + 1)...].first { !$0.isEmpty })
            return (record, codename)
        }
    }

    /// Where the story's vault is: a folder, and a PostgreSQL database where `make test` gives the tests one.
    static let backends = ["folder"] + (TestPostgreSQL.isAvailable ? ["PostgreSQL"] : [])

    @Test("submit, file, grant, open, reply, read replies, revoke, audit", arguments: backends)
    func wholeStory(backend: String) throws {
        let s = try Setup(database: backend == "PostgreSQL")
        let photo = s.cli.path("photo.jpg")
        try Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 31) }).write(to: URL(fileURLWithPath: photo))
        let (record, codename) = try s.submit(
            "Мой сын Ахмед ушёл 14 марта 2002 года.",
            ["--person", "Ахмед Хакиев:сын", "--place", "Карабулак", "--attach", photo])
        #expect(codename.split(separator: " ").count == 8)

        let inbox = try s.cli.ok(["inbox", "--json"])
        #expect(inbox.contains(record) && inbox.contains("\"language\" : \"ru\""))
        let read = try s.cli.ok(["read", record] + s.admin)
        #expect(
            read.contains("Мой сын Ахмед ушёл") && read.contains("Ахмед Хакиев (сын)") && read.contains("Карабулак"))

        let caseOut = try s.cli.ok(["case", "new", "Хакиев, 2002", "--notes", "Карабулак"] + s.admin)
        let caseID = try #require(CLI.value(after: "Created case ", in: caseOut))
        try s.cli.ok(["case", "assign", caseID, record] + s.admin)
        #expect(try s.cli.ok(["case", "list"]).contains(caseID))
        try s.cli.ok(["grant", caseID, "--to", s.lawyerKey, "--expires", "30d"] + s.admin)
        let grants = try s.cli.ok(["grant", "list", caseID, "--json"])
        #expect(grants.contains(s.lawyerFingerprint) && grants.contains("\"status\" : \"active\""))

        let opened = try s.cli.ok(["open", record, "--out", s.cli.path("files")] + s.lawyer)
        #expect(opened.contains("Мой сын Ахмед ушёл"))
        let saved = try FileManager.default.contentsOfDirectory(atPath: s.cli.path("files"))
        #expect(saved.count == 1)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: s.cli.path("files/") + saved[0]))
                == Data(contentsOf: URL(fileURLWithPath: photo)))
        #expect(try s.cli.ok(["open", caseID, "--json"] + s.lawyer).contains(record))
        #expect(try s.cli.ok(["case", "show", caseID, "--json"] + s.lawyer).contains("Хакиев, 2002"))

        try s.cli.ok(["reply", record] + s.lawyer, input: "Мы получили ваше заявление.")
        let replies = try s.cli.ok(["replies"], env: ["AMANAT_CODENAME": codename.uppercased()])
        #expect(
            replies.contains(
                "Мы получили ваше "
                    + "заявление.") && replies.contains(s.lawyerFingerprint))
        let codenameFile = try s.cli.write(
            "codename.txt", codename.split(separator: " ").map { String($0.prefix(4)) }.joined(separator: " "))
        try s.cli.ok(["submit", "--follow-up", "--codename-file", codenameFile], input: "Ещё одно.")

        try s.cli.ok(["revoke", caseID, "--grantee", s.lawyerFingerprint] + s.admin)
        let (later, _) = try s.submit("Позже.")
        try s.cli.ok(["case", "assign", caseID, later] + s.admin)
        for target in [record, later] {
            let refused = try s.cli.run(["open", target] + s.lawyer)
            #expect(refused.status == 4, "\(refused.err)")
            #expect(refused.err.hasPrefix("amanat: error: ") && refused.err.contains("revoked"))
        }
        let audit = try s.cli.ok(["audit", "--verify"])
        let head = try #require(CLI.value(after: "Head: ", in: audit))
        let headLine = audit.components(separatedBy: "Head: ").last!.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(head.count > 0)
        try s.cli.ok(["audit", "--verify", "--expect-head", headLine])
        #expect(try s.cli.ok(["audit"]).contains("grant.revoke"))
    }

    @Test("the administrator can also reply; a source with a wrong codename is told so")
    func codenames() throws {
        let s = try Setup()
        let (record, _) = try s.submit("text")
        try s.cli.ok(["reply", record] + s.admin, input: "from the administrator")
        let wrong = try s.cli.run(
            ["replies"], env: ["AMANAT_CODENAME": "aardvark aback abate abdicate abdomen abet abide ability"])
        #expect(wrong.status == 3)
        #expect(wrong.err.contains("does not open any mailbox"))
        let malformed = try s.cli.run(["replies"], env: ["AMANAT_CODENAME": "not a codename"])
        #expect(malformed.status == 3 && malformed.err.contains("8 words"))
        #expect(!malformed.err.contains("not a codename\n"))
    }
}

/// A vault in PostgreSQL, named by its address: the mistakes a person can make get one clear line each.
@Suite("amanat on PostgreSQL", .enabled(if: TestPostgreSQL.isAvailable, "needs the cluster `make test` starts"))
struct PostgreSQLCommandTests {
    @Test("init refuses a database that holds a vault, an address with a password, and a server that is not there")
    func mistakes() throws {
        let cli = try CLI()
        let address = try TestPostgreSQL.freshDatabase()
        let pass = try cli.write("admin.pass", "administrator passphrase\n")
        let created = try cli.ok(["init", "--vault", address, "--passphrase-file", pass])
        #expect(created.contains("Created the vault at \(address)"))
        // The least-privilege roles' SQL, beside the administrator's identity, ready for the database's owner.
        let database = try #require(URLComponents(string: address)?.path.dropFirst()).description
        let roles = try String(contentsOfFile: cli.path(database + "-roles.sql"), encoding: .utf8)
        #expect(roles.contains("CREATE ROLE \"\(database)_intake\" LOGIN") && created.contains("-roles.sql"))
        #expect(FileManager.default.fileExists(atPath: cli.path(database + "-administrator.id")))
        try TestPostgreSQL.psql(address, roles)
        let again = try cli.run(["init", "--vault", address, "--passphrase-file", pass])
        #expect(again.status != 0 && again.err.contains("already holds a vault"), "\(again.err)")
        let secret = try cli.run(["inbox", "--vault", "postgresql://amanat:hunter2@localhost/vault"])
        #expect(secret.status != 0 && secret.err.contains("PGPASSWORD") && !secret.err.contains("hunter2"))
        let absent = try cli.run(["inbox", "--vault", "postgresql://amanat@/vault?host=/nonexistent-folder"])
        #expect(absent.status != 0 && absent.err.contains("cannot connect"), "\(absent.err)")
        for result in [again, secret, absent] {
            #expect(result.err.split(separator: "\n").first?.hasPrefix("amanat: error: ") == true)
        }
    }
}

extension PostgreSQLCommandTests {
    @Test("amanat migrate copies a vault folder into a database that the other commands then use")
    func migrate() throws {
        let cli = try CLI()
        let pass = try cli.write("admin.pass", "administrator passphrase\n")
        try cli.ok(["init", "--passphrase-file", pass])
        let submitted = try cli.ok(["submit"], input: "Мой сын ушёл 14 марта 2002 года.")
        let record = try #require(CLI.value(after: "(record ", in: submitted))
        let address = try TestPostgreSQL.freshDatabase()
        let copied = try cli.ok(["migrate", "--to", address])
        #expect(copied.contains("Copied") && copied.contains("Audit head of both: "))
        #expect(try cli.ok(["inbox", "--vault", address]).contains(record))
        let read = try cli.ok(
            [
                "read", record, "--vault", address, "--passphrase-file", pass, "--identity",
                cli.path("vault-administrator.id"),
            ])
        #expect(read.contains("Мой сын ушёл"))
        let wrong = try cli.run(["migrate", "--to", cli.path("elsewhere")])
        #expect(wrong.status == 64 && wrong.err.contains("postgresql://"), "\(wrong.err)")
    }
}

extension PostgreSQLCommandTests {
    @Test("a lawyer's own login (amanat grant login) opens her case, and nothing once her grant is revoked")
    func granteeLogin() throws {
        let s = try StoryTests.Setup(database: true)
        let address = try #require(s.cli.environment["AMANAT_VAULT"])
        let database = try TestPostgreSQL.database(of: address)
        try TestPostgreSQL.psql(address, String(contentsOfFile: s.cli.path(database + "-roles.sql"), encoding: .utf8))
        let (record, _) = try s.submit("Мой сын Ахмед ушёл 14 марта 2002 года.")
        let caseOut = try s.cli.ok(["case", "new", "Хакиев, 2002"] + s.admin)
        let caseID = try #require(CLI.value(after: "Created case ", in: caseOut))
        try s.cli.ok(["case", "assign", caseID, record] + s.admin)
        try s.cli.ok(["grant", caseID, "--to", s.lawyerKey, "--expires", "30d"] + s.admin)

        let login = database + "_maria"
        let written = try s.cli.ok(["grant", "login", "--to", s.lawyerKey, "--login", login, "--json"])
        #expect(written.contains("\"group\" : \"\(database)_grantee\"") && written.contains(s.lawyerFingerprint))
        let script = s.cli.path("\(database)-login-\(login).sql")
        let mode = try FileManager.default.attributesOfItem(atPath: script)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try TestPostgreSQL.psql(address, String(contentsOfFile: script, encoding: .utf8))
        let own = ["--vault", try TestPostgreSQL.address(address, user: login)] + s.lawyer
        #expect(try s.cli.ok(["open", record] + own).contains("Мой сын Ахмед ушёл"))
        // (Her replies through her login are tested in PostgreSQLGranteeTests. Once all her grants have ended,
        // the entries she signed can no longer be checked through it: Docs/format.md §8.22.)

        try s.cli.ok(["revoke", caseID, "--grantee", s.lawyerFingerprint] + s.admin)
        let refused = try s.cli.run(["open", record] + own)
        #expect(refused.status == 66 && refused.err.hasPrefix("amanat: error: "), "\(refused.err)")
        #expect(refused.err.contains("granted to her today"), "\(refused.err)")
        #expect(!refused.out.contains("Мой сын"))

        // Mistakes: a folder vault, a login PostgreSQL would not take.
        let folder = try s.cli.run(["grant", "login", "--to", s.lawyerKey, "--login", "maria", "--vault", "somewhere"])
        #expect(folder.status != 0 && folder.err.contains("postgresql://"), "\(folder.err)")
        let bad = try s.cli.run(["grant", "login", "--to", s.lawyerKey, "--login", "maria; DROP"])
        #expect(bad.status == 64 && bad.err.contains("--login"), "\(bad.err)")
    }
}

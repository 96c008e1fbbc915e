import Foundation
import Testing

/// The command line checks every vault against the administrator key the person was given or saw
/// first, refuses a vault whose keys were swapped or whose log was rolled back, and `amanat serve`
/// will not start without the key.
@Suite("amanat and the vault's root of trust")
struct TrustCommandTests {
    struct Setup {
        let cli: CLI
        let adminPass: String
        let adminKey: String
        let adminFingerprint: String

        init() throws {
            cli = try CLI()
            adminPass = try cli.write("admin.pass", "администратор пароль 1\n")
            let created = try cli.ok(["init", "--passphrase-file", adminPass])
            adminKey = try #require(CLI.value(after: "Intake public key: ", in: created))
            adminFingerprint = try #require(CLI.value(after: "Fingerprint: ", in: created))
        }

        /// Runs SQL on the vault's database as an intruder with write access would (Python's sqlite3).
        func intrude(_ sql: String, _ hexArguments: [String] = []) throws {
            let script = """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                db.execute(sys.argv[2], [bytes.fromhex(h) for h in sys.argv[3:]])
                db.commit()
                """
            let result = try CLI.runExecutable(
                "/usr/bin/env",
                ["python3", "-c", script, cli.path("vault/vault.sqlite"), sql]
                    + hexArguments, cli: cli)
            #expect(result.status == 0, "sqlite3 failed: \(result.err)")
        }

        /// A stranger's public key string, its two keys as hex (decoded from the string, Docs/format.md §6)
        /// and its fingerprint.
        func stranger() throws -> (key: String, x25519: String, ed25519: String, fingerprint: String) {
            let out = try cli.ok(["identity", "new", "--out", cli.path("stranger.id"), "--passphrase-file", adminPass])
            let key = try #require(CLI.value(after: "Public key: ", in: out))
            let fingerprint = try #require(CLI.value(after: "Fingerprint: ", in: out))
            let decoder = """
                import base64, sys
                body = sys.argv[1][len("amanat1"):].upper()
                raw = base64.b32decode(body + "=" * (-len(body) % 8))
                print(raw[:32].hex(), raw[32:64].hex())
                """
            let decoded = try CLI.runExecutable("/usr/bin/env", ["python3", "-c", decoder, key], cli: cli)
            let halves = decoded.out.split(whereSeparator: \.isWhitespace).map(String.init)
            try #require(halves.count == 2, "could not decode \(key): \(decoded.err)")
            return (key, halves[0], halves[1], fingerprint)
        }
    }

    @Test("the first use by someone else is announced with the fingerprint; later uses are quiet")
    func firstContact() throws {
        let s = try Setup()
        let quiet = try s.cli.run(["inbox"])
        #expect(quiet.status == 0 && !quiet.err.contains("first use"), "the creator's own vault is no first contact")
        let other = ["XDG_CONFIG_HOME": s.cli.path("other-config")]
        let first = try s.cli.run(["inbox"], env: other)
        #expect(first.status == 0)
        #expect(first.err.contains("amanat: note: first use of this vault") && first.err.contains(s.adminFingerprint))
        let known = try String(contentsOfFile: s.cli.path("other-config/amanat/known-vaults"), encoding: .utf8)
        #expect(known.contains(s.adminKey))
        let mode =
            try FileManager.default.attributesOfItem(atPath: s.cli.path("other-config/amanat/known-vaults"))[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = try s.cli.run(["inbox"], env: other)
        #expect(second.status == 0 && !second.err.contains("first use"))
        // A given key is checked too, and makes no first-contact note.
        let given = try s.cli.run(
            ["inbox", "--administrator-key", s.adminKey], env: ["XDG_CONFIG_HOME": s.cli.path("third")])
        #expect(given.status == 0 && !given.err.contains("first use"))
    }

    @Test("a swapped intake key stops submit, naming both fingerprints, and stores nothing")
    func swappedIntakeKey() throws {
        let s = try Setup()
        try s.cli.ok(["submit"], input: "first testimony")
        let stranger = try s.stranger()
        try s.intrude(
            "UPDATE vaultInfo SET intakeKey = ?, administratorSigningKey = ?, settingsSignature = NULL",
            [stranger.x25519, stranger.ed25519])
        let refused = try s.cli.run(["submit"], input: "second testimony")
        #expect(refused.status == 65, "\(refused.err)")
        #expect(refused.err.contains(s.adminFingerprint) && refused.err.contains(stranger.fingerprint))
        #expect(!refused.out.contains("codename"))
        let withKey = try s.cli.run(
            ["inbox", "--administrator-key", s.adminKey], env: ["XDG_CONFIG_HOME": s.cli.path("fresh")])
        #expect(withKey.status == 65 && withKey.err.contains(stranger.fingerprint))
        let byVariable = try s.cli.run(
            ["inbox"], env: ["XDG_CONFIG_HOME": s.cli.path("fresh2"), "AMANAT_ADMINISTRATOR_KEY": s.adminKey])
        #expect(byVariable.status == 65)
    }

    @Test("a vault rolled back to an earlier copy is refused")
    func rollback() throws {
        let s = try Setup()
        try s.cli.ok(["submit"], input: "first testimony")
        try s.cli.ok(["inbox"])
        let manager = FileManager.default
        try manager.copyItem(atPath: s.cli.path("vault"), toPath: s.cli.path("backup"))
        try s.cli.ok(["submit"], input: "second testimony")
        try s.cli.ok(["inbox"])
        try manager.removeItem(atPath: s.cli.path("vault"))
        try manager.copyItem(atPath: s.cli.path("backup"), toPath: s.cli.path("vault"))
        let refused = try s.cli.run(["inbox"])
        #expect(refused.status == 65 && refused.err.contains("rolled back"), "\(refused.err)")
        #expect(refused.err.contains("known-vaults"))
    }

    @Test("amanat serve needs the administrator key, refuses a key file inside the vault and a vault with another key")
    func serveNeedsKey() throws {
        let s = try Setup()
        let none = try s.cli.run(["serve", "--listen", "127.0.0.1:1"])
        #expect(none.status == 64 && none.err.contains("--administrator-key"))
        let inside = try s.cli.write("vault/administrator.pub", s.adminKey + "\n")
        let insideRun = try s.cli.run(["serve", "--listen", "127.0.0.1:1", "--administrator-key", inside])
        #expect(insideRun.status == 64 && insideRun.err.contains("inside the vault"))
        let stranger = try s.stranger()
        let wrong = try s.cli.run(["serve", "--listen", "127.0.0.1:1", "--administrator-key", stranger.key])
        #expect(wrong.status == 65 && wrong.err.contains(stranger.fingerprint), "\(wrong.err)")
    }

    @Test("replies name who wrote them: the organisation's and the lawyer's names, set by the administrator")
    func namedReplies() throws {
        let cli = try CLI()
        let pass = try cli.write("admin.pass", "администратор пароль 1\n")
        try cli.ok(["init", "--passphrase-file", pass, "--organisation", "Мемориал"])
        let out = try cli.ok(["submit"], input: "Мой сын ушёл в марте.")
        let record = try #require(CLI.value(after: "(record ", in: out))
        let lines = out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let index = try #require(lines.firstIndex(of: "Your codename is:"))
        let codename = try #require(lines[(index + 1)...].first { !$0.isEmpty })
        try cli.ok(["reply", record, "--passphrase-file", pass], input: "Мы получили ваше письмо.")
        let replies = try cli.ok(["replies"], env: ["AMANAT_CODENAME": codename])
        #expect(replies.contains("from Мемориал, the organisation (key "), "\(replies)")
        let bad = try cli.run([
            "grant", String(repeating: "ab", count: 16), "--to", "amanat1x", "--expires", "9d",
            "--name", "a\u{202E}b", "--passphrase-file", pass,
        ])
        #expect(bad.status == 64 && bad.err.contains("--name"))
    }

    @Test("amanat serve turns core files off before it opens the vault")
    func serveForbidsCoreDumps() throws {
        let s = try Setup()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = [
            "serve", "--listen", "127.0.0.1:\(Int.random(in: 20_000...60_000))", "--administrator-key", s.adminKey,
        ]
        process.environment = s.cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var coreLine = ""
        for _ in 0..<100 {
            let limits =
                (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/limits", encoding: .utf8)) ?? ""
            coreLine = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }.map(String.init) ?? ""
            if coreLine.split(separator: " ").filter({ !$0.isEmpty }).dropFirst(4).prefix(2) == ["0", "0"] { break }
            usleep(50_000)
        }
        let fields = coreLine.split(separator: " ").filter { !$0.isEmpty }
        #expect(fields.count >= 6 && fields[4] == "0" && fields[5] == "0", "\(coreLine)")
    }

    @Test("amanat serve closes an idle connection and sends no Date header")
    func serveIdleAndDate() throws {
        let s = try Setup()
        let port = Int.random(in: 20_000...60_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = [
            "serve", "--listen", "127.0.0.1:\(port)", "--administrator-key", s.adminKey, "--idle-timeout", "1",
        ]
        process.environment = s.cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // Python's standard library speaks to the server over loopback: the answer's headers, then an idle socket.
        let script = """
            import socket, sys, time
            port = int(sys.argv[1])
            for _ in range(100):
                try:
                    s = socket.create_connection(("127.0.0.1", port), timeout=5); break
                except OSError:
                    time.sleep(0.1)
            s.sendall(b"GET /ru/ HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n")
            head = s.recv(65536).split(b"\\r\\n\\r\\n")[0].decode().lower()
            print("date" if "\\r\\ndate:" in head else "no-date")
            idle = socket.create_connection(("127.0.0.1", port), timeout=10)
            started = time.monotonic()
            closed = idle.recv(1) == b""
            print("closed" if closed and time.monotonic() - started < 8 else "open")
            """
        let result = try CLI.runExecutable("/usr/bin/env", ["python3", "-c", script, "\(port)"], cli: s.cli)
        #expect(result.out.split(separator: "\n") == ["no-date", "closed"], "\(result.out) \(result.err)")
    }
}

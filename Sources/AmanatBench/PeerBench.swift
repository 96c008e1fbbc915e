import AmanatCrypto
import AmanatVault
import Foundation

/// The same 1 GiB file encrypted to one recipient and decrypted again by `amanat export`/`open`,
/// `age -r`/`age -d` and `gpg --encrypt`/`--decrypt`, each timed as a whole process by GNU time
/// (wall seconds and peak resident memory), C, age and gpg alternating in every round.
struct PeerBench {
    let amanat: String
    let plain: String
    let directory: String
    let rounds: Int

    struct Figures {
        var encrypt: [Double] = [], decrypt: [Double] = []
        var encryptPeak = 0, decryptPeak = 0
    }

    func run() throws -> [String: Figures] {
        for tool in ["/usr/bin/time", "/usr/bin/age", "/usr/bin/age-keygen", "/usr/bin/gpg"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            throw BenchError("\(tool) is missing: `make bench` installs age, gnupg and time with apt-get")
        }
        let work = directory + "/peers"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        // amanat: a vault whose case holds the file as an attachment (set up untimed). The children remember
        // the vault in a known-vaults file of the run's own, not in the user's configuration.
        setenv("XDG_CONFIG_HOME", work + "/config", 1)
        let passphrase = work + "/pass"
        try Data("bench passphrase 1".utf8).write(to: URL(fileURLWithPath: passphrase))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passphrase)
        // The release `amanat` refuses identity files and vault settings below the Argon2id floor (there
        // is no test switch in a release build), so the files it opens use the floor itself: each timed
        // command pays for one INTERACTIVE derivation, as the report says.
        let administrator = Identity()
        let lawyer = Identity()
        let floor = Argon2id.Parameters.storageFloor
        try IdentityFile.write(
            administrator, to: work + "/admin.id", passphrase: SecretBytes(utf8: "bench passphrase 1"),
            parameters: floor)
        try IdentityFile.write(
            lawyer, to: work + "/lawyer.id", passphrase: SecretBytes(utf8: "bench passphrase 1"), parameters: floor)
        let caseID: Case.ID
        do {
            let vault = try Vault.create(at: work + "/vault", administrator: administrator, codenameParameters: floor)
            let (record, _) = try vault.submit(
                Testimony(statement: "bench", language: "en"), attachments: [AttachmentSource(path: plain)])
            caseID = try vault.createCase(title: "bench", administrator: administrator)
            try vault.assign([record], to: caseID, administrator: administrator)
        }
        // age and gpg keys.
        _ = try Spawn.run("/usr/bin/age-keygen", ["-o", work + "/age.key"])
        let agePublic = try String(contentsOfFile: work + "/age.key", encoding: .utf8)
            .split(separator: "\n").first { $0.contains("public key:") }!.split(separator: " ").last.map(String.init)!
        let gnupg = work + "/gnupg"
        try FileManager.default.createDirectory(
            atPath: gnupg, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        _ = try Spawn.run(
            "/usr/bin/gpg",
            [
                "--homedir", gnupg, "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                "--quick-gen-key", "bench <bench@example.invalid>", "default", "default", "never",
            ])

        var results: [String: Figures] = ["amanat": Figures(), "age": Figures(), "gpg": Figures()]
        for round in 1...rounds {
            printError("  peers: round \(round)/\(rounds)\n")
            for name in ["amanat", "age", "gpg"] {
                let sealed = work + "/out.\(name)"
                let back = work + "/back.\(name)"
                for path in [sealed, back, work + "/files"] { try? FileManager.default.removeItem(atPath: path) }
                let (encrypt, decrypt): ([String], [String])
                switch name {
                case "amanat":
                    encrypt = [
                        amanat, "export", caseID.description, "--vault", work + "/vault", "--identity",
                        work + "/admin.id",
                        "--passphrase-file", passphrase, "--to", lawyer.publicKey.stringRepresentation, "--out", sealed,
                        "--administrator-key", administrator.publicKey.stringRepresentation,
                    ]
                    decrypt = [
                        amanat, "open", sealed, "--identity", work + "/lawyer.id", "--passphrase-file", passphrase,
                        "--from", administrator.publicKey.stringRepresentation, "--out", work + "/files",
                    ]
                case "age":
                    encrypt = ["/usr/bin/age", "-r", agePublic, "-o", sealed, plain]
                    decrypt = ["/usr/bin/age", "-d", "-i", work + "/age.key", "-o", back, sealed]
                default:
                    encrypt = [
                        "/usr/bin/gpg", "--homedir", gnupg, "--batch", "--yes", "--trust-model", "always", "-r",
                        "bench@example.invalid",
                        "-o", sealed, "--encrypt", plain,
                    ]
                    decrypt = [
                        "/usr/bin/gpg", "--homedir", gnupg, "--batch", "--yes", "--pinentry-mode", "loopback",
                        "--passphrase", "",
                        "-o", back, "--decrypt", sealed,
                    ]
                }
                let e = try timed(encrypt, work: work)
                let d = try timed(decrypt, work: work)
                results[name]!.encrypt.append(e.seconds)
                results[name]!.decrypt.append(d.seconds)
                results[name]!.encryptPeak = max(results[name]!.encryptPeak, e.peakKiB)
                results[name]!.decryptPeak = max(results[name]!.decryptPeak, d.peakKiB)
                for path in [sealed, back, work + "/files"] { try? FileManager.default.removeItem(atPath: path) }
            }
        }
        try? FileManager.default.removeItem(atPath: work)
        return results
    }

    /// Wall seconds and peak resident KiB of one command, as GNU time reports them.
    private func timed(_ command: [String], work: String) throws -> Spawn.Measurement {
        let report = work + "/time.txt"
        _ = try Spawn.run("/usr/bin/time", ["-f", "%e %M", "-o", report] + command)
        let fields = try String(contentsOfFile: report, encoding: .utf8).split(whereSeparator: {
            $0 == " " || $0 == "\n"
        })
        guard fields.count >= 2, let seconds = Double(fields[fields.count - 2]),
            let peak = Int(fields[fields.count - 1])
        else {
            throw BenchError("could not read the timing of \(command[0])")
        }
        return Spawn.Measurement(seconds: seconds, peakKiB: peak)
    }
}

import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat audit`: the append-only log.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show the audit log, or verify it: its chain, its signatures, and that it accounts for every row.",
            discussion: """
                With --verify, the head (entry count and hash) is printed: keep it, and pass it back with \
                --expect-head next time to detect entries cut off the end.

                Examples:
                  amanat audit
                  amanat audit --verify --expect-head 42:9c1f…
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Verify the chain, every signature, and that the log and the rows agree both ways.") var verify =
            false
        @Option(help: ArgumentHelp("A head from an earlier --verify, as COUNT:HASH.", valueName: "COUNT:HASH"))
        var expectHead: String?

        struct Entry: Encodable {
            let sequence: Int
            let day: String
            let actor: String?
            let action: String
            let objects: [String]
        }

        struct Verified: Encodable {
            let entries: Int
            let head: String
        }

        func validate() throws {
            if expectHead != nil && !verify { throw ValidationError("--expect-head goes with --verify") }
            if let expectHead,
                expectHead.split(separator: ":").count != 2 || Int(expectHead.split(separator: ":")[0]) == nil
                    || expectHead.split(separator: ":")[1].count != 64
                    || !expectHead.split(separator: ":")[1].allSatisfy(\.isHexDigit)
            {
                throw ValidationError("--expect-head takes COUNT:HASH as printed by `amanat audit --verify`")
            }
        }

        func run() throws {
            let vault = try self.vault.open()
            if verify {
                let remembered = expectHead.map { text -> AuditLog.Head in
                    let parts = text.split(separator: ":")
                    return AuditLog.Head(count: Int(parts[0])!, hash: String(parts[1]))
                }
                let head = try vault.verifyAudit(remembered: remembered)
                if output.json {
                    return try output.printJSON(Verified(entries: head.count, head: head.argument))
                }
                return print("The audit log verifies: \(head.count) entries. Head: \(head.argument)")
            }
            let entries = try vault.store.read { try $0.auditEntries() }.map { row in
                Entry(
                    sequence: row.sequence, day: row.day,
                    actor: row.actor.flatMap { actor in vault.fingerprint(ofSigningKey: actor) },
                    action: row.action, objects: row.objects.split(separator: ",").map(String.init))
            }
            if output.json { return try output.printJSON(entries) }
            for e in entries {
                let line =
                    "\(e.sequence)  \(e.day)  \((e.actor ?? "source").padding(toLength: 19, withPad: " ", startingAt: 0))  \(e.action)  \(e.objects.joined(separator: " "))"
                print(line.trimmingCharacters(in: .whitespaces))
            }
        }
    }
}

extension Vault {
    /// The fingerprint of a known actor's Ed25519 key (the administrator or a grantee), or a short hex form.
    func fingerprint(ofSigningKey key: Data) -> String {
        if key == Data(administratorKey.rawRepresentation) {
            return Identity.PublicKey(encryption: intakeKey, signing: administratorKey).fingerprint.description
        }
        if let grant = try? grants().first(where: { Data($0.grantee.signing.rawRepresentation) == key }) {
            return grant.grantee.fingerprint.description
        }
        return "key " + Hex.encode(Array(key)).prefix(16)
    }
}

import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat export CASE --to KEY --out FILE.amanat`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a case as one encrypted, signed bundle for a lawyer outside the vault.",
            discussion: """
                Only the lawyer's key opens the bundle; anyone can check its signature with \
                `amanat verify`. She keeps what it holds even if her grant is later revoked. If her grant \
                on the case was revoked or has expired, export asks first (or needs --yes).

                Examples:
                  amanat export CASE --to amanat1yxod… --out case-7.amanat
                  amanat export CASE --to lawyer.pub --out case-7.amanat --json
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: ArgumentHelp("The case id (or its first 6+ characters).", valueName: "CASE")) var caseID: String
        @Option(
            help: ArgumentHelp(
                "The lawyer's public key (amanat1…), or a text file holding it.", valueName: "PUBLIC-KEY"))
        var to: String
        @Option(help: ArgumentHelp("The bundle to write (mode 600; never overwritten).", valueName: "FILE.amanat"))
        var out: String
        @Flag(help: "Export even if her grant on the case was revoked or has expired, without asking.")
        var yes = false
        @OptionGroup var output: OutputOptions

        /// What `export --json` prints (Docs/cli.md): the bundle, the case and both public keys.
        struct Exported: Encodable {
            let file: String, case_id: String, records: Int
            let recipient_fingerprint: String, recipient_public_key: String
            let signer_fingerprint: String, signer_public_key: String
        }

        func run() throws {
            let vault = try self.vault.open()
            let caseID = try IDArgument.caseID(self.caseID, in: vault)
            let recipient = try PublicKeyArgument.parse(to)
            if let reason = try ExportRecipientCheck.lapsedAccess(of: recipient, on: caseID, in: vault) {
                try ExportRecipientCheck.confirm(reason, yes: yes)
            }
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let count = try vault.exportCase(caseID, to: recipient, path: out, administrator: administrator)
            if output.json {
                return try output.printJSON(
                    Exported(
                        file: out, case_id: caseID.description, records: count,
                        recipient_fingerprint: recipient.fingerprint.description,
                        recipient_public_key: recipient.stringRepresentation,
                        signer_fingerprint: administrator.publicKey.fingerprint.description,
                        signer_public_key: administrator.publicKey.stringRepresentation))
            }
            let records = counted(count, "record")
            print(
                "Wrote \(out): case \(caseID), \(records), for \(recipient.fingerprint), "
                    + "signed by \(administrator.publicKey.fingerprint).")
        }
    }

    /// `amanat verify FILE.amanat`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a case bundle's signature and integrity without decrypting it.",
            discussion: """
                Prints who signed it and for whom. With --from, also requires that signer.

                Example:
                  amanat verify case-7.amanat --from amanat1ymkb…
                """
        )
        @Argument(help: ArgumentHelp("The bundle.", valueName: "FILE.amanat")) var file: String
        @Option(help: ArgumentHelp("The public key that must have signed it.", valueName: "PUBLIC-KEY"))
        var from: String?
        @OptionGroup var output: OutputOptions

        struct Shown: Encodable {
            let file: String
            let signer: String
            let recipient_x25519: String
            let attachments: Int
            let bytes: Int
        }

        func run() throws {
            let trusted = try from.map { try PublicKeyArgument.parse($0).signing }
            let summary = try CaseBundle.verify(at: file, signer: trusted)
            let signer = Hex.encode(summary.signer.rawRepresentation)
            if output.json {
                return try output.printJSON(
                    Shown(
                        file: file, signer: signer, recipient_x25519: Hex.encode(summary.recipient.rawRepresentation),
                        attachments: summary.blobCount, bytes: summary.size))
            }
            let attachments = counted(summary.blobCount, "attachment")
            print("\(file): the signature and every byte verify (\(summary.size) bytes, \(attachments)).")
            let whose = trusted == nil ? "; add --from KEY to require a signer you trust" : ", the key you gave"
            print("Signed by the Ed25519 key \(signer)\(whose).")
        }
    }
}

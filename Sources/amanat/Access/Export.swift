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
            `amanat verify`. She keeps what it holds even if her grant is later revoked.

            Example:
              amanat export CASE --to amanat1yxod… --out case-7.amanat
            """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: ArgumentHelp("The case id (or its first 6+ characters).", valueName: "CASE")) var caseID: String
        @Option(help: ArgumentHelp("The lawyer's public key (amanat1…), or a text file holding it.", valueName: "PUBLIC-KEY")) var to: String
        @Option(help: ArgumentHelp("The bundle to write (mode 600; never overwritten).", valueName: "FILE.amanat")) var out: String

        func run() throws {
            let vault = try self.vault.open()
            let caseID = try IDArgument.caseID(self.caseID, in: vault)
            let recipient = try PublicKeyArgument.parse(to)
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let count = try vault.exportCase(caseID, to: recipient, path: out, administrator: administrator)
            print("Wrote \(out): case \(caseID), \(count) record\(count == 1 ? "" : "s"), for \(recipient.fingerprint), signed by \(administrator.publicKey.fingerprint).")
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
        @Option(help: ArgumentHelp("The public key that must have signed it.", valueName: "PUBLIC-KEY")) var from: String?
        @OptionGroup var output: OutputOptions

        struct Shown: Encodable { let file: String; let signer: String; let recipient_x25519: String; let attachments: Int; let bytes: Int }

        func run() throws {
            let trusted = try from.map { try PublicKeyArgument.parse($0).signing }
            let summary = try CaseBundle.verify(at: file, signer: trusted)
            let signer = Hex.encode(summary.signer.rawRepresentation)
            if output.json {
                return try output.printJSON(Shown(file: file, signer: signer, recipient_x25519: Hex.encode(summary.recipient.rawRepresentation),
                                                  attachments: summary.blobCount, bytes: summary.size))
            }
            print("\(file): the signature and every byte verify (\(summary.size) bytes, \(summary.blobCount) attachment\(summary.blobCount == 1 ? "" : "s")).")
            print("Signed by the Ed25519 key \(signer)\(trusted == nil ? "; add --from KEY to require a signer you trust" : ", the key you gave").")
        }
    }
}

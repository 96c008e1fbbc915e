public import AmanatCrypto
import Foundation

extension Vault {
    /// Gives a person who may write to sources (the administrator herself, or a lawyer) the name sources
    /// see beside her replies, signed by the administrator so that no one else can set or change it.
    /// Setting a name again replaces it.
    /// - Parameters:
    ///   - name: the name, 1 to 120 bytes of UTF-8 without control or bidi characters ("Адвокат Е. Петрова").
    ///   - key: the person's public key.
    ///   - administrator: the vault's administrator, who signs.
    /// - Throws: `AmanatVaultError.notAdministrator`, `.invalidArgument` for an unacceptable name.
    public func setAuthorName(_ name: String, for key: Identity.PublicKey, administrator: Identity) throws {
        try requireAdministrator(administrator)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isAcceptableName(name) else {
            throw AmanatVaultError.invalidArgument("a name must be 1 to 120 bytes of text, without control characters")
        }
        try store.write { writer in
            var row = AuthorNameRow(
                signingKey: Data(key.signing.rawRepresentation), encryptionKey: Data(key.encryption.rawRepresentation),
                name: name, day: Day.today().description, signature: Data())
            row.signature = Data(administrator.signingKey.signature(for: VaultFormat.authorNameStatement(row)))
            try writer.save(row)
            try AuditLog.append(to: writer, action: "author.name", objects: [], actor: administrator)
        }
    }

    /// The name the administrator gave the holder of `key`, or nil when she gave none.
    /// - Throws: `AmanatVaultError.corrupted` when a name row exists but its signature or keys do not match.
    func authorName(of key: Identity.PublicKey, _ reader: any VaultReader) throws -> String? {
        guard let row = try reader.authorName(signingKey: Data(key.signing.rawRepresentation)) else { return nil }
        guard row.encryptionKey == Data(key.encryption.rawRepresentation), Self.isAcceptableName(row.name),
            administratorKey.isValidSignature(Array(row.signature), for: VaultFormat.authorNameStatement(row))
        else {
            throw AmanatVaultError.corrupted("the name given to \(key.fingerprint)")
        }
        return row.name
    }

    /// 1 to 120 bytes, no control, format (bidi) or line-breaking characters.
    public static func isAcceptableName(_ name: String) -> Bool {
        (1...120).contains(name.utf8.count)
            && !name.unicodeScalars.contains {
                [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
            }
    }
}

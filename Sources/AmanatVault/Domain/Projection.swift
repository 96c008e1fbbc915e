public import AmanatCrypto
import Foundation

/// A public projection of a testimony: a redacted excerpt with its metadata, signed with the Ed25519
/// key of the editor who published it, so that anyone holding her public key can check that not one
/// character changed. Its JSON form is the one `amanat export-public --format json` writes
/// (Docs/format.md, section 8.19).
public struct Projection: Codable, Sendable, Equatable {
    /// A projection's id.
    public typealias ID = VaultID<ProjectionTag>
    /// The `format` value of every projection.
    public static let formatName = "amanat-projection"

    /// Always `formatName`.
    public var format: String
    /// The format version, 1.
    public var version: Int
    /// The projection's id.
    public var id: ID
    /// The public label of the case ("Case 14"), chosen by the editor; never the case's title.
    public var caseLabel: String
    /// "ru" or "en".
    public var language: String
    /// The testimony's date, generalised: "2016-03" or "2016".
    public var period: String
    /// The day it was published.
    public var published: Day
    /// The public text.
    public var text: String
    /// The publisher's Ed25519 public key, base64url (no padding).
    public var publisher: String
    /// Ed25519 signature of `signedStatement`, base64url (no padding).
    public var signature: String

    enum CodingKeys: String, CodingKey {
        case format, version, id
        case caseLabel = "case"
        case language, period, published, text, publisher, signature
    }

    /// What the publisher signs: `Labels.projection`, 0, version 1, the 16-byte id, the case label
    /// (u16 length + UTF-8), the language (2 ASCII bytes), the period (u16 length + ASCII), the day
    /// published (10 ASCII bytes), the text (u32 length + UTF-8) and her 32-byte public key.
    public func signedStatement() throws -> [UInt8] {
        let key = try publisherKey()
        let label = Array(caseLabel.utf8)
        let period = Array(self.period.utf8)
        let text = Array(self.text.utf8)
        var bytes = Labels.projection + [0, 1] + id.rawValue
        bytes += VaultFormat.u16(label.count) + label
        bytes += Array(language.utf8)
        bytes += VaultFormat.u16(period.count) + period
        bytes += Array(published.description.utf8)
        bytes += VaultFormat.u32(text.count) + text
        bytes += key.rawRepresentation
        return bytes
    }

    /// The publisher's key.
    /// - Throws: `AmanatVaultError.projectionNotVerified` when it is not a key.
    public func publisherKey() throws -> Ed25519.PublicKey {
        guard let bytes = try? Base64URL.decode(publisher), let key = try? Ed25519.PublicKey(rawRepresentation: bytes)
        else {
            throw AmanatVaultError.projectionNotVerified("its publisher key is not an Ed25519 public key")
        }
        return key
    }

    /// Checks the format, the fields and the signature, and that `expected` (when given) signed it.
    /// - Throws: `AmanatVaultError.projectionNotVerified` saying what failed.
    public func verify(signedBy expected: Ed25519.PublicKey? = nil) throws {
        guard format == Self.formatName, version == 1 else {
            throw AmanatVaultError.projectionNotVerified("it is not an Amanat projection of format version 1")
        }
        try Self.validate(caseLabel: caseLabel, language: language, period: period, text: text)
        let key = try publisherKey()
        if let expected, expected.rawRepresentation != key.rawRepresentation {
            throw AmanatVaultError.projectionNotVerified("it was signed by another key than the one given")
        }
        guard let signature = try? Base64URL.decode(signature),
            key.isValidSignature(signature, for: try signedStatement())
        else {
            throw AmanatVaultError.projectionNotVerified(
                "its signature does not match its text and metadata: it was changed after publication, or never signed")
        }
    }

    /// Checks the fields an editor sets.
    /// - Throws: `AmanatVaultError.invalidArgument` (for a draft) naming the field.
    static func validate(caseLabel: String, language: String, period: String, text: String) throws {
        guard !caseLabel.trimmingCharacters(in: .whitespaces).isEmpty, caseLabel.utf8.count <= 200,
            !caseLabel.contains(where: \.isNewline)
        else {
            throw AmanatVaultError.invalidArgument("the case label must be one line of 1 to 200 bytes")
        }
        guard ["ru", "en"].contains(language) else {
            throw AmanatVaultError.invalidArgument("the language must be ru or en")
        }
        let bytes = Array(period.utf8)
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        let year = bytes.count >= 4 && bytes[0..<4].allSatisfy(isDigit)
        let month =
            bytes.count == 7 && bytes[4] == 0x2D && bytes[5...].allSatisfy(isDigit)
            && (1...12).contains(Int(period.suffix(2)) ?? 0)
        guard year, bytes.count == 4 || month else {
            throw AmanatVaultError.invalidArgument("the period must be a year (2016) or a month (2016-03)")
        }
        guard !WhiteSpace.trim(text).isEmpty, text.utf8.count <= 1 << 20 else {
            throw AmanatVaultError.invalidArgument("the public text must hold 1 byte to 1 MiB")
        }
    }
}

public import AmanatCrypto
import Foundation

/// A source's codename: eight words from a list of 4,096 (96 bits), the only key to her mailbox.
///
/// It is a secret: held in protected memory, never printed (`description` is redacted), and shown
/// only once, through `reveal()`, to the person who submitted. When typed back, capital letters,
/// extra spaces or dashes do not matter, and the first four letters of each word are enough.
public final class Codename: Sendable, CustomStringConvertible {
    /// Words in a codename.
    public static let wordCount = 8
    /// The canonical phrase: the full words, lowercase, separated by single spaces (UTF-8).
    let phrase: SecretBytes

    private init(phrase: SecretBytes) { self.phrase = phrase }

    /// A fresh random codename.
    public static func generate(words list: [String] = CodenameWordList.english) -> Codename {
        let words = (0..<wordCount).map { _ in list[Int(SecureRandom.uniform(UInt32(list.count)))] }
        return Codename(phrase: SecretBytes(utf8: words.joined(separator: " ")))
    }

    /// Reads a codename as the source typed it.
    /// - Throws: `AmanatVaultError.malformedCodename`, naming the position of a bad word but never the word.
    public convenience init(typed: some BytesView, words list: [String] = CodenameWordList.english) throws {
        let text = typed.withBytes { String(decoding: $0, as: UTF8.self) }
        let tokens = text.lowercased().split { !$0.isLetter }
        guard tokens.count == Codename.wordCount else {
            throw AmanatVaultError.malformedCodename("a codename has \(Codename.wordCount) words; this has \(tokens.count)")
        }
        var canonical: [String] = []
        for (index, token) in tokens.enumerated() {
            guard let word = CodenameWordList.match(String(token), in: list) else {
                throw AmanatVaultError.malformedCodename("word \(index + 1) is not one of the codename words; check its spelling")
            }
            canonical.append(word)
        }
        self.init(phrase: SecretBytes(utf8: canonical.joined(separator: " ")))
    }

    /// The words, for showing once to the source. The returned string is ordinary memory.
    public func reveal() -> String { phrase.unprotectedString() }

    /// Redacted: a codename never appears in logs or messages.
    public var description: String { "Codename(redacted)" }

    /// The mailbox keys this codename opens in a vault with `salt` and `parameters`.
    func mailboxKeys(salt: Data, parameters: Argon2id.Parameters) throws -> MailboxKeys {
        let master = try Argon2id.deriveKey(from: phrase, salt: Array(salt), parameters: parameters, length: 32)
        let id = try KeyDerivation.deriveSubkey(from: master, id: 1, context: Labels.mailboxContext, length: 32)
        let reply = try KeyDerivation.deriveSubkey(from: master, id: 1, context: Labels.replyKeyContext, length: 32)
        return MailboxKeys(id: Data(id.publicBytes), replyKey: try X25519.PrivateKey(rawRepresentation: reply))
    }
}

/// What a codename derives: the mailbox id (public, stored) and the reply key pair (only the public
/// half is stored).
struct MailboxKeys {
    let id: Data
    let replyKey: X25519.PrivateKey
}

extension CodenameWordList {
    /// The full word `token` stands for: itself, or the one word it is a prefix of (at least 4 letters).
    static func match(_ token: String, in list: [String]) -> String? {
        if list.contains(token) { return token }
        guard token.count >= 4 else { return nil }
        let candidates = list.filter { $0.hasPrefix(token) }
        return candidates.count == 1 ? candidates[0] : nil
    }
}

public import AmanatCrypto
import Foundation

/// A source's codename: eight words from a list of 4,096 (96 bits), the only key to her mailbox.
///
/// It is a secret: held in protected memory, never printed (`description` is redacted), and shown
/// only once, through `reveal()`, to the person who submitted. She gets it in her language (English or
/// Russian words); what the vault derives her keys from is the eight word numbers, written as the
/// English phrase, so either spelling opens the same mailbox and nothing stored reveals the language.
/// When typed back, capital letters, extra spaces or dashes, and ё/е do not matter, and the first four
/// letters of each word are enough.
public final class Codename: Sendable, CustomStringConvertible {
    /// Words in a codename.
    public static let wordCount = 8
    /// The canonical phrase: the full English words, lowercase, separated by single spaces (UTF-8).
    let phrase: SecretBytes
    /// The words as the source was shown them (her language).
    private let shown: SecretBytes

    private init(indices: [Int], shownIn language: CodenameWordList.Language) {
        phrase = SecretBytes(utf8: indices.map { CodenameWordList.english[$0] }.joined(separator: " "))
        shown = SecretBytes(utf8: indices.map { CodenameWordList.words(language)[$0] }.joined(separator: " "))
    }

    /// A fresh random codename, shown in `language`.
    public static func generate(in language: CodenameWordList.Language = .english) -> Codename {
        Codename(indices: (0..<wordCount).map { _ in Int(SecureRandom.uniform(4096)) }, shownIn: language)
    }

    /// Reads a codename as the source typed it, in either list (word by word).
    /// - Throws: `AmanatVaultError.malformedCodename`, naming the position of a bad word but never the word.
    public convenience init(typed: some BytesView) throws {
        let text = typed.withBytes { String(decoding: $0, as: UTF8.self) }
        let tokens = text.lowercased().split { !$0.isLetter }
        guard tokens.count == Codename.wordCount else {
            throw AmanatVaultError.malformedCodename(
                "a codename has \(Codename.wordCount) words; this has \(tokens.count)")
        }
        var indices: [Int] = []
        var language = CodenameWordList.Language.english
        for (position, token) in tokens.enumerated() {
            let cyrillic = token.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
            if cyrillic { language = .russian }
            let list = cyrillic ? CodenameWordList.foldedRussian : CodenameWordList.foldedEnglish
            guard let index = CodenameWordList.match(CodenameWordList.fold(String(token)), in: list) else {
                throw AmanatVaultError.malformedCodename(
                    "word \(position + 1) is not one of the codename words; check its spelling")
            }
            indices.append(index)
        }
        self.init(indices: indices, shownIn: language)
    }

    /// The words, for showing once to the source, in her language. The returned string is ordinary memory.
    public func reveal() -> String { shown.unprotectedString() }

    /// Whether `other` is the same eight words, in whichever list it was typed (compared in constant time).
    @_spi(Fuzzing) public func sameWords(as other: Codename) -> Bool { phrase == other.phrase }

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
    /// The number of the word `token` stands for in `list`: the word itself, or the one word it is a
    /// prefix of (at least 4 letters).
    static func match(_ token: String, in list: [String]) -> Int? {
        if let exact = list.firstIndex(of: token) { return exact }
        guard token.count >= 4 else { return nil }
        var found: Int?
        for (index, word) in list.enumerated() where word.hasPrefix(token) {
            guard found == nil else { return nil }
            found = index
        }
        return found
    }
}

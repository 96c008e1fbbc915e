public import AmanatCrypto

/// Consistent, meaningless labels for the people and places of one case: the same person gets the
/// same label ("[Person KX]", "[Человек КХ]") in every excerpt of the case, whatever case ending or
/// script she was named in, and the label reveals nothing without the case's key.
///
/// label = two letters chosen by the first bytes of BLAKE2b-256, keyed with the case's pseudonym key,
/// of `Labels.pseudonym` || 0 || 1 || the term's folded form.
public struct Pseudonyms: Sendable {
    /// What a term names.
    public enum Kind: String, Codable, Sendable {
        /// A person.
        case person
        /// A place.
        case place
    }

    private let key: SecretBytes
    private static let latin = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
    private static let cyrillic = Array("АБВГДЕЖЗИКЛМНПРСТУФХЦЧШЭЮЯ")

    /// Labels under `key` (16 to 64 secret bytes; one per case).
    /// - Throws: `AmanatRedactionError.weakPseudonymKey` for a shorter or longer key.
    public init(key: SecretBytes) throws {
        guard (16...64).contains(key.count) else { throw AmanatRedactionError.weakPseudonymKey }
        self.key = key
    }

    /// The label of `term` (as it stands on the case's list).
    public func label(for term: String, kind: Kind, language: String) -> String {
        let folded = Tokenizer.words(in: term).map { Folding.key($0.text) }.joined(separator: " ")
        let digest = BLAKE2b.hash(Labels.pseudonym + [0, 1] + Array(folded.utf8), key: key, length: 32)
        let russian = language == "ru"
        let letters = russian ? Self.cyrillic : Self.latin
        let code = String([letters[Int(digest[0]) % letters.count], letters[Int(digest[1]) % letters.count]])
        let word =
            switch (kind, russian) {
            case (.person, false): "Person"
            case (.place, false): "Place"
            case (.person, true): "Человек"
            case (.place, true): "Место"
            }
        return "[\(word) \(code)]"
    }
}

import AmanatCrypto

/// A person or place an editor listed for a case, so that every excerpt of the case is redacted
/// against it (Docs/redaction.md, "The case's terms").
public struct CaseTerm: Codable, Hashable, Sendable {
    /// A person or a place.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case person, place
    }

    /// The longest term, in characters: a name or a place, never a passage.
    public static let maximumLength = 200
    /// The most terms a case may list.
    public static let maximumCount = 2_000

    /// As listed (the nominative, as the editor typed it).
    public var text: String
    /// A person or a place.
    public var kind: Kind

    /// A term.
    public init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }

    /// Checks that the term can be listed: some letters, one line, at most `maximumLength` characters.
    /// - Throws: `AmanatVaultError.invalidArgument` saying what is wrong (the term itself is never quoted).
    public func validate() throws {
        guard text.contains(where: \.isLetter) else {
            throw AmanatVaultError.invalidArgument("a term must hold letters (a name or a place)")
        }
        guard !text.contains(where: \.isNewline), text.count <= Self.maximumLength else {
            throw AmanatVaultError.invalidArgument(
                "a term is one name or place on one line, of at most \(Self.maximumLength) characters")
        }
    }
}

/// What is sealed under the case key in `caseTerms.sealed` (Docs/format.md §8.21).
struct CaseTermList: Codable {
    static let formatName = "amanat-case-terms"
    var format: String
    var version: Int
    var terms: [CaseTerm]

    init(terms: [CaseTerm]) {
        format = Self.formatName
        version = 1
        self.terms = terms
    }
}

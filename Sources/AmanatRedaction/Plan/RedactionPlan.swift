import AmanatCrypto

/// What an editor reviews before publishing: every span the detectors found in one text, with the
/// detector, the reason and the proposed action, which she may change. The plan holds the real names
/// (each span's text and the case's terms): it is stored encrypted in the vault, and a plan file is
/// written readable by its owner only. Its JSON form is specified in Docs/redaction.md.
public struct RedactionPlan: Codable, Equatable, Sendable {
    /// The `format` value of every plan.
    public static let formatName = "amanat-redaction-plan"
    /// The plan version this build writes and reads.
    public static let currentVersion = 1

    /// What to do with one span.
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// Replace it with "[redacted]".
        case remove
        /// Replace a listed person or place with its label for the case ("[Person KX]").
        case pseudonymise
        /// Replace it with a coarser form: a date with its month or year, a listed place with its
        /// region, an age with a five-year range.
        case generalise
        /// Publish it as written (only for review candidates; anything the leak check finds is refused).
        case keep
        /// Not decided yet: an editor marks a span so while she checks it. A plan holding one is refused.
        case undecided
    }

    /// A person or place on the case's list.
    public struct Term: Codable, Equatable, Sendable {
        /// The term as listed (nominative).
        public var text: String
        /// A person or a place.
        public var kind: Pseudonyms.Kind
        /// A term.
        public init(text: String, kind: Pseudonyms.Kind) {
            self.text = text
            self.kind = kind
        }
    }

    /// One span of the text and its action.
    public struct Entry: Codable, Equatable, Sendable {
        /// Offset of its first character (Unicode extended grapheme clusters from the start of the text).
        public var start: Int
        /// Offset just past its last character.
        public var end: Int
        /// The span's text, as a check that the plan belongs to this text.
        public var text: String
        /// What found it.
        public var detector: Span.Detector
        /// Why, in words.
        public var reason: String
        /// What to do with it.
        public var action: Action
        /// For a case term: its index in `terms`.
        public var term: Int?

        /// An entry.
        public init(
            start: Int, end: Int, text: String, detector: Span.Detector, reason: String, action: Action,
            term: Int? = nil
        ) {
            self.start = start
            self.end = end
            self.text = text
            self.detector = detector
            self.reason = reason
            self.action = action
            self.term = term
        }
    }

    /// Always `formatName`.
    public var format: String
    /// `currentVersion`.
    public var version: Int
    /// The vault record the text is, hex, or nil for a text outside the vault.
    public var record: String?
    /// "ru" or "en": the language of labels and generalised forms.
    public var language: String
    /// BLAKE2b-256 of the text's UTF-8 bytes, hex: a plan applies only to the text it was made for.
    public var textDigest: String
    /// How coarse generalised dates are.
    public var datePrecision: Generalisation.DatePrecision
    /// The case's people and places.
    public var terms: [Term]
    /// Every span found, in text order.
    public var spans: [Entry]

    /// The longest term, in characters: a name or a place, never a passage (as a case's term list allows).
    public static let maximumTermLength = 200
    /// The most terms one plan or redactor takes (as a case's term list allows).
    public static let maximumTermCount = 2_000

    /// Refuses more terms, or a longer term, than a case may list: matching grows faster than linearly with a
    /// term's length, so a plan holding a 1 MB "name" would keep the machine busy for minutes (found by fuzzing).
    /// - Throws: `AmanatRedactionError.invalidPlan`.
    public static func checkTermSizes(_ terms: [String]) throws {
        guard terms.count <= maximumTermCount else {
            throw AmanatRedactionError.invalidPlan(
                "it lists \(terms.count) terms; a case lists at most \(maximumTermCount) people and places")
        }
        if let long = terms.first(where: { $0.count > maximumTermLength }) {
            throw AmanatRedactionError.invalidPlan(
                "a listed term is \(long.count) characters long; a name or a place has at most \(maximumTermLength)")
        }
    }

    /// The digest a plan records for `text`.
    public static func digest(of text: String) -> String { Hex.encode(BLAKE2b.hash(Array(text.utf8), length: 32)) }
}

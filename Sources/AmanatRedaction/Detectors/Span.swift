/// Something found in a text that must not be published as it is.
public struct Span: Equatable, Sendable, CustomStringConvertible {
    /// What found it.
    public enum Detector: String, Sendable, Codable {
        /// A person or place from the case's list, in any inflection or script.
        case caseTerm = "case-term"
        /// A phone number.
        case phone
        /// An e-mail address.
        case email
        /// A web address, or a Telegram, WhatsApp, Instagram or VK link.
        case url
        /// A messenger handle (@name).
        case handle
        /// A bank card number (Luhn-checked).
        case card
        /// An IBAN (checksum-checked).
        case iban
        /// A Russian passport's series and number.
        case passport
        /// A date, numeric or in words (Russian or English).
        case date
        /// A street address (street, house, flat).
        case address
        /// A Russian car number plate.
        case plate
        /// Worth a person's look before publishing (a capitalised word not on the list, a long
        /// number, an age, a school number); not removed automatically.
        case candidate
    }

    /// Offset of the first character (in Characters from the start of the text).
    public let start: Int
    /// Offset just past the last character.
    public let end: Int
    /// What found it.
    public let detector: Detector
    /// For a case term: the index of the term on the list that it names.
    public let entity: Int?

    /// A span.
    public init(start: Int, end: Int, detector: Detector, entity: Int? = nil) {
        self.start = start
        self.end = end
        self.detector = detector
        self.entity = entity
    }

    /// "case-term 10..16": positions only, never the text.
    public var description: String { "\(detector.rawValue) \(start)..\(end)" }
}

/// Character offsets of positions in one text, found in O(log n) after one pass over the text
/// (counting characters from the start for every match would make long texts quadratic).
struct OffsetMap {
    private let starts: [String.Index]

    init(_ text: String) {
        starts = Array(text.indices) + [text.endIndex]
    }

    /// The Character offset of `index` (which must be a character boundary of the text).
    func offset(of index: String.Index) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Character offsets of a range.
    func offsets(of range: Range<String.Index>) -> (Int, Int) {
        (offset(of: range.lowerBound), offset(of: range.upperBound))
    }
}

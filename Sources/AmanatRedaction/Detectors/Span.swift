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
    private let text: String
    /// Where each Character starts, or, for a text in which every scalar is a Character of its own
    /// (`isSimple`), the UTF-8 offset where each scalar starts: found without grapheme breaking.
    private let starts: [String.Index]
    private let scalarStarts: [Int]

    init(_ text: String) {
        self.text = text
        if Self.isSimple(text) {
            var offsets: [Int] = []
            offsets.reserveCapacity(text.utf8.count + 1)
            var offset = 0
            for byte in text.utf8 {
                if byte & 0xC0 != 0x80 { offsets.append(offset) }
                offset += 1
            }
            offsets.append(offset)
            scalarStarts = offsets
            starts = []
        } else {
            starts = Array(text.indices) + [text.endIndex]
            scalarStarts = []
        }
    }

    /// Whether every scalar of `text` is a Character of its own: it holds only scalars that no grapheme
    /// rule joins to a neighbour (Latin, Greek and Cyrillic letters, digits, punctuation, spaces, №),
    /// and no CR (which joins a following LF), combining mark, joiner or format character.
    static func isSimple(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x0D: false
            case 0x0000..<0x0300, 0x0370...0x0482, 0x048A...0x052F: true
            case 0x2000...0x200A, 0x2010...0x2027, 0x2030...0x205F, 0x20A0...0x20CF, 0x2100...0x214F: true
            default: false
            }
        }
    }

    /// The Character offset of `index` (which must be a character boundary of the text).
    func offset(of index: String.Index) -> Int {
        if starts.isEmpty {
            return Self.search(scalarStarts, for: text.utf8.distance(from: text.utf8.startIndex, to: index))
        }
        return Self.search(starts, for: index)
    }

    /// The position of `value` in the sorted `array` (or where it would be).
    private static func search<T: Comparable>(_ array: [T], for value: T) -> Int {
        var low = 0, high = array.count - 1
        while low < high {
            let middle = (low + high) / 2
            if array[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Character offsets of a range.
    func offsets(of range: Range<String.Index>) -> (Int, Int) {
        (offset(of: range.lowerBound), offset(of: range.upperBound))
    }
}

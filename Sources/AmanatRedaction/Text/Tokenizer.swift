/// A word of a text and where it is.
struct Token {
    /// The word as written.
    let text: String
    /// Where it is in the text.
    let range: Range<String.Index>
}

/// Splits text into words: runs of letters (with their combining marks), with an apostrophe or hyphen
/// allowed between letters (Ас-Салам, O’Neil). Works on Unicode scalars, which is several times faster
/// than on Characters; a word never starts or ends inside a letter and its marks.
enum Tokenizer {
    static func words(in text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isLetter(scalar) || (start != nil && isMark(scalar)) {
                if start == nil { start = index }
            } else if start != nil, isJoiner(scalar), next < scalars.endIndex, isLetter(scalars[next]) {
                // joiner inside a word: keep going
            } else if let begin = start {
                tokens.append(Token(text: String(scalars[begin..<index]), range: begin..<index))
                start = nil
            }
            index = next
        }
        if let begin = start { tokens.append(Token(text: String(scalars[begin..<scalars.endIndex]), range: begin..<scalars.endIndex)) }
        return tokens
    }

    @inline(__always) private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    @inline(__always) private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always) private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "'" || scalar == "\u{2019}"
    }
}

/// One text prepared once for every detector: its words and the map from positions to Character offsets.
final class Scan {
    /// The text.
    let text: String
    /// Its words.
    let tokens: [Token]
    /// Character offsets of its positions.
    let map: OffsetMap

    init(_ text: String) {
        self.text = text
        tokens = Tokenizer.words(in: text)
        map = OffsetMap(text)
    }
}

/// A word of a text and where it is.
struct Token {
    /// The word as written.
    let text: String
    /// Where it is in the text.
    let range: Range<String.Index>
}

/// Splits text into words: runs of letters, with an apostrophe or hyphen allowed between letters
/// (Ас-Салам, O’Neil).
enum Tokenizer {
    static func words(in text: String) -> [Token] {
        var tokens: [Token] = []
        var start: String.Index?
        var index = text.startIndex
        func close(at end: String.Index) {
            if let begin = start { tokens.append(Token(text: String(text[begin..<end]), range: begin..<end)) }
            start = nil
        }
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isLetter {
                if start == nil { start = index }
            } else if start != nil, "-‐'’".contains(character), next < text.endIndex, text[next].isLetter {
                // joiner inside a word: keep going
            } else {
                close(at: index)
            }
            index = next
        }
        close(at: text.endIndex)
        return tokens
    }
}

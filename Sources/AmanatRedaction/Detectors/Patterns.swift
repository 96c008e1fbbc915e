import Foundation

/// Compiles the detectors' patterns. A case-insensitive pattern has every `\p{L}` (and every bracket class
/// holding one) compiled case-sensitively, in `(?-i:…)`: ICU closes each property set over case when the
/// pattern ignores case, which costs ten times the rest of compiling it and changes nothing for the set of
/// all letters (measured: 0.43 ms against 0.07 ms for one `\p{L}`, about 6 ms of every `amanat redact`).
enum Patterns {
    /// The compiled pattern; the patterns are the program's own, so a pattern that does not compile is a
    /// programming error caught by every test.
    static func compile(_ pattern: String, caseInsensitive: Bool, shielding: Bool = true) -> NSRegularExpression {
        let source = caseInsensitive && shielding ? shieldingLetters(pattern) : pattern
        return try! NSRegularExpression(pattern: source, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// `pattern` with each `\p{L}` outside brackets, and each bracket class that holds `\p{L}`, wrapped in
    /// `(?-i:…)`. Other properties (`\p{Lu}`) are left alone: ignoring case changes what they match.
    static func shieldingLetters(_ pattern: String) -> String {
        let characters = Array(pattern)
        let letters = Array(#"\p{L}"#)
        var result = ""
        var index = 0
        func startsLetters(at position: Int) -> Bool {
            position + letters.count <= characters.count
                && Array(characters[position..<(position + letters.count)]) == letters
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                if startsLetters(at: index) {
                    result += "(?-i:" + String(letters) + ")"
                    index += letters.count
                } else {
                    result += String(characters[index...(index + 1)])
                    index += 2
                }
            } else if character == "[", let end = classEnd(characters, from: index) {
                let body = String(characters[index...end])
                result += body.contains(String(letters)) ? "(?-i:" + body + ")" : body
                index = end + 1
            } else {
                result.append(character)
                index += 1
            }
        }
        return result
    }

    /// The index of the `]` that closes the bracket class opened at `start` (escapes skipped; a `]` first
    /// in the class is a literal).
    private static func classEnd(_ characters: [Character], from start: Int) -> Int? {
        var index = start + 1
        if index < characters.count, characters[index] == "^" { index += 1 }
        if index < characters.count, characters[index] == "]" { index += 1 }
        while index < characters.count {
            switch characters[index] {
            case "\\": index += 2
            case "[": return nil  // nested sets are not used here: leave the pattern as it is
            case "]": return index
            default: index += 1
            }
        }
        return nil
    }
}

/// A detector's pattern, compiled the first time a text may hold what it finds (`Scan.matches`): a text
/// without an `@` never pays for the e-mail pattern, nor one without a street word for the address ones.
///
/// Compiling the first pattern of a process costs ICU about 2.5 ms, more than planning a one-line text,
/// so the patterns that most testimonies need (phone numbers, dates with a Russian month) also have a
/// `matcher` written by hand that finds exactly what the pattern finds, and others a `prefilter`: a quick
/// test that a text may hold a match, false only when the pattern cannot match. The pattern stays the
/// definition; tests hold the matchers and prefilters to it on random texts.
final class Pattern: @unchecked Sendable {
    /// Where a match starting at a position ends, or nil.
    typealias Matcher = @Sendable (UnitScanner, Int) -> Int?
    /// False only when the pattern cannot match the text.
    typealias Prefilter = @Sendable (UnitScanner) -> Bool

    private let source: String
    private let caseInsensitive: Bool
    private let shielding: Bool
    let matcher: Matcher?
    let prefilter: Prefilter?
    private let lock = NSLock()
    private var compiled: NSRegularExpression?

    init(
        _ source: String, caseInsensitive: Bool, shielding: Bool = true, prefilter: Prefilter? = nil,
        matcher: Matcher? = nil
    ) {
        self.source = source
        self.caseInsensitive = caseInsensitive
        self.shielding = shielding
        self.prefilter = prefilter
        self.matcher = matcher
    }

    /// The compiled pattern (compiled once, under a lock, on first use).
    var regex: NSRegularExpression {
        lock.withLock {
            if let compiled { return compiled }
            let regex = Patterns.compile(source, caseInsensitive: caseInsensitive, shielding: shielding)
            compiled = regex
            return regex
        }
    }

    /// Whether the pattern has been compiled (for the test that a short testimony compiles none).
    var isCompiled: Bool { lock.withLock { compiled != nil } }

    /// The ranges (UTF-16) of the matches in `text`, whose units are `units`: by the hand-written matcher
    /// if there is one, otherwise by the compiled pattern unless the prefilter rules a match out.
    func matches(in text: String, units: [UInt16]) -> [NSRange] {
        let scanner = UnitScanner(units: units)
        if let matcher { return scanner.matches { matcher(scanner, $0) } }
        if let prefilter, !prefilter(scanner) { return [] }
        return regexMatches(in: text)
    }

    /// The ranges of the compiled pattern's matches in `text` (the reference the matchers are tested against).
    func regexMatches(in text: String) -> [NSRange] {
        regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map(\.range)
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Text from sources is untrusted: a testimony, a reply, an attachment's name or a case title could hold
/// escape sequences that rewrite the screen, or bidirectional controls that reorder what the reader sees.
/// Shown on a terminal, such characters are written as `\u{1B}`, `\u{202E}` and so on (Swift's notation,
/// uppercase hex), so the reader sees that they are there and what they are, and none of them acts.
///
/// Escaped: the C0 controls except line feed and tab (a carriage return is kept only right before a
/// line feed, where it moves nothing), DEL, the C1 controls (U+0080–U+009F, which include the one-byte
/// CSI), and the bidirectional controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C.
/// Everything else, including a literal backslash, is shown as it is.
enum TerminalText {
    /// Whether `scalar` is one of the characters that are escaped (see the type's notes; the carriage
    /// return is decided by `escaped(_:)`, which sees what follows it).
    static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// `text` with every hazardous character written as `\u{HEX}`. Pure: no terminal is consulted.
    static func escaped(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var shown = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let crlf = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if isHazard(scalar) && !crlf {
                shown.append(contentsOf: notation(scalar).unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    /// `\u{1B}`: at least two hex digits, uppercase.
    static func notation(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + (hex.count < 2 ? "0" : "") + hex + "}"
    }

    /// Whether standard output is a terminal (a person reads it) rather than a pipe or a file.
    static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

    /// Prints `text` and a line feed: escaped when standard output is a terminal, byte for byte otherwise
    /// (a pipe or a file is read by a program, which gets the testimony exactly as it was written).
    static func print(_ text: String) {
        Swift.print(shown(text))
    }

    /// `text` as it should go to standard output: escaped for a terminal, unchanged otherwise.
    static func shown(_ text: String) -> String {
        standardOutputIsTerminal ? escaped(text) : text
    }

    /// JSON text with DEL, the C1 controls and the bidirectional controls (see the type's notes) written
    /// as `\uXXXX` escapes. The encoder already escapes the C0 controls; these it writes raw. Outside
    /// strings JSON holds only ASCII punctuation, so every such character is inside a string, where the
    /// escape decodes to the very same character: the document means exactly the same to any parser.
    static func escapedJSON(_ json: String) -> String {
        var shown = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F && isHazard(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }
}

extension OutputOptions {
    /// Prints `value` as one JSON document, as `printJSON` does, with the characters that could disturb a
    /// terminal escaped (`TerminalText.escapedJSON`), whether or not standard output is a terminal: the
    /// decoded values are the same, and a saved file stays safe to show later with `cat`.
    func printUntrustedJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        FileHandle.standardOutput.write(Data((TerminalText.escapedJSON(json) + "\n").utf8))
    }
}

/// "1 record", "3 records": a count and an English noun (its plural when it does not just take -s).
func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

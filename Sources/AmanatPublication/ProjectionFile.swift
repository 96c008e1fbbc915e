public import AmanatCrypto
public import AmanatVault
public import Foundation

/// The publishable files of a projection (Docs/format.md §8.19). Markdown and HTML carry the signed JSON
/// in a closing comment, the envelope, so `verify` checks the signature and that the visible text is
/// exactly the signed text: it renders the file again from the signed JSON and compares every byte.
public enum ProjectionFile {
    /// A file format.
    public enum Format: String, CaseIterable, Sendable {
        case md, html, json
    }

    /// The start of the comment that carries the signed projection.
    public static let envelopeMarker = "<!-- amanat-projection v1 "

    /// The file's text.
    public static func render(_ projection: Projection, as format: Format) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(projection), as: UTF8.self) + "\n"
        case .md:
            return "# \(markdownEscaped(projection.caseLabel)) — \(projection.period)\n\n"
                + markdownEscaped(WhiteSpace.trim(projection.text)) + "\n\n"
                + "_\(footer(projection, code: { "`\($0)`" }))_\n\n" + (try envelope(projection)) + "\n"
        case .html:
            let paragraphs = WhiteSpace.trim(projection.text)
                .components(separatedBy: "\n\n")
                .map { "<p>" + HTMLText.escaped($0).replacingOccurrences(of: "\n", with: "<br>\n") + "</p>" }
                .joined(separator: "\n")
            let title = "\(HTMLText.escaped(projection.caseLabel)) — \(projection.period)"
            return """
                <!DOCTYPE html>
                <html lang="\(projection.language)">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>\(title)</title>
                <style>\(style)</style>
                </head>
                <body>
                <article>
                <h1>\(title)</h1>
                \(paragraphs)
                </article>
                <footer>\(footer(projection, code: { "<code>\($0)</code>" }, html: true))</footer>
                </body>
                </html>
                \(try envelope(projection))

                """
        }
    }

    /// The closing comment: the projection's JSON (sorted members), base64url, on one line.
    public static func envelope(_ projection: Projection) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return envelopeMarker + Base64URL.encode(Array(try encoder.encode(projection))) + " -->"
    }

    /// Reads the projection a file carries, and the format it is in (not yet verified).
    /// - Throws: `PublicationError.projectionNotVerified` when no projection can be read from it.
    public static func parse(_ content: String) throws -> (Projection, Format) {
        let decoder = JSONDecoder()
        if content.trimmingCharacters(in: .whitespaces).hasPrefix("{") {
            guard let projection = try? decoder.decode(Projection.self, from: Data(content.utf8)) else {
                throw PublicationError.projectionNotVerified("the file is JSON but not an Amanat projection")
            }
            return (projection, .json)
        }
        guard let start = content.range(of: envelopeMarker, options: .backwards),
            let end = content.range(of: " -->", range: start.upperBound..<content.endIndex),
            let bytes = try? Base64URL.decode(String(content[start.upperBound..<end.lowerBound])),
            let projection = try? decoder.decode(Projection.self, from: Data(bytes))
        else {
            throw PublicationError.projectionNotVerified(
                "the file carries no signed projection (the closing amanat-projection comment is missing or damaged)")
        }
        return (projection, content.hasPrefix("<!DOCTYPE html>") ? .html : .md)
    }

    /// Verifies a projection file: the signature under `signer`, and the file's bytes exactly as rendered
    /// from the signed projection.
    /// - Returns: the verified projection and its format.
    /// - Throws: `PublicationError.projectionNotVerified`, `AmanatVaultError.projectionNotVerified` (signature).
    public static func verify(_ data: Data, signer: Ed25519.PublicKey) throws -> (Projection, Format) {
        guard let content = String(data: data, encoding: .utf8) else {
            throw PublicationError.projectionNotVerified("the file is not UTF-8 text")
        }
        let (projection, format) = try parse(content)
        try projection.verify(signedBy: signer)
        // Bytes, not Strings: String equality is canonical equivalence, under which a byte order mark
        // or "e" + U+0301 in place of "é" would pass. Only the exact bytes that were signed verify.
        guard Data(try render(projection, as: format).utf8) == data else {
            throw PublicationError.projectionNotVerified(
                "the file's bytes differ from what was signed (its text or layout, or an invisible change such as "
                    + "a byte order mark or another Unicode form of a letter)")
        }
        return (projection, format)
    }

    /// Markdown with every character that could format or hide text escaped.
    static func markdownEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#|!~&".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static func footer(_ projection: Projection, code: (String) -> String, html: Bool = false) -> String {
        let key = code(projection.publisher)
        if projection.language == "ru" {
            return html
                ? "Опубликовано \(projection.published) · подпись редактора: \(key)"
                : "Опубликовано \(projection.published) · язык: русский · подпись "
                    + "редактора: \(key)"
        }
        return html
            ? "Published \(projection.published) · signed by editor key \(key)"
            : "Published \(projection.published) · language: English · signed by editor key \(key)"
    }

    private static let style =
        "body{font:1.1rem/1.6 Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}"
        + "footer{color:#666;font-size:.85rem;border-top:1px solid #ddd;margin-top:2rem;padding-top:.5rem;"
        + "word-break:break-all}"
}

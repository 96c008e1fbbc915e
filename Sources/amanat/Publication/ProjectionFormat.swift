import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

/// The publishable forms of a projection. Markdown and HTML carry the signed JSON in a closing
/// comment, so `amanat verify-projection` checks the signature and that the visible text is exactly
/// the signed text (it renders the page again from the signed JSON and compares every byte).
enum ProjectionFormat: String, CaseIterable, ExpressibleByArgument {
    case md, html, json

    /// The comment that carries the signed projection.
    static let marker = "<!-- amanat-projection v1 "

    /// The file's bytes.
    func render(_ projection: Projection) throws -> String {
        switch self {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(projection), as: UTF8.self) + "\n"
        case .md:
            let ru = projection.language == "ru"
            let meta =
                ru
                ? "Опубликовано \(projection.published) · язык: русский · подпись редактора: `\(projection.publisher)`"
                : "Published \(projection.published) · language: English · signed by editor key `\(projection.publisher)`"
            return "# \(Self.markdownEscaped(projection.caseLabel)) — \(projection.period)\n\n"
                + Self.markdownEscaped(WhiteSpace.trim(projection.text)) + "\n\n"
                + "_\(meta)_\n\n" + (try Self.envelope(projection)) + "\n"
        case .html:
            let ru = projection.language == "ru"
            let paragraphs = WhiteSpace.trim(projection.text)
                .components(separatedBy: "\n\n")
                .map { "<p>" + Self.htmlEscaped($0).replacingOccurrences(of: "\n", with: "<br>\n") + "</p>" }
                .joined(separator: "\n")
            let meta =
                ru
                ? "Опубликовано \(projection.published) · подпись редактора: <code>\(projection.publisher)</code>"
                : "Published \(projection.published) · signed by editor key <code>\(projection.publisher)</code>"
            return """
                <!DOCTYPE html>
                <html lang="\(projection.language)">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>\(Self.htmlEscaped(projection.caseLabel)) — \(projection.period)</title>
                <style>body{font:1.1rem/1.6 Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}footer{color:#666;font-size:.85rem;border-top:1px solid #ddd;margin-top:2rem;padding-top:.5rem;word-break:break-all}</style>
                </head>
                <body>
                <article>
                <h1>\(Self.htmlEscaped(projection.caseLabel)) — \(projection.period)</h1>
                \(paragraphs)
                </article>
                <footer>\(meta)</footer>
                </body>
                </html>
                \(try Self.envelope(projection))

                """
        }
    }

    /// The closing comment: the projection's JSON, base64url, on one line.
    static func envelope(_ projection: Projection) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return marker + Base64URL.encode(Array(try encoder.encode(projection))) + " -->"
    }

    /// Reads a projection from a file of any format, with the format it was in.
    /// - Throws: `AmanatVaultError.projectionNotVerified` when no projection can be read from it.
    static func parse(_ content: String) throws -> (Projection, ProjectionFormat) {
        let decoder = JSONDecoder()
        if content.trimmingCharacters(in: .whitespaces).hasPrefix("{") {
            guard let projection = try? decoder.decode(Projection.self, from: Data(content.utf8)) else {
                throw AmanatVaultError.projectionNotVerified("the file is JSON but not an Amanat projection")
            }
            return (projection, .json)
        }
        guard let start = content.range(of: marker, options: .backwards),
            let end = content.range(of: " -->", range: start.upperBound..<content.endIndex),
            let bytes = try? Base64URL.decode(String(content[start.upperBound..<end.lowerBound])),
            let projection = try? decoder.decode(Projection.self, from: Data(bytes))
        else {
            throw AmanatVaultError.projectionNotVerified(
                "the file carries no signed projection (the closing amanat-projection comment is missing or damaged)")
        }
        return (projection, content.hasPrefix("<!DOCTYPE html>") ? .html : .md)
    }

    static func htmlEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
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
}

import AmanatVault
import Foundation

/// Escapes text for HTML element content and attribute values (`HTMLText`, shared with the projections).
func html(_ text: String) -> String { HTMLText.escaped(text) }

/// Text as HTML paragraphs: blank lines separate paragraphs, single line breaks become `<br>`.
func paragraphs(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespacesAndNewlines)
        .components(separatedBy: "\n\n")
        .map { "<p>" + html($0).replacingOccurrences(of: "\n", with: "<br>\n") + "</p>" }
        .joined(separator: "\n")
}

/// A whole page: the calm shell every page shares (title, language switch, main content, footer).
struct Page {
    let language: Language
    let title: String
    let body: String
    /// The path of the same page in the other language, for the switch.
    var switchPath: String

    /// The whole page. Its body, which may hold her words or her codename, is zeroed once copied into it.
    var rendered: String {
        let t = Strings(language)
        defer { Wipe.string(body) }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(html(title)) — Amanat</title>
            <link rel="stylesheet" href="/style.css">
            </head>
            <body>
            <header>
            <a class="home" href="/\(language.rawValue)/">Amanat</a>
            <a class="lang" href="\(html(switchPath))" hreflang="\(language.other.rawValue)" lang="\(language.other.rawValue)">\(language.other.ownName)</a>
            </header>
            <main>
            <h1>\(html(title))</h1>
            \(body)
            </main>
            <footer><p>\(t.footer)</p></footer>
            </body>
            </html>

            """
    }
}

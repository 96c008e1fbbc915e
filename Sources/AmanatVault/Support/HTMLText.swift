/// Text made safe for HTML: the one escaper of the intake's pages and the published projections.
public enum HTMLText {
    /// `text` escaped for element content and attribute values (`&`, `<`, `>`, `"`, `'`).
    public static func escaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
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
}

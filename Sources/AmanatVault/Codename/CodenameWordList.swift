/// The words codenames are made of: two lists of 4,096 (12 bits a word), English and Russian, generated
/// from Sources/AmanatVault/Resources/codename-words-{en,ru}.txt (see Scripts/README.md). Word number
/// *i* of one list and word number *i* of the other are the same secret: a codename is its eight word
/// numbers, so nothing stored shows which list a source was given.
public enum CodenameWordList {
    /// A list: the language a source sees her codename in.
    public enum Language: String, Sendable, CaseIterable {
        /// English words in Latin letters.
        case english = "en"
        /// Russian words in Cyrillic letters.
        case russian = "ru"
    }

    /// 4,096 short, common English words with unique four-letter prefixes.
    public static let english: [String] = englishWords.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(
        String.init)
    /// 4,096 short, common Russian words with unique four-letter prefixes (after folding ё, й and ъ).
    public static let russian: [String] = russianWords.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(
        String.init)

    /// The list for `language`.
    public static func words(_ language: Language) -> [String] { language == .english ? english : russian }

    /// Folded lists, for matching what was typed.
    static let foldedEnglish = english
    static let foldedRussian = russian.map(fold)

    /// A word as compared: lower case, with ё as е, й as и and ъ as ь (handwriting and keyboards mix them).
    static func fold(_ word: String) -> String {
        String(
            word.lowercased().map { character -> Character in
                switch character {
                case "ё": "е"
                case "й": "и"
                case "ъ": "ь"
                default: character
                }
            })
    }
}

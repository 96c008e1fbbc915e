/// Ordinary words of Russian and English, as Snowball stems of the lower-case entries of Debian's
/// dictionaries (hunspell-ru, wamerican) that are not also stems of proper names there
/// (Scripts/make-vocabulary.py). A capitalised word whose stem is on the list (Потом, Когда, Street)
/// is not a likely name; one whose stem is not (Магомед, Хасавюрт), or is also a name's (Вера), is.
enum CommonVocabulary {
    static let russian = SortedLines(russianStems)
    static let english = SortedLines(englishStems)

    /// Whether `word` (any letter case) is an ordinary word of its script's language.
    static func isCommon(_ word: String, russianStemmer: SnowballStemmer, englishStemmer: SnowballStemmer) -> Bool {
        let lower = word.lowercased().replacingOccurrences(of: "ё", with: "е")
        if lower.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
            return russian.contains(russianStemmer.stem(lower))
        }
        return english.contains(englishStemmer.stem(lower))
    }
}

/// Ordinary words of Russian and English, as Snowball stems of the lower-case entries of Debian's
/// dictionaries (hunspell-ru, wamerican) that are not also stems of proper names there
/// (Scripts/make-vocabulary.py). A capitalised word whose stem is on the list (Потом, Когда, Street)
/// is not a likely name; one whose stem is not (Магомед, Хасавюрт), or is also a name's (Вера), is.
enum CommonVocabulary {
    static let russian = SortedLines(russianStems)
    static let english = SortedLines(englishStems)
    /// Stems of ordinary words that are also stems of names (вер: вера and Вера), kept apart from the
    /// lists above.
    static let nameWords = SortedLines(nameWordStems)

    /// Whether `word` (any letter case) is an ordinary word of its script's language.
    static func isCommon(_ word: String, russianStemmer: SnowballStemmer, englishStemmer: SnowballStemmer) -> Bool {
        let lower = Folding.lowerCase(word)
        if lower.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
            return russian.contains(russianStemmer.stem(lower))
        }
        return english.contains(englishStemmer.stem(lower))
    }

    /// Whether `word`, written in lower case, is an ordinary word, counting those that are also names (вера,
    /// роза, ислам): in lower case they are the word.
    static func isLowerCaseWord(
        _ word: String, russianStemmer: SnowballStemmer, englishStemmer: SnowballStemmer
    ) -> Bool {
        if isCommon(word, russianStemmer: russianStemmer, englishStemmer: englishStemmer) { return true }
        let lower = Folding.lowerCase(word)
        let cyrillic = lower.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) })
        return nameWords.contains((cyrillic ? russianStemmer : englishStemmer).stem(lower))
    }
}

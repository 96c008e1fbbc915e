internal import CStemmer

/// A Snowball stemmer (libstemmer). The Russian one reduces most oblique cases to one stem
/// (Заира, Заиры, Заире, Заирой → заир). Not thread-safe: each value owns its own stemmer.
final class SnowballStemmer {
    private let stemmer: OpaquePointer

    /// The stemmer for `language` ("russian", "english").
    init(_ language: String) throws {
        guard let stemmer = sb_stemmer_new(language, "UTF_8") else {
            throw AmanatRedactionError.stemmerUnavailable(language: language)
        }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of one lower-case word.
    func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> String in
            guard let result = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}

/// The Russian stemmer.
typealias RussianStemmer = SnowballStemmer

extension SnowballStemmer {
    /// The Russian stemmer.
    convenience init() throws { try self.init("russian") }
}

/// Russian noun, adjective and name case endings: what may follow a name's stem in any case.
enum RussianEndings {
    /// Nominative endings of adjective-like names (Грозный, Новые Атаги, Верхняя), which decline by stem.
    static let adjectival: [String] = ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"]

    /// Suffixes that make an adjective of a place name (-ский, -овский, -инский…), before its case ending.
    static let placeAdjective: [String] = ["ск", "овск", "евск", "инск", "енск", "нск"]

    /// Case endings of those adjectives.
    static let adjectiveCase: [String] = ["ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими"]

    /// The six cases of a noun in -а/-я (Маша, Маши, Маше, Машу, Машей, Машею), after the stem.
    static let feminineNoun: [String] = ["а", "я", "ы", "и", "е", "у", "ю", "ой", "ей", "ою", "ею"]
    /// The six cases of a masculine noun ending in a consonant (Русланчик, -а, -у, -ом, -е), after the word.
    static let masculineNoun: [String] = ["а", "у", "ом", "ем", "е", "ы", "и", "ов", "ам", "ами", "ах"]

    static let all: [String] = [
        "а", "я", "у", "ю", "ы", "и", "е", "о", "ой", "ей", "ою", "ею", "ом", "ем", "ым", "им", "ах", "ях", "ам", "ям",
        "ами", "ями", "ов", "ев", "ий", "ый", "ая", "яя", "ую", "юю", "ого", "его", "ому", "ему", "ых", "их", "ыми",
        "ими",
        "ое", "ее", "ые", "ие", "ья", "ье", "ьи", "ью", "ьей", "ьем", "ием", "ии", "ия", "ию", "ией", "у", "ой",
    ]
}

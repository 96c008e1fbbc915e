/// Towns and villages with the region each generalises to (Карабулак → Ингушетия), from the
/// gazetteer bundled with Amanat (`GazetteerData`). A place is found by its folded form, so any case
/// ending or script that the case-term detector accepts for a listed place finds its region too.
public struct Gazetteer: Sendable {
    /// A region a place generalises to.
    public struct Region: Equatable, Sendable {
        /// Short key ("chechnya").
        public let key: String
        /// Its Russian name ("Чечня").
        public let russian: String
        /// Its English name ("Chechnya").
        public let english: String

        /// The name in `language` ("ru" or anything else for English).
        public func name(in language: String) -> String { language == "ru" ? russian : english }
    }

    /// The bundled gazetteer, built once.
    public static let bundled = Gazetteer()

    private let regionsByPlace: [String: Region]

    private init() {
        var regions: [String: Region] = [:]
        for region in GazetteerData.regions {
            regions[region.key] = Region(key: region.key, russian: region.russian, english: region.english)
        }
        var byPlace: [String: Region] = [:]
        for place in GazetteerData.places {
            guard let region = regions[place.region] else { continue }
            for spelling in [place.name] + place.spellings { byPlace[Self.key(spelling)] = region }
        }
        // A region names itself (Чечня stays Чечня).
        for region in regions.values {
            for name in [region.russian, region.english] where byPlace[Self.key(name)] == nil { byPlace[Self.key(name)] = region }
        }
        regionsByPlace = byPlace
    }

    /// The region of a place as listed on a case (its nominative, in either script), or nil when the
    /// gazetteer does not know it.
    public func region(of place: String) -> Region? { regionsByPlace[Self.key(place)] }

    /// How many spellings the gazetteer knows.
    public var count: Int { regionsByPlace.count }

    static func key(_ name: String) -> String {
        Tokenizer.words(in: name).map { Folding.key($0.text) }.joined(separator: " ")
    }
}

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

    /// The entries of `GazetteerData.text`, and the numbers of the lines that are none (comments and blank
    /// lines aside); `GazetteerTests` checks that there are none of those, and that every region is known.
    static func entries() -> (
        regions: [String: Region], places: [(spellings: [Substring], region: Substring)], unreadable: [Int]
    ) {
        var regions: [String: Region] = [:]
        var places: [(spellings: [Substring], region: Substring)] = []
        var unreadable: [Int] = []
        let text = String(
            decoding: UnsafeBufferPointer(
                start: GazetteerData.text.utf8Start, count: GazetteerData.text.utf8CodeUnitCount),
            as: UTF8.self)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let fields = entry.split(separator: "|", omittingEmptySubsequences: false).map(\.trimmed)
            switch fields.first {
            case "region" where fields.count == 4:
                regions[String(fields[1])] = Region(
                    key: String(fields[1]), russian: String(fields[2]), english: String(fields[3]))
            case "place" where fields.count == 4:
                places.append(([fields[1]] + fields[3].split(separator: ";").map(\.trimmed), fields[2]))
            case "" where fields.count == 1:
                continue
            default:
                unreadable.append(number + 1)
            }
        }
        return (regions, places, unreadable)
    }

    private init() {
        let (regions, places, _) = Self.entries()
        var byPlace: [String: Region] = [:]
        for place in places {
            guard let region = regions[String(place.region)] else { continue }
            for spelling in place.spellings { byPlace[Self.key(String(spelling))] = region }
        }
        // A region names itself (Чечня stays Чечня).
        for region in regions.values {
            for name in [region.russian, region.english] where byPlace[Self.key(name)] == nil {
                byPlace[Self.key(name)] = region
            }
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

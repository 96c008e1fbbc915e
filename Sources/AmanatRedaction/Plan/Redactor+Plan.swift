extension Redactor {
    /// The automatic plan for `text`: every span the detectors find, with a proposed action, for an
    /// editor to review. People are pseudonymised; listed places the gazetteer knows are generalised to
    /// their region, others pseudonymised; dates are generalised to `datePrecision`; every other
    /// identifier is removed; review candidates are removed too, so that nothing the detectors were unsure
    /// of is published as written unless the editor changes its action to `keep` (fail closed).
    /// - Parameters:
    ///   - language: "ru" or "en", for labels and generalised forms.
    ///   - record: the vault record the text is, hex, if any.
    public func plan(
        for text: String, language: String, record: String? = nil,
        datePrecision: Generalisation.DatePrecision = .month, gazetteer: Gazetteer = .bundled
    ) -> RedactionPlan {
        let characters = Array(text)
        let scan = Scan(text)
        let removals = spans(in: scan)
        var entries: [RedactionPlan.Entry] = []
        for span in removals {
            let written = String(characters[span.start..<span.end])
            var action = RedactionPlan.Action.remove
            var reason = Self.reasons[span.detector] ?? span.detector.rawValue
            if span.detector == .caseTerm, let entity = span.entity {
                let term = terms[entity]
                reason = "\(term.kind == .person ? "a person" : "a place") on the case's list"
                action = term.kind == .place && gazetteer.region(of: term.text) != nil ? .generalise : .pseudonymise
            } else if span.detector == .date, Generalisation.monthAndYear(of: written) != nil {
                action = .generalise
            }
            entries.append(
                RedactionPlan.Entry(
                    start: span.start, end: span.end, text: written, detector: span.detector,
                    reason: reason, action: action, term: span.entity))
        }
        for candidate in reviewCandidates(in: scan, plan: removals) {
            let written = String(characters[candidate.start..<candidate.end])
            entries.append(
                RedactionPlan.Entry(
                    start: candidate.start, end: candidate.end, text: written, detector: .candidate,
                    reason: Self.candidateReason(written),
                    action: Self.looksLikePerson(written) ? .pseudonymise : .remove))
        }
        // Candidates may overlap each other (a long number inside "school No. 1234"): keep the first, widest.
        entries.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var planned: [RedactionPlan.Entry] = []
        for entry in entries where planned.last.map({ entry.start >= $0.end }) ?? true { planned.append(entry) }
        return RedactionPlan(
            format: RedactionPlan.formatName, version: RedactionPlan.currentVersion, record: record, language: language,
            textDigest: RedactionPlan.digest(of: text), datePrecision: datePrecision, terms: terms, spans: planned)
    }

    private static let reasons: [Span.Detector: String] = [
        .phone: "a phone number", .email: "an e-mail address", .url: "a web or messenger link",
        .handle: "a messenger handle",
        .card: "a bank card number (Luhn check passed)", .iban: "an IBAN (checksum passed)",
        .passport: "a passport series and number",
        .date: "an exact date", .address: "a street address", .plate: "a car number plate",
    ]

    /// Whether a review candidate reads like a family name or patronymic (Russian suffixes with their case
    /// endings, in either script), so that its default is a label rather than "[redacted]"; either way it
    /// is not published as written.
    static func looksLikePerson(_ text: String) -> Bool {
        guard text.first?.isUppercase == true, text.count >= 4 else { return false }
        let word = text.lowercased()
        for form in personForms {
            for ending in form.endings where word.hasSuffix(ending) {
                let stem = word.dropLast(ending.count)
                if form.suffixes.contains(where: { stem.hasSuffix($0) && stem.count > $0.count + 1 }) { return true }
            }
        }
        return false
    }

    /// Family-name and patronymic suffixes, each with the case endings that may follow it.
    private static let personForms: [(suffixes: [String], endings: [String])] = [
        (["ов", "ев", "ёв", "ин", "ын"], ["", "а", "у", "ым", "ом", "е", "ой", "ою", "ых", "ыми", "ы"]),
        (["ович", "евич", "ич"], ["", "а", "у", "ем", "е", "и"]),
        (["овн", "евн", "ичн"], ["а", "ы", "е", "у", "ой"]),
        (["ск", "цк"], ["ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ие", "их"]),
        (["ov", "ev", "yev", "in"], ["", "a", "u", "oy", "ym", "ykh", "s"]),
        (["ovich", "evich", "ovna", "evna", "sky", "skiy", "skaya", "ski"], [""]),
    ]

    private static func candidateReason(_ text: String) -> String {
        if text.first?.isUppercase == true {
            return "review: a capitalised word that is not on the case's list nor a common word (a name or place?)"
        }
        if text.lowercased().contains("школ") || text.lowercased().contains("school") {
            return "review: a school number"
        }
        if text.allSatisfy(\.isNumber) { return "review: a number of four or more digits" }
        return "review: an age"
    }

    /// Applies a reviewed plan to the text it was made for.
    /// - Parameters:
    ///   - plan: the plan (checked against the text: digest, offsets, each span's text, allowed actions).
    ///   - text: the whole text.
    ///   - pseudonyms: the case's labels; required when the plan pseudonymises.
    ///   - excerpt: the characters to publish (offsets into `text`), or nil for all of it. A boundary
    ///     may not cut through a span.
    /// - Returns: the published text.
    /// - Throws: `AmanatRedactionError.planMismatch`, `.invalidPlan`, `.unsupportedPlan`, or `LeakError`
    ///   when the leak check still finds a listed term or an identifier that was not generalised.
    public func apply(
        _ plan: RedactionPlan, to text: String, pseudonyms: Pseudonyms?, excerpt: Range<Int>? = nil
    ) throws -> String {
        guard plan.format == RedactionPlan.formatName, plan.version == RedactionPlan.currentVersion else {
            throw AmanatRedactionError.unsupportedPlan(version: plan.version)
        }
        guard plan.textDigest == RedactionPlan.digest(of: text) else { throw AmanatRedactionError.planMismatch }
        let undecided = plan.spans.filter { $0.action == .undecided }.sorted { $0.start < $1.start }
        if let first = undecided.first {
            throw AmanatRedactionError.undecidedSpans(count: undecided.count, first: first.start..<first.end)
        }
        let characters = Array(text)
        let window = excerpt ?? 0..<characters.count
        guard window.lowerBound >= 0, window.upperBound <= characters.count, !window.isEmpty else {
            throw AmanatRedactionError.invalidPlan(
                "the excerpt \(window.lowerBound)..\(window.upperBound) is outside the text (0..\(characters.count))")
        }
        var output: [Character] = []
        output.reserveCapacity(characters.count)
        var labels: [Int: [Character]] = [:]
        var generalised: [Range<Int>] = []
        var cursor = window.lowerBound
        var previousEnd = 0
        for entry in plan.spans.sorted(by: { $0.start < $1.start }) {
            guard entry.start >= previousEnd, entry.start < entry.end, entry.end <= characters.count else {
                throw AmanatRedactionError.invalidPlan(
                    "the span at \(entry.start)..\(entry.end) overlaps another or lies outside the text")
            }
            previousEnd = entry.end
            guard String(characters[entry.start..<entry.end]) == entry.text else {
                throw AmanatRedactionError.invalidPlan(
                    "the span at \(entry.start)..\(entry.end) does not hold the text the plan says")
            }
            if entry.end <= window.lowerBound || entry.start >= window.upperBound { continue }
            guard window.lowerBound <= entry.start, entry.end <= window.upperBound else {
                throw AmanatRedactionError.invalidPlan(
                    "the excerpt boundary cuts the span at \(entry.start)..\(entry.end); "
                        + "move the boundary before or after it")
            }
            output += characters[cursor..<entry.start]
            let replacement: [Character]
            if entry.action == .pseudonymise, let term = entry.term, let label = labels[term] {
                replacement = label
            } else {
                replacement = try self.replacement(for: entry, in: plan, pseudonyms: pseudonyms)
                if entry.action == .pseudonymise, let term = entry.term { labels[term] = replacement }
            }
            if entry.action == .generalise { generalised.append(output.count..<(output.count + replacement.count)) }
            output += replacement
            cursor = entry.end
        }
        output += characters[cursor..<window.upperBound]
        let result = String(output)
        // Fail closed: a listed term anywhere, or an identifier outside a generalised form, stops publication.
        for span in spans(in: result)
        where span.detector == .caseTerm
            || !generalised.contains(where: { $0.contains(span.start) && span.end <= $0.upperBound })
        {
            throw LeakError(span: span)
        }
        return result
    }

    private func replacement(
        for entry: RedactionPlan.Entry, in plan: RedactionPlan, pseudonyms: Pseudonyms?
    ) throws -> [Character] {
        let term = entry.term.flatMap { plan.terms.indices.contains($0) ? plan.terms[$0] : nil }
        let position = "\(entry.start)..\(entry.end)"
        switch entry.action {
        case .remove:
            return Array("[redacted]")
        case .keep:
            return Array(entry.text)
        case .undecided:
            throw AmanatRedactionError.undecidedSpans(count: 1, first: entry.start..<entry.end)
        case .pseudonymise where term == nil && entry.detector == .candidate:
            // A review candidate that reads like a person: labelled from its own text.
            guard let pseudonyms else {
                throw AmanatRedactionError.invalidPlan("the plan pseudonymises, but no pseudonym key was given")
            }
            return Array(pseudonyms.label(for: entry.text, kind: .person, language: plan.language))
        case .pseudonymise:
            guard let term else {
                throw AmanatRedactionError.invalidPlan(
                    "the span at \(position) is not a listed person or place, so it has no label; remove it instead")
            }
            guard let pseudonyms else {
                throw AmanatRedactionError.invalidPlan("the plan pseudonymises, but no pseudonym key was given")
            }
            return Array(pseudonyms.label(for: term.text, kind: term.kind, language: plan.language))
        case .generalise:
            let general: String? =
                switch entry.detector {
                case .date: Generalisation.date(entry.text, precision: plan.datePrecision, language: plan.language)
                case .caseTerm:
                    term.flatMap { $0.kind == .place ? Generalisation.place($0.text, language: plan.language) : nil }
                case .candidate: Generalisation.age(entry.text, language: plan.language)
                default: nil
                }
            guard let general else {
                throw AmanatRedactionError.invalidPlan(
                    "the span at \(position) cannot be generalised (only dates, listed places the gazetteer knows, "
                        + "and ages can); remove it instead")
            }
            return Array(general)
        }
    }
}

public import AmanatCrypto
public import AmanatRedaction
@_spi(Publication) public import AmanatVault
import Foundation

/// What an editor asks to publish: a record, her reviewed plan and the projection's public metadata.
public struct PublicationRequest: Sendable {
    /// The record the excerpt is drawn from.
    public var record: Testimony.ID
    /// The reviewed plan's JSON (it holds the real names: kept in protected memory, stored only encrypted).
    public var plan: SecretBytes
    /// The case to publish for; nil when the record is in exactly one.
    public var caseID: Case.ID?
    /// The characters of the statement to publish (offsets as in the plan), or nil for all of it.
    public var excerpt: Range<Int>?
    /// The case's public label; nil for "Case" and the first six characters of its id.
    public var label: String?
    /// Whether the projection is dated by the month the testimony was received, or only by its year.
    public var period: Generalisation.DatePrecision

    /// A request.
    public init(
        record: Testimony.ID, plan: SecretBytes, caseID: Case.ID? = nil, excerpt: Range<Int>? = nil,
        label: String? = nil, period: Generalisation.DatePrecision = .month
    ) {
        self.record = record
        self.plan = plan
        self.caseID = caseID
        self.excerpt = excerpt
        self.label = label
        self.period = period
    }
}

/// An editor's desk over one vault: the list a record is redacted against, the proposed plan, and
/// publication. Publication goes only through here, so the leak check cannot be skipped: the vault's own
/// `publish` is not part of its public API.
public struct PublicationDesk {
    /// The vault.
    public let vault: Vault
    /// Who plans or publishes: the administrator (planning only) or a grantee.
    public let accessor: Accessor
    /// The day grants are judged on.
    public let today: Day

    /// A desk for `accessor`.
    public init(vault: Vault, as accessor: Accessor, today: Day = .today()) {
        self.vault = vault
        self.accessor = accessor
        self.today = today
    }

    /// The list `testimony` is redacted and leak-checked against: `listed` (a plan's or a file's terms)
    /// first, then the terms of each case in `cases`, then the people and places of the record and of every
    /// other record of those cases; each name once (compared after folding).
    /// - Throws: as `Vault.caseTerms`, `Vault.caseDetails` and `Vault.open`.
    public func terms(
        for testimony: Testimony, record: Testimony.ID, cases: [Case.ID], listed: [RedactionPlan.Term] = []
    ) throws -> [RedactionPlan.Term] {
        var list = TermList(listed)
        for caseID in cases {
            for term in try vault.caseTerms(caseID, as: accessor, today: today) {
                list.add(RedactionPlan.Term(text: term.text, kind: term.kind == .place ? .place : .person))
            }
        }
        list.add(fieldsOf: testimony)
        for caseID in cases {
            for other in try vault.caseDetails(caseID, as: accessor, today: today).records where other != record {
                list.add(fieldsOf: try vault.open(other, as: accessor, today: today))
            }
        }
        return list.terms
    }

    /// The cases a record is redacted for: `chosen` (which must hold it), or every case holding it.
    /// - Throws: `PublicationError.recordNotInCase`, `AmanatVaultError.recordNotFound`.
    public func cases(of record: Testimony.ID, chosen: Case.ID? = nil) throws -> [Case.ID] {
        try cases(of: summary(of: record), chosen: chosen)
    }

    private func cases(of summary: RecordSummary, chosen: Case.ID?) throws -> [Case.ID] {
        let record = summary.id
        guard let chosen else { return summary.cases }
        guard summary.cases.contains(chosen) else {
            throw PublicationError.recordNotInCase(record: record.description, case: chosen.description)
        }
        return [chosen]
    }

    /// The automatic plan for a record, for an editor to review (`Redactor.plan`), against `terms(for:…)`.
    public func proposePlan(
        for record: Testimony.ID, case chosen: Case.ID? = nil, listed: [RedactionPlan.Term] = [],
        datePrecision: Generalisation.DatePrecision = .month
    ) throws -> RedactionPlan {
        let testimony = try vault.open(record, as: accessor, today: today)
        let terms = try terms(
            for: testimony, record: record, cases: cases(of: record, chosen: chosen), listed: listed)
        return try Redactor(terms: terms).plan(
            for: testimony.statement, language: testimony.language == "en" ? "en" : "ru",
            record: record.description, datePrecision: datePrecision)
    }

    /// Publishes an excerpt: checks the plan against the record, applies it, runs the leak check against
    /// the whole list (the plan's terms, the case's terms, every record's fields), then has the vault sign
    /// and store the projection with the plan. Nothing is stored unless every step passes.
    /// - Returns: the signed projection and the case it was published for.
    /// - Throws: `PublicationError` (a leak, a plan for another record, a case to choose),
    ///   `AmanatRedactionError` (a plan that does not fit the text, an undecided span), and the vault's errors
    ///   (no publish grant, an expired or revoked one).
    public func publish(_ request: PublicationRequest) throws -> (projection: Projection, caseID: Case.ID) {
        let plan = try PlanDocument.decode(request.plan)
        if let planned = plan.record, planned != request.record.description {
            throw PublicationError.planForAnotherRecord(planned: planned, record: request.record.description)
        }
        let summary = try summary(of: request.record)
        let caseID = try publishingCase(of: summary, chosen: request.caseID)
        let testimony = try vault.open(request.record, as: accessor, today: today)
        let terms = try terms(for: testimony, record: request.record, cases: [caseID], listed: plan.terms)
        let redactor = try Redactor(terms: terms)
        let pseudonyms = try Pseudonyms(key: vault.pseudonymKey(case: caseID, as: accessor, today: today))
        let text: String
        do {
            text = try redactor.apply(plan, to: testimony.statement, pseudonyms: pseudonyms, excerpt: request.excerpt)
        } catch let leak as LeakError {
            throw PublicationError.leak(
                "the redacted text still contains a \(leak.span.detector.rawValue) at "
                    + "\(leak.span.start)..\(leak.span.end)")
        }
        let day = summary.day.description
        let draft = ProjectionDraft(
            caseLabel: request.label ?? "Case \(caseID.description.prefix(6))", language: plan.language,
            period: request.period == .month ? String(day.prefix(7)) : String(day.prefix(4)), text: text)
        let projection = try vault.publish(
            draft, from: request.record, case: caseID, plan: request.plan, publisher: accessor.identity, today: today)
        return (projection, caseID)
    }

    /// The record's clear header (day, cases), read once per request.
    private func summary(of record: Testimony.ID) throws -> RecordSummary {
        guard let summary = try vault.inbox().first(where: { $0.id == record }) else {
            throw AmanatVaultError.recordNotFound(record.description)
        }
        return summary
    }

    /// The one case a record is published for.
    private func publishingCase(of summary: RecordSummary, chosen: Case.ID?) throws -> Case.ID {
        let record = summary.id
        let cases = try cases(of: summary, chosen: chosen)
        guard cases.count == 1 else {
            if cases.isEmpty { throw PublicationError.recordInNoCase(record: record.description) }
            throw PublicationError.recordInSeveralCases(record: record.description, count: cases.count)
        }
        return cases[0]
    }
}

/// Terms, each once: a later term whose folded form is already listed is dropped.
private struct TermList {
    private(set) var terms: [RedactionPlan.Term] = []
    private var keys = Set<String>()

    init(_ listed: [RedactionPlan.Term]) { listed.forEach { add($0) } }

    mutating func add(_ term: RedactionPlan.Term) {
        guard term.text.contains(where: \.isLetter), keys.insert(Folding.key(term.text)).inserted else { return }
        terms.append(term)
    }

    mutating func add(fieldsOf testimony: Testimony) {
        testimony.people.forEach { add(RedactionPlan.Term(text: $0.name, kind: .person)) }
        testimony.places.forEach { add(RedactionPlan.Term(text: $0, kind: .place)) }
    }
}

extension Accessor {
    /// The person acting.
    var identity: Identity {
        switch self {
        case .administrator(let identity), .grantee(let identity): identity
        }
    }
}

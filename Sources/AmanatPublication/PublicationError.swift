/// Every error AmanatPublication raises itself (the vault's and the redaction module's pass through).
/// Messages name ids and positions, never a name or a word of testimony.
public enum PublicationError: Error, Equatable, Sendable {
    /// The leak check found a listed person or place, or an identifier, in the text to publish.
    case leak(String)
    /// The plan names another record.
    case planForAnotherRecord(planned: String, record: String)
    /// The bytes are not a redaction plan; the reason names the place, never a value.
    case notAPlan(String)
    /// The record is in no case, so it cannot be published.
    case recordInNoCase(record: String)
    /// The record is in several cases and none was chosen.
    case recordInSeveralCases(record: String, count: Int)
    /// The chosen case does not hold the record.
    case recordNotInCase(record: String, case: String)
    /// A projection file that does not verify: its signature, its signer, or its bytes.
    case projectionNotVerified(String)
}

extension PublicationError: CustomStringConvertible {
    /// A one-line message.
    public var description: String {
        switch self {
        case .leak(let found):
            return "\(found); nothing was published"
        case .planForAnotherRecord(let planned, let record):
            return "this plan was made for record \(planned.prefix(12)), not \(record.prefix(12))"
        case .notAPlan(let reason):
            return "this is not a redaction plan: \(reason)"
        case .recordInNoCase(let record):
            return "record \(record) is in no case, so it cannot be published"
        case .recordInSeveralCases(let record, let count):
            return "record \(record) is in \(count) cases; choose the one to publish for"
        case .recordNotInCase(let record, let caseID):
            return "record \(record) is not in case \(caseID)"
        case .projectionNotVerified(let reason):
            return "the projection does not verify: \(reason)"
        }
    }

    /// What to do next, when there is something.
    public var hint: String? {
        switch self {
        case .leak:
            "change that span's action in the plan to remove (or generalise, or pseudonymise), then publish again"
        case .planForAnotherRecord, .notAPlan: "make a plan for the record with `amanat redact RECORD --plan-out FILE`"
        case .recordInNoCase: "the administrator files it with `amanat case assign`"
        case .recordInSeveralCases: "choose one with --case CASE"
        case .recordNotInCase: "see the record's cases with `amanat inbox`"
        case .projectionNotVerified: nil
        }
    }
}

/// The two languages of the intake. Every page exists in both; the switch is a plain link.
public enum Language: String, CaseIterable, Sendable {
    /// Russian.
    case ru
    /// English.
    case en

    /// The other language (for the switch link).
    var other: Language { self == .ru ? .en : .ru }

    /// The language's name in itself, for the switch link.
    var ownName: String { self == .ru ? "Русский" : "English" }
}

import AmanatCrypto

/// A case: records that are opened together, by the lawyers it is granted to.
public struct Case: Sendable, Equatable {
    /// A case's id.
    public typealias ID = VaultID<CaseTag>

    /// The case's id.
    public var id: ID
    /// Day created.
    public var createdDay: Day
    /// Current case key version (one more after each revocation).
    public var keyVersion: Int
    /// Title (decrypted; empty when listed without a key).
    public var title: String
    /// Notes (decrypted; empty when listed without a key).
    public var notes: String
    /// Records in the case.
    public var records: [Testimony.ID]
}

/// A case's title and notes, as encrypted together under the case key.
struct CaseTitle: Codable {
    var title: String
    var notes: String
}

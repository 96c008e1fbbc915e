public import AmanatCrypto

/// A grant: one lawyer's access to one case, until it expires or is revoked.
public struct Grant: Sendable, Equatable {
    /// A grant's id.
    public typealias ID = VaultID<GrantTag>

    /// What a grant allows.
    public enum Permissions: Int, Sendable, CaseIterable, CustomStringConvertible {
        /// Open the case's records and reply to their sources.
        case read = 1
        /// Also publish redacted projections of them.
        case readAndPublish = 3

        /// "read" or "read+publish".
        public var description: String { self == .read ? "read" : "read+publish" }
    }

    /// Where a grant stands on a given day.
    public enum Status: Equatable, Sendable, CustomStringConvertible {
        /// Usable.
        case active
        /// Past its last day.
        case expired
        /// Revoked on a day.
        case revoked(Day)
        /// Replaced by a grant for the new case key after a rotation.
        case superseded

        /// "active", "expired", "revoked 2026-11-25", "superseded".
        public var description: String {
            switch self {
            case .active: return "active"
            case .expired: return "expired"
            case let .revoked(day): return "revoked \(day)"
            case .superseded: return "superseded"
            }
        }
    }

    /// The grant's id.
    public var id: ID
    /// The case it opens.
    public var caseID: Case.ID
    /// Who holds it.
    public var grantee: Identity.PublicKey
    /// What it allows.
    public var permissions: Permissions
    /// Day issued.
    public var issued: Day
    /// Last valid day.
    public var expires: Day
    /// The case key version it carries.
    public var keyVersion: Int
    /// Where it stands today.
    public var status: Status
}

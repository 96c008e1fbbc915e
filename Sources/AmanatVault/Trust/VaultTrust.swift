public import AmanatCrypto
import Foundation

/// What a person trusts a vault against: its administrator's public key, held outside the vault.
///
/// The database cannot vouch for itself: whoever can write `vault.sqlite` could put a key of their own
/// in the settings row. So every reader compares the settings with a key she got elsewhere: one she was
/// given (`administrator`, from `--administrator-key` or a file), or the one her own `amanat` remembered
/// the first time it opened this vault (`knownVaults`, like SSH's known_hosts). The known-vaults file
/// also remembers the audit log's head, so a vault rolled back to an earlier copy, or whose log forked,
/// is refused. Docs/format.md §8.20 gives the rules.
public struct VaultTrust: Sendable {
    /// The administrator's public key, given explicitly.
    public var administrator: Identity.PublicKey?
    /// Where this person's pins and audit heads are remembered.
    public var knownVaults: KnownVaults?

    /// - Parameters:
    ///   - administrator: the administrator's public key, if the person was given it.
    ///   - knownVaults: her known-vaults file, if she keeps one.
    ///   At least one of the two must be given: a vault is never trusted on its own word.
    public init(administrator: Identity.PublicKey? = nil, knownVaults: KnownVaults? = nil) {
        precondition(administrator != nil || knownVaults != nil, "a vault is never trusted on its own word")
        self.administrator = administrator
        self.knownVaults = knownVaults
    }

    /// Trust in exactly this administrator, with nothing remembered.
    public static func administrator(_ key: Identity.PublicKey) -> VaultTrust { VaultTrust(administrator: key) }
}

/// What checking a vault against a `VaultTrust` found, for the caller to tell the person.
public enum TrustOutcome: Sendable, Equatable {
    /// The administrator key matched the one given explicitly or remembered.
    case matched
    /// The first time this person's `amanat` opened the vault: its administrator's key is now remembered.
    /// She should compare the fingerprint with the one the administrator gave her.
    case firstContact(Identity.Fingerprint)
}

extension Vault {
    /// The administrator's full public key as the settings row names it.
    public var administratorPublicKey: Identity.PublicKey {
        Identity.PublicKey(encryption: intakeKey, signing: administratorKey)
    }

    /// Checks this vault's administrator and audit head against `trust`.
    /// - Parameter location: the vault's name in the known-vaults file (its absolute path).
    /// - Throws: `AmanatVaultError.administratorMismatch`, `.rolledBack`, `.auditBroken`, `.storage`.
    func check(_ trust: VaultTrust, location: String) throws -> TrustOutcome {
        let found = administratorPublicKey
        if let pinned = trust.administrator, pinned != found {
            throw AmanatVaultError.administratorMismatch(
                trusted: pinned.fingerprint.description,
                found: found.fingerprint.description, source: "the key you gave")
        }
        guard let known = trust.knownVaults else { return .matched }
        return try known.check(self, location: location, explicitlyPinned: trust.administrator != nil)
    }
}

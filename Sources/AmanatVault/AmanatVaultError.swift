public import AmanatCrypto

/// Every error AmanatVault throws. Messages name only public things (record, case and grant ids,
/// paths, days) and say what to do next; never testimony, names, keys or codenames.
public enum AmanatVaultError: Error, Equatable, Sendable {
    /// No vault at the path.
    case vaultNotFound(path: String)
    /// A vault already exists at the path.
    case vaultExists(path: String)
    /// The vault was written by a newer Amanat.
    case unsupportedVaultVersion(Int)
    /// No record with this id.
    case recordNotFound(String)
    /// The record or case was shredded: its tombstone's day and audit entry.
    case shredded(what: String, day: String, sequence: Int)
    /// No case with this id.
    case caseNotFound(String)
    /// No grant with this id, or none for this person and case.
    case grantNotFound(String)
    /// The identity is not the vault's administrator.
    case notAdministrator
    /// The person holds no valid grant for the case that contains the record.
    case accessDenied(String)
    /// The grant has expired.
    case grantExpired(grant: String, day: String)
    /// The grant was revoked.
    case grantRevoked(grant: String, day: String)
    /// The grant lacks the permission needed.
    case permissionDenied(String)
    /// The codename does not open any mailbox in this vault.
    case unknownCodename
    /// The source's mailbox was closed on this day (by her, or unused for twelve months).
    case mailboxClosed(day: Day)
    /// The codename is not made of words from the list.
    case malformedCodename(String)
    /// Stored data failed authentication or is inconsistent: tampering or damage.
    case corrupted(String)
    /// The audit log does not verify.
    case auditBroken(sequence: Int, reason: String)
    /// The audit log and the vault's rows disagree: rows were added, deleted or changed outside Amanat.
    case auditMismatch(String)
    /// An attachment is too large.
    case attachmentTooLarge(path: String, limit: Int)
    /// The storage backend failed.
    case storage(String)
    /// A cryptographic failure passed up from AmanatCrypto.
    case crypto(AmanatCryptoError)
    /// An argument a caller passed was not acceptable.
    case invalidArgument(String)
    /// A projection's signature, key or fields do not verify.
    case projectionNotVerified(String)
    /// The vault names an administrator other than the one this person trusts.
    case administratorMismatch(trusted: String, found: String, source: String)
    /// The audit log is shorter than, or differs from, the head this person verified before.
    case rolledBack(remembered: Int, now: Int, knownVaults: String)
    /// The known-vaults file cannot be read.
    case knownVaultsDamaged(path: String, line: Int)
}

extension AmanatVaultError: CustomStringConvertible {
    /// A one-line message a non-expert can act on.
    public var description: String {
        switch self {
        case .vaultNotFound(let path):
            return
                "no vault at \(path); create one with `amanat init --vault \(path)` or point --vault at an existing one"
        case .vaultExists(let path):
            if path.contains("://") || path == "the database" {
                return "\(path) already holds a vault; choose another database, or open this one"
            }
            return "\(path) already holds a vault or other files; choose a new or empty folder"
        case .unsupportedVaultVersion(let v):
            return "this vault uses format version \(v), newer than this Amanat understands; update Amanat"
        case .recordNotFound(let id): return "no record \(id) in this vault; list records with `amanat inbox`"
        case .shredded(let what, let day, let sequence):
            return "\(what) was shredded on \(day) (audit entry \(sequence)): it no longer exists in this vault, and "
                + "no key here opens what was left of it"
        case .caseNotFound(let id): return "no case \(id) in this vault; list cases with `amanat case list`"
        case .grantNotFound(let what): return "no grant \(what); list grants with `amanat grant list`"
        case .notAdministrator:
            return
                "this identity is not the vault's administrator; use the administrator identity made by `amanat init`"
        case .accessDenied(let what):
            return "you have no grant that opens \(what); ask the case's administrator for one"
        case .grantExpired(let grant, let day):
            return "grant \(grant) expired on \(day); ask the case's administrator to issue a new one"
        case .grantRevoked(let grant, let day):
            return "grant \(grant) was revoked on \(day); ask the case's administrator if this is a mistake"
        case .permissionDenied(let what): return what
        case .unknownCodename:
            return
                "this codename does not open any mailbox here; check each word (the first four letters of each are "
                + "enough)"
        case .malformedCodename(let reason): return "this is not a codename: \(reason)"
        case .mailboxClosed(let day):
            return "the source's mailbox was closed on \(day): its replies were deleted, and nothing more can be read "
                + "from it or added to it (to add testimony, a source submits it anew and gets a new codename)"
        case .corrupted(let what):
            return
                "\(what) is damaged or was tampered with; nothing from it was used. Restore the vault from a backup, "
                + "or ask the sender of a file for a new copy"
        case .auditBroken(let sequence, let reason):
            return "the audit log does not verify at entry \(sequence): \(reason)"
        case .auditMismatch(let what):
            return "the vault does not match its audit log: \(what). Someone changed the vault's database outside "
                + "Amanat, so what it shows may be incomplete or false. Keep this copy as it is, as evidence; restore "
                + "the vault from a backup that verifies, and report this to whoever is responsible for the vault's "
                + "security"
        case .attachmentTooLarge(let path, let limit):
            return "\(path) is larger than the \(limit >> 20) MiB allowed per attachment"
        case .storage(let message): return "the vault's database failed: \(message)"
        case .crypto(let error): return error.description
        case .invalidArgument(let message): return message
        case .projectionNotVerified(let reason):
            return "this projection does not verify: \(reason); do not publish or trust it"
        case .administratorMismatch(let trusted, let found, let source):
            return
                "this vault's administrator key is not the one you trust: you trust \(trusted) (\(source)), the "
                + "vault names "
                + "\(found). Someone may have replaced its keys: submit, read and reply nothing; ask the "
                + "administrator, in "
                + "person or by phone, to read you her fingerprint"
        case .rolledBack(let remembered, let now, let knownVaults):
            return
                "this vault's audit log no longer begins with the \(remembered) entries you verified before (it "
                + "now has "
                + "\(now)): the vault was rolled back to an earlier copy or altered. Use nothing from it and tell the "
                + "administrator. If you restored it from a backup yourself, remove its line from \(knownVaults)"
        case .knownVaultsDamaged(let path, let line):
            return
                "\(path) is damaged\(line > 0 ? " at line \(line)" : ""); fix or remove that line (it lists the vaults "
                + "you trust), then run the command again"
        }
    }
}

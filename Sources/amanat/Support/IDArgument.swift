import AmanatCrypto
import AmanatVault

/// Record and case ids as typed: the full 32 characters, or a unique beginning of at least 6.
enum IDArgument {
    /// The record whose id is, or starts with, `text`.
    /// - Throws: `AmanatVaultError.shredded` when it names only a record shredded earlier.
    static func record(_ text: String, in vault: Vault) throws -> Testimony.ID {
        do {
            return try resolve(text, among: vault.inbox().map(\.id), what: "record", list: "amanat inbox")
        } catch CLIError.notFound(let message) {
            let shredded = try vault.tombstones().filter { $0.key.description.hasPrefix(text.lowercased()) }
            guard shredded.count == 1, let (id, tombstone) = shredded.first else { throw CLIError.notFound(message) }
            throw AmanatVaultError.shredded(
                what: "record \(id)", day: tombstone.day.description, sequence: tombstone.sequence)
        }
    }

    /// The case whose id is, or starts with, `text`.
    /// - Throws: `AmanatVaultError.shredded` for a case that was shredded (its prefix still resolves).
    static func caseID(_ text: String, in vault: Vault) throws -> Case.ID {
        let shredded = try vault.caseTombstones()
        let id = try resolve(
            text, among: vault.cases().map(\.id) + shredded.keys, what: "case", list: "amanat case list")
        if let tombstone = shredded[id] {
            throw AmanatVaultError.shredded(
                what: "case \(id)", day: tombstone.day.description, sequence: tombstone.sequence)
        }
        return id
    }

    /// A record or a case, whichever `text` names.
    static func recordOrCase(_ text: String, in vault: Vault) throws -> (record: Testimony.ID?, caseID: Case.ID?) {
        let cases = try vault.cases().map(\.id).filter { $0.description.hasPrefix(text.lowercased()) }
        if !cases.isEmpty { return (nil, try caseID(text, in: vault)) }
        return (try record(text, in: vault), nil)
    }

    private static func resolve<Tag>(
        _ text: String, among ids: [VaultID<Tag>], what: String, list: String
    ) throws -> VaultID<Tag> {
        let typed = text.lowercased()
        guard typed.count >= 6, typed.count <= 32, typed.allSatisfy(\.isHexDigit) else {
            throw CLIError.usage(
                "\"\(text.prefix(40))\" is not a \(what) id",
                hint: "give the id from `\(list)`, or its first 6 or more characters")
        }
        let matches = ids.filter { $0.description.hasPrefix(typed) }
        guard matches.count == 1 else {
            if matches.isEmpty { throw CLIError.notFound("no \(what) starts with \(typed); list them with `\(list)`") }
            throw CLIError.usage(
                "\(matches.count) \(what)s start with \(typed)", hint: "type more characters of the id")
        }
        return matches[0]
    }
}

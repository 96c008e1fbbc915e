public import AmanatCrypto
import Foundation

/// A person's known-vaults file: for each vault her `amanat` has opened, the administrator's public key
/// it saw the first time and the newest audit head it has verified since (Docs/format.md §8.20).
///
/// One line per vault, `KEY COUNT HASH PATH`: the administrator's public key string, the number of audit
/// entries and the hex hash of the last one, then the vault's absolute path or PostgreSQL address (the rest
/// of the line).
/// Lines starting with `#` are comments. The file is mode 0600 in a folder of mode 0700, and it is
/// rewritten whole (a temporary file renamed over it) under a lock, so concurrent runs never lose a line.
public struct KnownVaults: Sendable {
    /// The file.
    public let path: String

    /// - Parameter path: the known-vaults file (created on first use).
    public init(path: String) { self.path = path }

    /// The default file: `$XDG_CONFIG_HOME/amanat/known-vaults`, else `$HOME/.config/amanat/known-vaults`.
    public static func defaultPath(environment: [String: String]? = nil) -> String {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/amanat/known-vaults"
    }

    struct Entry: Equatable {
        var key: Identity.PublicKey
        var head: AuditLog.Head
    }

    /// Remembers a vault this person has just created: no check, her own key is the administrator's.
    func remember(_ vault: Vault, location: String) throws {
        let head = try vault.verifyAuditChain()
        try update { entries in entries[location] = Entry(key: vault.administratorPublicKey, head: head) }
    }

    /// Compares the vault with what this file remembers of it, then remembers its newer head.
    func check(_ vault: Vault, location: String, explicitlyPinned: Bool) throws -> TrustOutcome {
        let found = vault.administratorPublicKey
        var outcome = TrustOutcome.matched
        try update { entries in
            guard let entry = entries[location] else {
                // First contact: the whole chain must verify before anything is remembered.
                entries[location] = Entry(key: found, head: try vault.verifyAuditChain())
                if !explicitlyPinned { outcome = .firstContact(found.fingerprint) }
                return
            }
            guard entry.key == found else {
                throw AmanatVaultError.administratorMismatch(
                    trusted: entry.key.fingerprint.description,
                    found: found.fingerprint.description, source: path)
            }
            let head = try vault.verifyAuditChain(continuingFrom: entry.head, knownVaults: path)
            if head.count > entry.head.count { entries[location]?.head = head }
        }
        return outcome
    }

    /// Forgets a vault (after a deliberate restore from backup, say), so the next open is a first contact.
    /// - Returns: whether the file named it.
    @discardableResult
    public func forget(location: String) throws -> Bool {
        var found = false
        try update { entries in found = entries.removeValue(forKey: location) != nil }
        return found
    }

    /// Reads the file, lets `body` change the entries, and writes it back if they changed; under a lock.
    private func update(_ body: (inout [String: Entry]) throws -> Void) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let lock = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0 else {
            throw AmanatVaultError.storage("cannot open \(path).lock: \(String(cString: strerror(errno)))")
        }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw AmanatVaultError.storage("cannot lock \(path)") }
        let before = try load()
        var entries = before
        try body(&entries)
        if entries != before { try save(entries) }
    }

    private func load() throws -> [String: Entry] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AmanatVaultError.knownVaultsDamaged(path: path, line: 0)
        }
        var entries: [String: Entry] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let key = try? Identity.PublicKey(string: String(fields[0])),
                let count = Int(fields[1]), count >= 0, fields[2].utf8.count == 64,
                fields[2].allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
                fields[3].hasPrefix("/") || VaultLocation(String(fields[3])) != .folder(String(fields[3]))
            else { throw AmanatVaultError.knownVaultsDamaged(path: path, line: index + 1) }
            entries[String(fields[3])] = Entry(key: key, head: AuditLog.Head(count: count, hash: String(fields[2])))
        }
        return entries
    }

    private func save(_ entries: [String: Entry]) throws {
        var text = """
            # Vaults this person's amanat has opened: the administrator's public key it saw first, and the newest
            # audit head it verified (entries, hash), then the vault's path. Written by amanat; see Docs/format.md §8.20.

            """
        for (location, entry) in entries.sorted(by: { $0.key < $1.key }) {
            text += "\(entry.key.stringRepresentation) \(entry.head.count) \(entry.head.hash) \(location)\n"
        }
        let temporary = path + ".tmp-\(getpid())"
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data(text.utf8),
                attributes: [.posixPermissions: 0o600])
        else {
            throw AmanatVaultError.storage("cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw AmanatVaultError.storage("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }
}

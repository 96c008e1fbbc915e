import AmanatCrypto
import Foundation

/// The closing of a source's mailbox: the audit entry that closed it (Docs/format.md §8.26).
public struct MailboxClosure: Sendable, Equatable {
    /// The day it was closed.
    public let day: Day
    /// The `mailbox.close` audit entry.
    public let sequence: Int
    /// Whether the source closed it with her codename (otherwise `retention run` closed it, unused).
    public let bySource: Bool
}

/// A source's request that her testimony be withdrawn, as `inbox` shows it.
public struct WithdrawalRequest: Sendable, Equatable {
    /// The day she asked.
    public let day: Day
    /// The `withdrawal.request` audit entry.
    public let sequence: Int
}

extension Vault {
    /// Days without a submission, follow-up or reply after which `retention run` closes a mailbox (twelve
    /// months); the codename page tells the source.
    public static let mailboxInactivityDays = 365

    /// The source closes her mailbox with her codename: its replies are deleted at once, and the codename
    /// opens nothing more here (no replies, no follow-ups). Her testimony stays with the organisation; to
    /// have it removed she asks with `requestWithdrawal(codename:)` first.
    /// - Returns: how many replies were deleted.
    /// - Throws: `AmanatVaultError.unknownCodename`, `.mailboxClosed` when it was closed already.
    @discardableResult
    public func closeMailbox(codename: Codename) throws -> Int {
        let keys = try codename.mailboxKeys(salt: info.codenameSalt, parameters: codenameParameters)
        let deleted = try store.write { writer in
            let records = try openMailbox(keys, writer)
            return try close(records: records, mailbox: keys.id, actor: nil, day: .today(), writer)
        }
        // The deleted replies' old pages: cleared now if no one is reading, else by the next checkpoint.
        try? store.clearReplacedRows()
        return deleted
    }

    /// The source asks for her testimony to be withdrawn: an entry the administrator sees in `inbox` beside
    /// every record of her mailbox. The records stay until the administrator shreds them.
    /// - Returns: the records the request names.
    /// - Throws: `AmanatVaultError.unknownCodename`, `.mailboxClosed`.
    @discardableResult
    public func requestWithdrawal(codename: Codename) throws -> [Testimony.ID] {
        let keys = try codename.mailboxKeys(salt: info.codenameSalt, parameters: codenameParameters)
        return try store.write { writer in
            let records = try openMailbox(keys, writer)
            try AuditLog.append(to: writer, action: "withdrawal.request", objects: records, actor: nil)
            return try records.map { try Testimony.ID(bytes: Array($0)) }
        }
    }

    /// Whether the mailbox a codename opens was closed, and when.
    /// - Throws: `AmanatVaultError.unknownCodename`.
    public func closure(codename: Codename) throws -> MailboxClosure? {
        let keys = try codename.mailboxKeys(salt: info.codenameSalt, parameters: codenameParameters)
        return try store.read { reader in
            guard let mailbox = try reader.mailbox(keys.id) else { throw AmanatVaultError.unknownCodename }
            return try closure(of: mailbox.id, reader)
        }
    }

    /// The records of the mailbox `keys` open, checked open and not closed.
    private func openMailbox(_ keys: MailboxKeys, _ reader: any VaultReader) throws -> [Data] {
        guard let mailbox = try reader.mailbox(keys.id) else { throw AmanatVaultError.unknownCodename }
        guard mailbox.replyKey == Data(keys.replyKey.publicKey.rawRepresentation) else {
            throw AmanatVaultError.corrupted("the mailbox")
        }
        // One read of the record headers serves both the closure check and the records returned.
        let records = try reader.testimonyHeaders().filter { $0.mailboxID == mailbox.id }.map(\.id)
        if let closed = try closure(records: Set(records), entries: reader.auditEntries(action: "mailbox.close")) {
            throw AmanatVaultError.mailboxClosed(day: closed.day)
        }
        return records
    }

    /// Closes a mailbox inside the caller's transaction: deletes its replies and logs `mailbox.close` naming
    /// its records (anonymous from the source, signed when the administrator's `retention run` expires it).
    func close(records: [Data], mailbox: Data, actor: Identity?, day: Day, _ writer: any VaultWriter) throws -> Int {
        let deleted = try writer.delete(.mailboxReplies, id: mailbox)
        try AuditLog.append(to: writer, action: "mailbox.close", objects: records, actor: actor, day: day)
        return deleted
    }

    /// The `mailbox.close` entry naming a record of the mailbox, if any.
    func closure(of mailbox: Data, _ reader: any VaultReader) throws -> MailboxClosure? {
        let entries = try reader.auditEntries(action: "mailbox.close")
        // No close entry yet (the common case): the record headers need not be read at all.
        guard !entries.isEmpty else { return nil }
        return try closure(
            records: Set(reader.testimonyHeaders().filter { $0.mailboxID == mailbox }.map(\.id)), entries: entries)
    }

    /// The first of the `mailbox.close` `entries` that names one of `records` (a mailbox's), if any.
    private func closure(records: Set<Data>, entries: [AuditEntryRow]) throws -> MailboxClosure? {
        for entry in entries where Self.objectIDs(entry).contains(where: records.contains) {
            return MailboxClosure(day: try Day(entry.day), sequence: entry.sequence, bySource: entry.actor == nil)
        }
        return nil
    }

    /// Every `withdrawal.request` entry, by the records it names (the latest for each).
    func withdrawalRequests(_ reader: any VaultReader) throws -> [Data: WithdrawalRequest] {
        var requests: [Data: WithdrawalRequest] = [:]
        for entry in try reader.auditEntries(action: "withdrawal.request") {
            let request = WithdrawalRequest(day: try Day(entry.day), sequence: entry.sequence)
            for record in Self.objectIDs(entry) { requests[record] = request }
        }
        return requests
    }

    /// Mailboxes whose last submission, follow-up or reply is more than `mailboxInactivityDays` before
    /// `today`, not yet closed, with their records.
    func inactiveMailboxes(today: Day, _ reader: any VaultReader) throws -> [(mailbox: Data, records: [Data])] {
        var records: [Data: [Data]] = [:]
        var lastActive: [Data: String] = [:]
        for row in try reader.testimonyHeaders() {
            records[row.mailboxID, default: []].append(row.id)
            lastActive[row.mailboxID] = max(lastActive[row.mailboxID] ?? "", row.day)
        }
        let closed = Set(try reader.auditEntries(action: "mailbox.close").flatMap(Self.objectIDs))
        let cutoff = today.adding(days: -Vault.mailboxInactivityDays).description
        var due: [(mailbox: Data, records: [Data])] = []
        for (mailbox, ids) in records.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) })
        where !ids.contains(where: closed.contains) {
            var last = lastActive[mailbox] ?? ""
            if last < cutoff {
                for reply in try reader.replies(mailboxID: mailbox) { last = max(last, reply.day) }
            }
            if last < cutoff { due.append((mailbox, ids)) }
        }
        return due
    }
}

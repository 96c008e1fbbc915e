public import AmanatCrypto
import Foundation

/// What `Vault.migrate(to:progress:)` copied and checked.
public struct MigrationReport: Sendable {
    /// Rows copied (0 when an earlier run had copied them).
    public let rows: Int
    /// Blobs copied now, and blobs an interrupted earlier run had copied.
    public let blobsCopied: Int, blobsAlreadyThere: Int
    /// The audit head of both copies, checked equal.
    public let auditHead: AuditLog.Head
}

extension Vault {
    /// Copies this vault, kept in a folder, into the PostgreSQL database at `address` without decrypting
    /// anything, then checks the copy. Blobs go first, each compared by digest with the original; then every
    /// row in one transaction (all or nothing); then the copy's audit chain is verified and must end at this
    /// vault's head, and every table must hold as many rows as here. A database an interrupted run left
    /// (some blobs, no rows) is taken up where it stopped; one that already holds this vault is checked
    /// again; one that holds another vault is refused.
    /// - Parameter progress: called with what is being done, how far, and of how much.
    /// - Throws: `.invalidArgument` for a vault not in a folder, `.vaultExists` for a database with another
    ///   vault, `.corrupted` when the copy differs, storage and audit errors.
    public func migrate(
        to address: String, progress: ((_ stage: String, _ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> MigrationReport {
        guard let folder = blobs as? BlobFolder else {
            throw AmanatVaultError.invalidArgument("only a vault kept in a folder can be copied into a database")
        }
        let head = try verifyAudit()
        let rows = try store.read { try VaultRows(reading: $0) }
        let destination = try PostgreSQLVaultStore(url: address)
        let destinationBlobs = PostgreSQLBlobs(store: destination)
        let present = try destination.read { try $0.info() }
        if let present,
            present.administratorSigningKey != rows.info.administratorSigningKey
                || present.codenameSalt != rows.info.codenameSalt
        {
            throw AmanatVaultError.vaultExists(path: address)
        }
        // Blobs, each checked by digest whether copied now or by an earlier run.
        let ids = try Self.blobIDs(in: folder.path)
        var copied = 0, found = 0
        for (index, id) in ids.enumerated() {
            progress?("blobs", index, ids.count)
            let size = try folder.size(of: id)
            if let there = try destinationBlobs.size(of: id) {
                guard there == size else { throw AmanatVaultError.corrupted("attachment \(id) in \(address)") }
                found += 1
            } else {
                try Self.copy(id, from: folder, to: destinationBlobs)
                copied += 1
            }
            guard try Self.digest(folder.reader(id)) == Self.digest(destinationBlobs.reader(id)) else {
                throw AmanatVaultError.corrupted("attachment \(id): its copy in \(address) differs")
            }
        }
        progress?("blobs", ids.count, ids.count)
        // Rows, all or nothing.
        if present == nil {
            progress?("rows", 0, rows.count)
            try destination.write { try rows.insert(into: $0) }
            progress?("rows", rows.count, rows.count)
        }
        // The copy, checked as a reader of it would check it.
        let copy = try Vault(store: destination, blobs: destinationBlobs)
        guard try copy.verifyAudit() == head else {
            throw AmanatVaultError.corrupted(
                "the copy's audit log in \(address) (it does not end where this vault's does)")
        }
        guard try destination.read({ try VaultRows(reading: $0) }).counts == rows.counts else {
            throw AmanatVaultError.corrupted("the copy in \(address) (its tables do not hold as many rows as here)")
        }
        return MigrationReport(
            rows: present == nil ? rows.count : 0, blobsCopied: copied, blobsAlreadyThere: found, auditHead: head)
    }

    /// The blobs in a blob folder (temporary files left out).
    private static func blobIDs(in folder: String) throws -> [VaultID<BlobTag>] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { try? VaultID<BlobTag>($0) }
    }

    private static func copy(_ id: VaultID<BlobTag>, from source: BlobFolder, to destination: PostgreSQLBlobs) throws {
        var reader = try source.reader(id)
        let draft = try destination.draft(id)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try reader.read(into: buffer)
            if count == 0 { break }
            try draft.write(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        try draft.commit()
    }

    /// The digest of a blob's stored bytes (the case bundles' blob digest).
    private static func digest(_ reader: any ByteReader) throws -> [UInt8] {
        var reader = reader
        let hasher = CaseBundle.blobHasher()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try reader.read(into: buffer)
            if count == 0 { return hasher.finalize() }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}

/// Every row of a vault, read in one snapshot, in an order that keeps foreign keys satisfied on insert.
private struct VaultRows {
    let info: VaultInfoRow
    let authorNames: [AuthorNameRow]
    let mailboxes: [MailboxRow]
    let testimonies: [TestimonyRow]
    let cases: [CaseRow]
    let caseKeys: [CaseKeyRow]
    let memberships: [CaseRecordRow]
    let grants: [GrantRow]
    let replies: [ReplyRow]
    let projections: [ProjectionRow]
    let plans: [PlanRow]
    let caseTerms: [CaseTermsRow]
    let audit: [AuditEntryRow]

    init(reading reader: any VaultReader) throws {
        guard let info = try reader.info() else { throw AmanatVaultError.corrupted("the vault's settings") }
        self.info = info
        authorNames = try reader.authorNames()
        testimonies = try reader.testimonies()
        let mailboxIDs = Set(testimonies.map(\.mailboxID)).union(try reader.replyHeaders().map(\.mailboxID))
        mailboxes = try mailboxIDs.sorted { $0.lexicographicallyPrecedes($1) }.map { id in
            guard let row = try reader.mailbox(id) else { throw AmanatVaultError.corrupted("a mailbox") }
            return row
        }
        cases = try reader.caseFiles()
        caseKeys = try reader.caseKeyVersions().map { key in
            guard let row = try reader.caseKey(caseID: key.caseID, version: key.version) else {
                throw AmanatVaultError.corrupted("a case key")
            }
            return row
        }
        memberships = try cases.flatMap { try reader.caseRecords(caseID: $0.id) }
        grants = try reader.grants(caseID: nil)
        replies = try mailboxes.flatMap { try reader.replies(mailboxID: $0.id) }
        projections = try reader.projections(caseID: nil)
        plans = try projections.compactMap { try reader.plan(projectionID: $0.id) }
        caseTerms = try reader.caseTermRows()
        audit = try reader.auditEntries()
    }

    /// How many rows each table holds.
    var counts: [Int] {
        [
            1, authorNames.count, mailboxes.count, testimonies.count, cases.count, caseKeys.count,
            memberships.count, grants.count, replies.count, projections.count, plans.count, caseTerms.count,
            audit.count,
        ]
    }

    var count: Int { counts.reduce(0, +) }

    func insert(into writer: any VaultWriter) throws {
        try writer.insert(info)
        for row in authorNames { try writer.save(row) }
        for row in mailboxes { try writer.insert(row) }
        for row in testimonies { try writer.insert(row) }
        for row in cases { try writer.insert(row) }
        for row in caseKeys { try writer.insert(row) }
        for row in memberships { try writer.save(row) }
        for row in grants { try writer.insert(row) }
        for row in replies { try writer.insert(row) }
        for row in projections { try writer.insert(row) }
        for row in plans { try writer.insert(row) }
        for row in caseTerms { try writer.save(row) }
        for row in audit { try writer.append(row) }
    }
}

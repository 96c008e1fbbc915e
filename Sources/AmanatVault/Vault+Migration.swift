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
        try migrate(to: address, pageSize: 500, progress: progress)
    }

    /// `migrate(to:progress:)` reading `pageSize` rows at a time from the tables that grow with submissions.
    func migrate(
        to address: String, pageSize: Int, progress: ((_ stage: String, _ done: Int, _ total: Int) -> Void)?
    ) throws -> MigrationReport {
        guard let folder = blobs as? BlobFolder else {
            throw AmanatVaultError.invalidArgument("only a vault kept in a folder can be copied into a database")
        }
        let head = try verifyAudit()
        guard let info = try store.read({ try $0.info() }) else {
            throw AmanatVaultError.corrupted("the vault's settings")
        }
        let destination = try PostgreSQLVaultStore(url: address)
        let destinationBlobs = PostgreSQLBlobs(store: destination)
        let present = try destination.read { try $0.info() }
        if let present,
            present.administratorSigningKey != info.administratorSigningKey || present.codenameSalt != info.codenameSalt
        {
            throw AmanatVaultError.vaultExists(path: address)
        }
        // Blobs, each checked by digest whether copied now or by an earlier run.
        let ids = try folder.ids()
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
        // Rows, all or nothing: one snapshot of this vault read page by page into one transaction there.
        let counts = try store.read { try $0.rowCounts() }
        let total = counts.reduce(0, +)
        if present == nil {
            try store.read { source in
                var done = 0
                progress?("rows", 0, total)
                try destination.write { target in
                    try RowCopy(source: source, target: target, pageSize: pageSize) { count in
                        done += count
                        progress?("rows", done, total)
                    }.run()
                }
            }
        }
        // The copy, checked as a reader of it would check it.
        let copy = try Vault(store: destination, blobs: destinationBlobs)
        guard try copy.verifyAudit() == head else {
            throw AmanatVaultError.corrupted(
                "the copy's audit log in \(address) (it does not end where this vault's does)")
        }
        guard try destination.read({ try $0.rowCounts() }) == counts else {
            throw AmanatVaultError.corrupted("the copy in \(address) (its tables do not hold as many rows as here)")
        }
        return MigrationReport(
            rows: present == nil ? total : 0, blobsCopied: copied, blobsAlreadyThere: found, auditHead: head)
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
    static func digest(_ reader: any ByteReader) throws -> [UInt8] {
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

/// Every row of a vault copied from a reader into a writer, in an order that keeps foreign keys satisfied,
/// the tables that grow with each submission (mailboxes, records, replies, the audit log) a page at a time, so
/// that a vault of a million records is copied in constant memory.
struct RowCopy {
    let source: any VaultReader
    let target: any VaultWriter
    /// How many rows of a growing table are read at a time.
    let pageSize: Int
    /// Told how many rows were just copied.
    let copied: (Int) -> Void

    func run() throws {
        guard let info = try source.info() else { throw AmanatVaultError.corrupted("the vault's settings") }
        try target.insert(info)
        copied(1)
        try each(source.authorNames()) { try target.save($0) }
        try pages({ try source.mailboxes(after: $0, limit: pageSize) }, id: \.id) { try target.insert($0) }
        try pages({ try source.testimonies(after: $0, limit: pageSize) }, id: \.id) { try target.insert($0) }
        let cases = try source.caseFiles()
        try each(cases) { try target.insert($0) }
        try each(source.caseKeyVersions()) { key in
            guard let row = try source.caseKey(caseID: key.caseID, version: key.version) else {
                throw AmanatVaultError.corrupted("a case key")
            }
            try target.insert(row)
        }
        for caseFile in cases { try each(source.caseRecords(caseID: caseFile.id)) { try target.save($0) } }
        try each(source.grants(caseID: nil)) { try target.insert($0) }
        try pages({ try source.mailboxes(after: $0, limit: pageSize) }, id: \.id, count: false) { mailbox in
            try each(source.replies(mailboxID: mailbox.id)) { try target.insert($0) }
        }
        let projections = try source.projections(caseID: nil)
        try each(projections) { try target.insert($0) }
        try each(projections.compactMap { try source.plan(projectionID: $0.id) }) { try target.insert($0) }
        try each(source.caseTermRows()) { try target.save($0) }
        try each(source.caseRetentionRows()) { try target.save($0) }
        var next = 1
        while true {
            let entries = try source.auditEntries(from: next, limit: pageSize)
            guard let last = entries.last else { break }
            try each(entries) { try target.append($0) }
            next = last.sequence + 1
        }
    }

    /// Copies `rows` one by one and counts them.
    private func each<Row>(_ rows: [Row], _ body: (Row) throws -> Void) throws {
        for row in rows { try body(row) }
        copied(rows.count)
    }

    /// Walks a table page by page in id order; `count: false` for a second walk that copies other rows.
    private func pages<Row>(
        _ fetch: (Data?) throws -> [Row], id: (Row) -> Data, count: Bool = true, _ body: (Row) throws -> Void
    ) throws {
        var after: Data?
        while true {
            let rows = try fetch(after)
            guard let last = rows.last else { return }
            for row in rows { try body(row) }
            if count { copied(rows.count) }
            after = id(last)
        }
    }
}

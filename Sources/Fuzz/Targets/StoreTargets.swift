import AmanatCrypto
import AmanatVault
import Foundation

extension FuzzTarget {
    /// A vault whose `vault.sqlite` is the input (the seeds are whole vaults the tool made): every reading command's
    /// work either succeeds or stops with the vault's own error (`AmanatVaultError`, one clear line), never a
    /// trap, a crash or another module's error.
    static let vaultDatabase = FuzzTarget(name: "vault-database", reads: "vault.sqlite files (format.md §8)") {
        bytes in
        FuzzFixtures.allowTestingParameters()
        let folder = FuzzFixtures.scratch + "/vault"
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.createDirectory(atPath: folder + "/blobs", withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: folder + "/vault.sqlite", contents: Data(bytes)) else {
            return .refused
        }
        do {
            try readEverything(in: folder)
            return .accepted
        } catch let error as AmanatVaultError {
            try require(!error.description.isEmpty && !error.description.contains("\n"), "an error of several lines")
            return .refused
        } catch {
            // The error's own words, for whoever triages the finding: fuzzed inputs hold nobody's data.
            let words = String(reflecting: error).prefix(300)
            throw BrokenInvariant("an error that is not the vault's: \(type(of: error)): \(words)")
        }
    }

    /// What `inbox`, `read`, `case list`/`show`, `grant list`, `projections`, `retention` and `audit` read.
    private static func readEverything(in folder: String) throws {
        let administrator = FuzzFixtures.administrator
        let vault = try Vault.open(at: folder, trust: VaultTrust(administrator: administrator.publicKey))
        for record in try vault.inbox() { _ = try vault.open(record.id, as: .administrator(administrator)) }
        for found in try vault.cases() {
            _ = try vault.caseDetails(found.id, as: .administrator(administrator))
            _ = try vault.caseTerms(found.id, as: .administrator(administrator))
        }
        _ = try vault.grants()
        _ = try vault.projections()
        _ = try vault.retentionPolicies()
        _ = try vault.tombstones()
        _ = try vault.verifyAudit()
    }

    /// Case bundles (format.md §9) opened by their recipient: a signature covers the whole file, so only a
    /// bundle the administrator made (a seed, byte for byte) may open or verify, and a refused one leaves
    /// no attachment behind.
    static let caseBundle = FuzzTarget(name: "case-bundle", reads: "case bundles (format.md §8.15)") { bytes in
        let path = FuzzFixtures.scratch + "/case.amanat-bundle"
        let attachments = FuzzFixtures.scratch + "/attachments"
        try? FileManager.default.removeItem(atPath: attachments)
        try? FileManager.default.createDirectory(atPath: attachments, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return .refused }
        let signer = FuzzFixtures.administrator.publicKey.signing
        let verified = (try? CaseBundle.verify(at: path, signer: signer)) != nil
        let opened =
            (try? CaseBundle.open(at: path, identity: FuzzFixtures.lawyer, signer: signer, attachmentsTo: attachments))
            != nil
        if verified || opened {
            try require(
                FuzzFixtures.seeds("case-bundle").contains(bytes), "a bundle the administrator never made opened")
        }
        if !opened {
            let left = (try? FileManager.default.contentsOfDirectory(atPath: attachments)) ?? []
            try require(left.isEmpty, "a refused bundle left a file behind")
        }
        return opened ? .accepted : .refused
    }
}

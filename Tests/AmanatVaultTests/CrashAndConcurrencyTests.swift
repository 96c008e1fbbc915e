import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

/// A child process submits continuously and is killed with SIGKILL at random moments; several
/// children submit at once. Every acknowledged submission must survive intact, nothing half-written
/// may be visible, and no child may see a "database is locked" error.
@Suite("Crash safety and concurrent writers", .serialized)
struct CrashAndConcurrencyTests {
    /// The VaultStress executable, built beside the test bundle.
    static var stressBinary: String {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("VaultStress").path
    }

    struct Child {
        let process = Process()
        let output = Pipe()
        let errors = Pipe()

        init(vault: String, count: Int, attachEvery: Int, administrator: Identity) throws {
            process.executableURL = URL(fileURLWithPath: CrashAndConcurrencyTests.stressBinary)
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["AMANAT_ADMINISTRATOR_KEY": administrator.publicKey.stringRepresentation]) { $1 }
            process.arguments = ["submit", vault, "\(count)", "\(attachEvery)"]
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        /// The ids of every complete "ACK" line printed.
        func acknowledged() -> [String] {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { line in
                line.hasPrefix("ACK ") ? String(line.dropFirst(4)) : nil
            }
        }

        func errorText() -> String {
            String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
    }

    /// Every acknowledged record is present; every record not yet checked opens (nothing half-written
    /// is visible); the audit log verifies.
    /// - Returns: the ids now present, so the next check opens only what is new.
    @discardableResult
    static func check(
        _ directory: String, administrator: Identity, acknowledged: Set<String>, alreadyChecked: Set<String> = []
    ) throws -> Set<String> {
        let vault = try Vault.open(at: directory, trust: .administrator(administrator.publicKey))
        let present = try vault.inbox()
        let ids = Set(present.map(\.id.description))
        let missing = acknowledged.subtracting(ids)
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.count)")
        for summary in present where !alreadyChecked.contains(summary.id.description) {
            let testimony = try vault.open(summary.id, as: .administrator(administrator))
            #expect(testimony.statement.hasPrefix("stress testimony"))
            for attachment in testimony.attachments {
                let blob = vault.blobDirectory + "/" + attachment.blob.description
                #expect(FileManager.default.fileExists(atPath: blob), "record \(summary.id) names a missing blob")
            }
        }
        _ = try vault.verifyAudit()
        return ids
    }

    @Test("50 SIGKILLs at random moments lose no acknowledged submission and leave nothing half-written")
    func killedWriters() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("vault")
        let administrator = Identity()
        WeakTestKeys.allow()
        _ = try Vault.create(at: path, administrator: administrator, codenameParameters: .minimumForTesting)
        var acknowledged = Set<String>()
        var checked = Set<String>()
        var killedMidway = 0
        for round in 0..<50 {
            let child = try Child(vault: path, count: 100_000, attachEvery: 3, administrator: administrator)
            usleep(UInt32(80_000 + Int(SecureRandom.uniform(320_000)) + (round == 0 ? 300_000 : 0)))
            kill(child.process.processIdentifier, SIGKILL)
            child.process.waitUntilExit()
            if child.process.terminationReason == .uncaughtSignal { killedMidway += 1 }
            let acks = child.acknowledged()
            acknowledged.formUnion(acks)
            checked = try Self.check(
                path, administrator: administrator, acknowledged: acknowledged, alreadyChecked: checked)
        }
        #expect(killedMidway == 50)
        #expect(acknowledged.count > 50, "the children made too little progress to test anything")
        // Attachments of acknowledged records still decrypt and verify after all the kills.
        let vault = try Vault.open(at: path, trust: .administrator(administrator.publicKey))
        var exported = 0
        for summary in try vault.inbox().prefix(30) {
            for attachment in try vault.open(summary.id, as: .administrator(administrator)).attachments {
                try vault.exportAttachment(attachment, to: directory.file("export-\(exported)"))
                exported += 1
            }
        }
        #expect(exported > 0)
    }

    @Test("4 processes submitting at once lose nothing and never report a busy database")
    func concurrentWriters() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("vault")
        let administrator = Identity()
        WeakTestKeys.allow()
        _ = try Vault.create(at: path, administrator: administrator, codenameParameters: .minimumForTesting)
        let children = try (0..<4).map { _ in
            try Child(vault: path, count: 40, attachEvery: 10, administrator: administrator)
        }
        var acknowledged = Set<String>()
        for child in children {
            let acks = child.acknowledged()
            child.process.waitUntilExit()
            let errors = child.errorText()
            #expect(child.process.terminationStatus == 0, "a writer failed: \(errors)")
            #expect(errors.isEmpty, "a writer reported: \(errors)")
            #expect(acks.count == 40)
            acknowledged.formUnion(acks)
        }
        #expect(acknowledged.count == 160)
        try Self.check(path, administrator: administrator, acknowledged: acknowledged)
        #expect(try Vault.open(at: path, trust: .administrator(administrator.publicKey)).inbox().count == 160)
    }
}

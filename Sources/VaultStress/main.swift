// VaultStress: submits testimony to an existing vault as fast as it can, printing "ACK <record id>"
// after each submission is committed. The crash-safety and concurrency tests run it as a child
// process, kill it at random moments, and check that every acknowledged record survived intact.
//
//   VaultStress submit VAULT_DIR COUNT [ATTACH_EVERY]   (AMANAT_ADMINISTRATOR_KEY: the key to trust)
//   VaultStress make-fixture DIR          (writes the committed fixture vault-v1; see Fixture.swift)
//   VaultStress make-fixture-v3 DIR       (writes the committed fixture vault-v3; see FixtureV3.swift)
import AmanatCrypto
import AmanatVault
import Foundation

let arguments = CommandLine.arguments
if arguments.count == 3, ["make-fixture", "make-fixture-v3"].contains(arguments[1]) {
    do {
        if arguments[1] == "make-fixture" {
            try Fixture.make(at: arguments[2])
        } else {
            try FixtureV3.make(at: arguments[2])
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("VaultStress: \(error)\n".utf8))
        exit(1)
    }
}
guard arguments.count >= 4, arguments[1] == "submit", let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: VaultStress submit VAULT_DIR COUNT [ATTACH_EVERY]\n".utf8))
    exit(2)
}
let attachEvery = arguments.count > 4 ? Int(arguments[4]) ?? 0 : 0

do {
    let administrator = try Identity.PublicKey(
        string: ProcessInfo.processInfo.environment["AMANAT_ADMINISTRATOR_KEY"] ?? "")
    let vault = try Vault.open(at: arguments[2], trust: .administrator(administrator))
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vault-stress-\(getpid())").path
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    for index in 0..<count {
        var attachments: [AttachmentSource] = []
        if attachEvery > 0, index % attachEvery == 0 {
            let path = scratch + "/photo-\(index).jpg"
            try Data(SecureRandom.bytes(1000 + Int(SecureRandom.uniform(150_000)))).write(
                to: URL(fileURLWithPath: path))
            attachments.append(AttachmentSource(path: path))
        }
        let testimony = Testimony(
            statement: "stress testimony \(index) from process \(getpid())",
            people: [.init(name: "Person \(index)", role: "witness")], language: index % 2 == 0 ? "ru" : "en")
        let (id, _) = try vault.submit(testimony, attachments: attachments)
        // One unbuffered write per acknowledgement, made only after the transaction committed.
        FileHandle.standardOutput.write(Data("ACK \(id)\n".utf8))
        for attachment in attachments { try? FileManager.default.removeItem(atPath: attachment.path) }
    }
} catch {
    FileHandle.standardError.write(Data("VaultStress: \(error)\n".utf8))
    exit(1)
}

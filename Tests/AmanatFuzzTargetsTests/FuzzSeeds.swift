import AmanatCrypto
@_spi(Fuzzing) import AmanatIntake
@testable import AmanatFuzzTargets
import AmanatPublication
import AmanatTestSupport
@_spi(Fuzzing) import AmanatVault
import Foundation

/// Makes valid inputs with the tool itself: the seeds each target's corpus starts from. The tests check that
/// every target accepts what the tool makes today; `AMANAT_FUZZ_WRITE_SEEDS=1 swift test --filter
/// AmanatFuzzTargetsTests` writes them to Tests/Fuzz/TARGET/seeds (images come from Scripts/fuzz-images.py).
enum FuzzSeeds {
    /// Seeds by target name, each a file name and its bytes.
    static func make() throws -> [String: [(String, [UInt8])]] {
        WeakTestKeys.allow()
        let lawyer = FuzzFixtures.lawyer
        var seeds: [String: [(String, [UInt8])]] = [:]
        seeds["public-key"] = [("lawyer", Array(lawyer.publicKey.stringRepresentation.utf8))]
        seeds["identity-file"] = [
            (
                "lawyer.id",
                try IdentityFile.encode(lawyer, passphrase: FuzzFixtures.passphrase, parameters: .minimumForTesting)
            )
        ]
        seeds["codename"] = try CodenameWordList.Language.allCases.map { language in
            ("\(language.rawValue)", Array(Codename.generate(in: language).reveal().utf8))
        }
        seeds["record-body"] = try [("statement", TestVault.sample()), ("full", fullTestimony)].map { name, body in
            (name, try Vault.encodeBody(body).withUnsafeBytes { Array($0) })
        }
        let scene = try Scene()
        seeds["vault-database"] = [("vault.sqlite", try scene.database())]
        seeds["audit-log"] = [("log.json", try scene.auditLog())]
        seeds["case-bundle"] = [("case.amanat", try scene.bundle())]
        seeds["projection-file"] = try ProjectionFile.Format.allCases.map { format in
            ("projection.\(format.rawValue)", Array(try ProjectionFile.render(scene.projection, as: format).utf8))
        }
        seeds["redaction-text"] = redactionTexts.enumerated().map { ("text-\($0.offset)", Array($0.element.utf8)) }
        seeds["multipart-form"] = [("submission", [7] + MultipartFixtures.write(multipartEvents))]
        seeds["urlencoded-form"] = [
            ("codename", Array("codename=lamp+river+stone+apple+cloud+tiger+olive+music&understood=1".utf8))
        ]
        return seeds
    }

    static let fullTestimony = Testimony(
        statement: "Мой муж Руслан Хакиев вышел из дома 3 мая 2004 года. Ему звонили с +7 928 000-11-22.",
        people: [.init(name: "Руслан Хакиев", role: "муж")], places: ["Малгобек"], dates: ["2004-05-03"],
        language: "ru", contact: "only through replies")

    static let redactionTexts = [
        "Мою дочь \u{1} забрали в \u{5}. Потом \u{3} видели в \u{6}, он говорил с \u{2}.",
        "My son was taken near \u{5} on 14 March 2016; \u{4} was with him. Call +7 928 123-45-67.",
    ]

    static var multipartEvents: [MultipartParser.Event] {
        [
            .begin(name: "statement", filename: nil), .bytes(Array("Мой сын ушёл из дома.".utf8)), .end,
            .begin(name: "file", filename: "фото.jpg"), .bytes([0xFF, 0xD8, 0xFF, 0xD9]), .end,
        ]
    }

    /// A vault with the fixed administrator: two submissions, a case with a term list, a lawyer's grant to
    /// read and publish, a reply, a projection, and a bundle for the lawyer.
    struct Scene {
        let directory: TemporaryDirectory
        let projection: Projection
        let bundlePath: String

        init() throws {
            directory = try TemporaryDirectory(prefix: "amanat-fuzz-seeds")
            let administrator = FuzzFixtures.administrator
            let lawyer = FuzzFixtures.lawyer
            var vault: Vault? = try Vault.create(
                at: directory.file("vault"), administrator: administrator, codenameParameters: .minimumForTesting)
            let first = try vault!.submit(TestVault.sample()).record
            let second = try vault!.submit(FuzzSeeds.fullTestimony).record
            let caseID = try vault!.createCase(title: "Хакиев, 2002", notes: "notes", administrator: administrator)
            try vault!.assign([first, second], to: caseID, administrator: administrator)
            try vault!.issueGrant(
                case: caseID, to: lawyer.publicKey, permissions: .readAndPublish,
                expires: Day.today().adding(days: 3650),
                administrator: administrator)
            _ = try vault!.setCaseTerms([CaseTerm(text: "Малгобек", kind: .place)], for: caseID, as: .grantee(lawyer))
            try vault!.reply(to: first, text: "Мы получили ваше письмо.", as: .grantee(lawyer))
            let desk = PublicationDesk(vault: vault!, as: .grantee(lawyer))
            let plan = try PlanDocument.encode(try desk.proposePlan(for: second))
            projection = try desk.publish(
                PublicationRequest(record: second, plan: plan.withUnsafeBytes { SecretBytes(copying: $0) })
            ).projection
            bundlePath = directory.file("case.amanat")
            _ = try vault!.exportCase(caseID, to: lawyer.publicKey, path: bundlePath, administrator: administrator)
            vault = nil  // closes the database, so that vault.sqlite holds everything
        }

        func database() throws -> [UInt8] {
            let path = directory.file("vault/vault.sqlite")
            guard !FileManager.default.fileExists(atPath: path + "-wal") else { throw CocoaError(.fileWriteUnknown) }
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }

        func auditLog() throws -> [UInt8] {
            let vault = try Vault.open(
                at: directory.file("vault"), trust: VaultTrust(administrator: FuzzFixtures.administrator.publicKey))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            return Array(try encoder.encode(try vault.store.read { try $0.auditEntries() }))
        }

        func bundle() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: bundlePath))) }
    }
}

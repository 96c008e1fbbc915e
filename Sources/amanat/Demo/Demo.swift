import AmanatCrypto
import AmanatPublication
import AmanatRedaction
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat demo`: the whole story in a temporary vault, narrated.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tell the whole story in a temporary vault, step by step, on fictional data.",
            discussion: """
                A mother submits testimony in Russian with a photo; the administrator files it into a case \
                and grants a lawyer access for 30 days; the lawyer opens it and replies; the mother reads \
                the reply with her codename; an editor publishes a redacted, signed excerpt (and a plan that \
                would leak a name is refused); the grant is revoked and the lawyer can no longer open a record \
                added afterwards; the audit log verifies. Everything happens in a temporary folder that is \
                deleted at the end; all people and events are invented.

                Example:
                  amanat demo
                """
        )

        func run() throws {
            let workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
                "amanat-demo-\(UUID().uuidString)"
            ).path
            try FileManager.default.createDirectory(
                atPath: workspace, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(atPath: workspace) }
            var story = DemoStory(workspace: workspace)
            try story.tell()
        }
    }
}

/// The story `amanat demo` tells, one numbered step at a time.
struct DemoStory {
    let workspace: String
    private var step = 0

    init(workspace: String) { self.workspace = workspace }

    private mutating func chapter(_ title: String) {
        step += 1
        print("\n\(step). \(title)")
    }

    private func say(_ text: String) { print("   \(text)") }

    mutating func tell() throws {
        print(
            "Amanat demo (libsodium \(CryptoLibrary.libsodiumVersion)). All people and events are fictional; the "
                + "vault is deleted at the end."
        )

        chapter("The intake officer creates a vault. Her X25519 public key becomes the intake key.")
        let administrator = Identity()
        let vault = try Vault.create(at: workspace + "/vault", administrator: administrator)
        say("intake public key: \(administrator.publicKey.stringRepresentation.prefix(40))…")
        say("vault: \(workspace)/vault (SQLite in WAL mode, attachments in blobs/)")

        chapter("A lawyer makes her own identity and sends her public key; they compare fingerprints by phone.")
        let lawyerPath = workspace + "/lawyer.id"
        let passphrase = SecretBytes(utf8: "горы помнят всё 1999")
        try IdentityFile.write(Identity(), to: lawyerPath, passphrase: passphrase, parameters: .interactive)
        let lawyerKey = try IdentityFile.publicKey(at: lawyerPath)
        say("identity file \(lawyerPath): mode 600, keys encrypted with Argon2id")
        say("public key: \(lawyerKey.stringRepresentation.prefix(40))…  fingerprint \(lawyerKey.fingerprint)")

        chapter("A mother submits her testimony in Russian, with a photo. No account; only the intake key is needed.")
        let photo = workspace + "/photo.jpg"
        try Data(SecureRandom.bytes(250_000)).write(to: URL(fileURLWithPath: photo))
        let testimony = Testimony(
            statement:
                "Мой сын Ахмед ушёл утром 14 марта 2002 года и не вернулся. "
                + "Вечером позвонили с незнакомого номера.",
            people: [.init(name: "Ахмед Хакиев", role: "сын")], places: ["Карабулак"], dates: ["14 марта 2002"],
            language: "ru", contact: "только через ответы")
        let (record, codename) = try vault.submit(
            testimony, attachments: [AttachmentSource(path: photo, name: "photo.jpg")])
        try FileManager.default.removeItem(atPath: photo)
        say("record \(record) stored encrypted; the photo was streamed through secretstream and padded")
        say("her codename, shown once: \(codename.reveal())")

        chapter("The administrator files the record into a case and grants the lawyer access for 30 days.")
        let caseID = try vault.createCase(title: "Хакиев, март 2002", notes: "Карабулак", administrator: administrator)
        try vault.assign([record], to: caseID, administrator: administrator)
        try vault.issueGrant(
            case: caseID, to: lawyerKey, expires: Day.today().adding(days: 30), administrator: administrator)
        say("case \(caseID); grant signed by the administrator, case key sealed to the lawyer")

        chapter("The lawyer unlocks her identity and opens the testimony and the photo.")
        let lawyer = try IdentityFile.open(at: lawyerPath, passphrase: passphrase)
        let opened = try vault.open(record, as: .grantee(lawyer))
        say("✓ \(opened.statement)")
        try vault.exportAttachment(opened.attachments[0], to: workspace + "/opened-photo.jpg")
        say("✓ photo verified and saved (\(opened.attachments[0].size) bytes)")
        try vault.reply(
            to: record,
            text: "Мы получили ваше заявление и начали "
                + "работу. Юрист.", as: .grantee(lawyer))
        say("she replies to the mother; the reply is sealed so that only the codename opens it")

        chapter("The mother comes back with her codename (typed in capitals, first four letters of each word).")
        let typed = codename.reveal().split(separator: " ").map { $0.prefix(4).uppercased() }.joined(separator: "  ")
        for reply in try vault.replies(codename: Codename(typed: SecretBytes(utf8: typed))) {
            say("✓ reply from \(reply.author.fingerprint): \(reply.text)")
        }

        chapter("The administrator exports the case to the lawyer as one signed bundle, for work away from the vault.")
        let bundle = workspace + "/case.amanat"
        _ = try vault.exportCase(caseID, to: lawyerKey, path: bundle, administrator: administrator)
        let unpacked = try CaseBundle.open(at: bundle, identity: lawyer, signer: administrator.publicKey.signing)
        say(
            "✓ she opens it with the administrator's public key (amanat open FILE --from KEY): "
                + "\(unpacked.records.count) record")
        do {
            _ = try CaseBundle.open(at: bundle, identity: lawyer, signer: Identity().publicKey.signing)
            throw CLIError.refused("a bundle opened under another signer's key: this build is broken", hint: nil)
        } catch let refusal as AmanatVaultError {
            say(
                "✓ named as the signer, any other key is refused: a bundle from an unknown signer is never opened "
                    + "(\(refusal))")
        }

        chapter("An editor with the publish permission prepares a public excerpt: the plan, then the leak check.")
        let editor = Identity()
        try vault.issueGrant(
            case: caseID, to: editor.publicKey, permissions: .readAndPublish, expires: Day.today().adding(days: 30),
            administrator: administrator)
        let desk = PublicationDesk(vault: vault, as: .grantee(editor))
        let source = try vault.open(record, as: .grantee(editor))
        let redactor = try Redactor(terms: desk.terms(for: source, record: record, cases: [caseID]))
        let plan = try desk.proposePlan(for: record)
        for span in plan.spans {
            say("\(span.detector.rawValue) \(span.start)..\(span.end) → \(span.action.rawValue) (\(span.reason))")
        }
        let pseudonyms = try Pseudonyms(key: vault.pseudonymKey(case: caseID, as: .grantee(editor)))
        var careless = plan
        for index in careless.spans.indices where careless.spans[index].detector == .caseTerm {
            careless.spans[index].action = .keep
        }
        do {
            _ = try redactor.apply(careless, to: source.statement, pseudonyms: pseudonyms)
            throw CLIError.refused("a plan that keeps a listed name was applied: this build is broken", hint: nil)
        } catch let leak as LeakError {
            say("✓ a plan that keeps the son's name is refused: \(leak)")
        }
        let json = try PlanDocument.encode(plan)
        let (projection, _) = try desk.publish(
            PublicationRequest(record: record, plan: json.withUnsafeBytes { SecretBytes(copying: $0) }, label: "Case 1")
        )
        try projection.verify(signedBy: editor.publicKey.signing)
        say("✓ published and signed: «\(projection.text)»")
        say("  the plan is kept encrypted in the vault; anyone with the editor's public key can verify the projection")

        chapter("The lawyer's grant is revoked; the case key is rotated.")
        try vault.revoke(case: caseID, grantee: lawyerKey.fingerprint, administrator: administrator)
        let (later, _) = try vault.submit(Testimony(statement: "Ещё одно свидетельство.", language: "ru"))
        try vault.assign([later], to: caseID, administrator: administrator)
        for (name, id) in [("the first record", record), ("a record added afterwards", later)] {
            let refusal: (any Error)? = {
                do {
                    _ = try vault.open(id, as: .grantee(lawyer))
                    return nil
                } catch { return error }
            }()
            guard let refusal else {
                throw CLIError.refused("the revoked lawyer could still open \(name): this build is broken", hint: nil)
            }
            say("✓ \(name): refused (\(refusal))")
        }

        chapter("The audit log: every action, chained and signed; the mother's actions carry no identity.")
        let head = try vault.verifyAudit()
        for entry in try vault.store.read({ try $0.auditEntries() }) {
            say("\(entry.sequence). \(entry.day)  \(entry.actor == nil ? "source" : "signed")  \(entry.action)")
        }
        say("✓ verified: \(head.count) entries, head \(head.hash.prefix(16))…")

        print(
            "\nDone. Nothing about the mother (IP address, device, time of day) was ever recorded. The temporary "
                + "vault is deleted."
        )
    }
}

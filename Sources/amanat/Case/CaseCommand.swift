import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat case`: grouping records into cases.
    struct CaseCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "case",
            abstract: "Create cases, file records into them, and list or show them.",
            subcommands: [New.self, Assign.self, List.self, Show.self, Terms.self, Close.self]
        )
    }
}

extension Amanat.CaseCommand {
    /// `amanat case new TITLE`.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a case (title and notes are stored encrypted).",
            discussion: """
                A title given as an argument is visible to other users of the computer and stays in \
                shell history; --title-file reads the title (first line) and notes (the rest) from a file.

                Examples:
                  amanat case new --title-file case.txt
                  amanat case new "Case 7"
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The case's title.") var title: String?
        @Option(help: "Notes for the case.") var notes = ""
        @Option(help: ArgumentHelp("Read the title (first line) and notes (the rest) from FILE.", valueName: "FILE"))
        var titleFile: String?

        func validate() throws {
            if title != nil && titleFile != nil {
                throw ValidationError("give the case a TITLE or a --title-file, not both")
            }
            if title == nil && titleFile == nil {
                throw ValidationError("give the case a TITLE, or a --title-file whose first line is the title")
            }
        }

        func run() throws {
            let vault = try self.vault.open()
            var title = self.title ?? ""
            var notes = self.notes
            if let titleFile {
                guard let text = try? String(contentsOfFile: titleFile, encoding: .utf8) else {
                    throw CLIError.notFound("\(titleFile): cannot read this file")
                }
                let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
                    separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                title = lines.first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
                let fileNotes = lines.count > 1 ? String(lines[1]).trimmingCharacters(in: .whitespacesAndNewlines) : ""
                if !fileNotes.isEmpty { notes = fileNotes }
            }
            guard !title.isEmpty else { throw CLIError.usage("the case title is empty", hint: nil) }
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let id = try vault.createCase(title: title, notes: notes, administrator: administrator)
            if output.json { return try output.printJSON(Created(id, in: vault)) }
            print("Created case \(id).")
        }
    }

    /// `amanat case assign CASE RECORD...`.
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "File records into a case; its grantees can then open them.",
            discussion: "Example:\n  amanat case assign 38fa8e 9c1f0a 77b2d4  (ids or their first 6+ characters)"
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The case id.", valueName: "CASE")) var caseID: String
        @Argument(help: ArgumentHelp("Record ids.", valueName: "RECORD")) var records: [String]

        func validate() throws {
            if records.isEmpty { throw ValidationError("name at least one record to assign") }
        }

        func run() throws {
            let vault = try self.vault.open()
            let ids = try records.map { try IDArgument.record($0, in: vault) }
            let caseID = try IDArgument.caseID(self.caseID, in: vault)
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            try vault.assign(ids, to: caseID, administrator: administrator)
            if output.json {
                return try output.printJSON(Filed(case_id: caseID.description, records: ids.map(\.description)))
            }
            print("Filed \(counted(ids.count, "record")) into case \(caseID).")
        }
    }

    /// `amanat case list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List cases (without decrypting their titles).",
            discussion: "Example:\n  amanat case list --json"
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: OutputOptions

        struct Entry: Encodable {
            let id: String
            let created: String
            let key_version: Int
            let records: Int
        }

        func run() throws {
            let entries = try vault.open().cases().map {
                Entry(
                    id: $0.id.description, created: $0.createdDay.description, key_version: $0.keyVersion,
                    records: $0.records.count)
            }
            if output.json { return try output.printJSON(entries) }
            if entries.isEmpty { return print("No cases yet. Create one with `amanat case new TITLE`.") }
            print("CASE                              CREATED     KEY  RECORDS")
            for e in entries { print("\(e.id)  \(e.created)  v\(e.key_version)   \(e.records)") }
        }
    }

    /// `amanat case show CASE`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a case's title, notes, records and grants (administrator, or a grantee with --identity).",
            discussion:
                "Examples:\n  amanat case show 38fa8e…\n  amanat case show 38fa8e… --identity ~/lawyer.id --json"
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The case id.", valueName: "CASE")) var caseID: String

        struct Details: Encodable {
            let id: String, title: String, notes: String, created: String, key_version: Int, records: [String],
                grants: [GrantEntry]
        }

        func run() throws {
            let vault = try self.vault.open()
            let id = try IDArgument.caseID(caseID, in: vault)
            let person = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let accessor: Accessor = vault.isAdministrator(person) ? .administrator(person) : .grantee(person)
            let details = try vault.caseDetails(id, as: accessor, today: CLIClock.today)
            let grants =
                vault.isAdministrator(person)
                ? try vault.grants(case: id, today: CLIClock.today).map(GrantEntry.init) : []
            let shown = Details(
                id: id.description, title: details.title, notes: details.notes, created: details.createdDay.description,
                key_version: details.keyVersion, records: details.records.map(\.description), grants: grants)
            if output.json { return try output.printUntrustedJSON(shown) }
            TerminalText.print("Case \(shown.id): \(shown.title)")
            if !shown.notes.isEmpty { TerminalText.print("Notes: \(shown.notes)") }
            print("Created \(shown.created), key version \(shown.key_version), \(shown.records.count) record(s)")
            for record in shown.records { print("  record \(record)") }
            for grant in grants {
                print(
                    "  grant \(grant.id) to \(grant.fingerprint): \(grant.permissions), until \(grant.expires), "
                        + "\(grant.status)"
                )
            }
        }
    }
}

/// A grant as `case show` and `grant list` print it.
struct GrantEntry: Encodable {
    let id: String, case_id: String, fingerprint: String, public_key: String, permissions: String
    let issued: String, expires: String, key_version: Int, status: String

    init(_ grant: Grant) {
        id = grant.id.description
        case_id = grant.caseID.description
        fingerprint = grant.grantee.fingerprint.description
        public_key = grant.grantee.stringRepresentation
        permissions = grant.permissions.description
        issued = grant.issued.description
        expires = grant.expires.description
        key_version = grant.keyVersion
        status = grant.status.description
    }
}

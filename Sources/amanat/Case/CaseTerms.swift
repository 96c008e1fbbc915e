import AmanatCrypto
import AmanatRedaction
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat.CaseCommand {
    /// `amanat case terms CASE`: the people and places every excerpt of the case is redacted against.
    struct Terms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, add or remove the people and places a case's excerpts are redacted against.",
            discussion: """
                The list is kept encrypted in the vault under the case key, and every change is signed in \
                the audit log. `amanat redact RECORD` and `amanat publish` use it together with the people \
                and places of every record of the case, so the list follows the case from editor to editor. \
                The administrator, or an editor with a publish grant, may change it; anyone who can open \
                the case may list it.

                A name typed on the command line stays in the shell's history and is visible to other users \
                of the computer while the command runs: --from-file FILE (one term per line; "place: NAME" \
                for a place) avoids that.

                Examples:
                  amanat case terms 4be2c1 --list
                  amanat case terms 4be2c1 --from-file names.txt --identity editor.id
                  amanat case terms 4be2c1 --add-place "Карабулак" --identity editor.id
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The case id (or its first 6+ characters).", valueName: "CASE")) var caseID: String
        @Option(help: ArgumentHelp("Add a person (repeatable).", valueName: "NAME")) var add: [String] = []
        @Option(help: ArgumentHelp("Add a place (repeatable).", valueName: "PLACE")) var addPlace: [String] = []
        @Option(help: ArgumentHelp("Add the terms in FILE (mode 600), one per line.", valueName: "FILE"))
        var fromFile: String?
        @Option(help: ArgumentHelp("Remove a person or place (repeatable).", valueName: "TERM")) var remove: [String] =
            []
        @Flag(help: "Print the list (after any change).") var list = false

        func validate() throws {
            if add.isEmpty, addPlace.isEmpty, remove.isEmpty, fromFile == nil, !list {
                throw ValidationError(
                    "say what to do: --list, --add NAME, --add-place PLACE, --from-file FILE or --remove TERM")
            }
        }

        struct Shown: Encodable {
            struct Term: Encodable {
                let text: String
                let kind: String
            }
            let `case`: String
            let terms: [Term]
        }

        func run() throws {
            let vault = try self.vault.open()
            let id = try IDArgument.caseID(caseID, in: vault)
            let person = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let accessor: Accessor = vault.isAdministrator(person) ? .administrator(person) : .grantee(person)
            var terms = try vault.caseTerms(id, as: accessor, today: CLIClock.today)
            let changing = !add.isEmpty || !addPlace.isEmpty || !remove.isEmpty || fromFile != nil
            if changing {
                if !add.isEmpty || !addPlace.isEmpty || !remove.isEmpty {
                    FileHandle.standardError.write(
                        Data(
                            ("amanat: note: names typed on the command line stay in your shell's history; "
                                + "--from-file FILE avoids that\n").utf8))
                }
                let before = terms.count
                terms += try added()
                let removing = Set(remove.map { Folding.key($0.trimmingCharacters(in: .whitespaces)) })
                let missing = removing.subtracting(terms.map { Folding.key($0.text) })
                guard missing.isEmpty else {
                    throw CLIError.usage(
                        "\(missing.count) term(s) given to --remove are not on the case's list",
                        hint: "see the list with `amanat case terms \(caseID) --list`")
                }
                terms.removeAll { removing.contains(Folding.key($0.text)) }
                terms = try vault.setCaseTerms(terms, for: id, as: accessor, today: CLIClock.today)
                FileHandle.standardError.write(
                    Data("Case \(id) now lists \(terms.count) people and places (it had \(before)).\n".utf8))
            }
            guard list || !changing else { return }
            let shown = Shown(case: id.description, terms: terms.map { .init(text: $0.text, kind: $0.kind.rawValue) })
            if output.json { return try output.printUntrustedJSON(shown) }
            if terms.isEmpty { print("No people or places are listed for case \(id) yet.") }
            for term in terms { TerminalText.print("\(term.kind == .place ? "place " : "person")  \(term.text)") }
            print("The people and places of the case's records are always used as well.")
        }

        private func added() throws -> [CaseTerm] {
            var terms = add.map { CaseTerm(text: $0.trimmingCharacters(in: .whitespaces), kind: .person) }
            terms += addPlace.map { CaseTerm(text: $0.trimmingCharacters(in: .whitespaces), kind: .place) }
            if let fromFile {
                Amanat.Redact.warnIfReadable(fromFile)
                terms += try Amanat.Redact.readTerms(fromFile).map {
                    CaseTerm(text: $0.text, kind: $0.kind == .place ? .place : .person)
                }
            }
            return terms
        }
    }
}

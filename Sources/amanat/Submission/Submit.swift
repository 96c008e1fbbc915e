import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat submit`: testimony from a source, without an account.
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit testimony (and files) anonymously; prints a codename to read replies.",
            discussion: """
                The testimony is read from --text-file or standard input. It is encrypted to the vault's \
                intake key before it is stored: nothing is kept in the clear, and no account is made. \
                Names and places typed as arguments are visible to other users of the computer and stay \
                in shell history: prefer --fields-file, a JSON file such as \
                {"people": [{"name": "…", "role": "son"}], "places": ["…"], "dates": ["…"], "contact": "…"}. \
                JPEG and PNG photos lose their hidden metadata (location, camera, time, names) as they are \
                encrypted, as on the web page; --keep-metadata keeps them byte for byte.

                Examples:
                  amanat submit --text-file t.txt --fields-file f.json --attach photo.jpg
                  amanat submit --lang en < statement.txt
                  amanat submit --follow-up --text-file more.txt    (asks for the codename)
                """
        )

        @OptionGroup var vault: VaultOptions

        @Option(help: ArgumentHelp("Read the testimony from FILE (default: standard input).", valueName: "FILE"))
        var textFile: String?

        @Option(name: .customLong("attach"), help: ArgumentHelp("Attach a file (repeatable).", valueName: "FILE"))
        var attachments: [String] = []

        @Flag(
            help: ArgumentHelp(
                "Keep JPEG and PNG photos byte for byte, with their location, camera, time and names "
                    + "(for evidence that must stay intact). By default that metadata is removed."))
        var keepMetadata = false

        @Option(
            name: .customLong("person"),
            help: ArgumentHelp("A person named, as NAME:ROLE (repeatable).", valueName: "NAME:ROLE"))
        var people: [String] = []

        @Option(name: .customLong("place"), help: ArgumentHelp("A place named (repeatable).", valueName: "NAME"))
        var places: [String] = []

        @Option(
            name: .customLong("date"), help: ArgumentHelp("A date named, as given (repeatable).", valueName: "DATE"))
        var dates: [String] = []

        @Option(help: ArgumentHelp("Language of the testimony: ru or en.", valueName: "LANG"))
        var lang = "ru"

        @Option(help: ArgumentHelp("How you want to be contacted, if at all.", valueName: "TEXT"))
        var contact = ""

        @Option(
            help: ArgumentHelp(
                "Read people, places, dates and contact from a JSON file (keeps them off the command line).",
                valueName: "FILE"))
        var fieldsFile: String?

        @OptionGroup var output: OutputOptions

        @Flag(help: "Add to an earlier submission; asks for its codename (or AMANAT_CODENAME, --codename-file).")
        var followUp = false

        @Option(help: ArgumentHelp("With --follow-up: read the codename from FILE (mode 600).", valueName: "FILE"))
        var codenameFile: String?

        func validate() throws {
            guard ["ru", "en"].contains(lang) else { throw ValidationError("--lang must be ru or en, not \"\(lang)\"") }
            for person in people where !person.contains(":") {
                throw ValidationError("--person takes NAME:ROLE, for example \"Ахмед Хакиев:сын\"")
            }
            if codenameFile != nil && !followUp { throw ValidationError("--codename-file goes with --follow-up") }
        }

        /// The structured fields a `--fields-file` may hold.
        struct Fields: Decodable {
            struct Person: Decodable {
                var name: String
                var role: String?
            }
            var people: [Person]?
            var places: [String]?
            var dates: [String]?
            var contact: String?
        }

        func run() throws {
            let vault = try self.vault.open()
            if !people.isEmpty || !places.isEmpty || !dates.isEmpty || !contact.isEmpty {
                FileHandle.standardError.write(
                    Data(
                        """
                        amanat: warning: names, places and dates given as arguments can be seen by other users of this computer \
                        and stay in shell history; --fields-file keeps them off the command line\n
                        """.utf8))
            }
            let fields = try fieldsFile.map { path -> Fields in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CLIError.notFound("\(path): cannot read this file")
                }
                do {
                    try StrictJSON.validate(Array(data), what: path)
                    return try JSONDecoder().decode(Fields.self, from: data)
                } catch {
                    throw CLIError.usage(
                        "\(path) is not a fields file",
                        hint:
                            "it should be JSON like {\"people\": [{\"name\": \"…\", \"role\": \"son\"}], "
                            + "\"places\": [\"…\"]}"
                    )
                }
            }
            let statement = try readStatement()
            let testimony = Testimony(
                statement: statement,
                people: people.map { entry in
                    let parts = entry.split(separator: ":", maxSplits: 1).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    return Testimony.Person(name: parts[0], role: parts.count > 1 ? parts[1] : "")
                } + (fields?.people ?? []).map { Testimony.Person(name: $0.name, role: $0.role ?? "") },
                places: places + (fields?.places ?? []), dates: dates + (fields?.dates ?? []), language: lang,
                contact: contact.isEmpty ? (fields?.contact ?? "") : contact)
            let sources = try attachments.map { path -> AttachmentSource in
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw CLIError.notFound("\(path): cannot read this file")
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                let name = URL(fileURLWithPath: path).lastPathComponent
                return AttachmentSource(
                    path: path, name: name, keepMetadata: keepMetadata,
                    progress: ProgressBar.reporter(for: "amanat: encrypting \(name)", size: size))
            }
            if followUp {
                let typed = try SecretInput.read(prompt: "Codename: ", file: codenameFile, variable: "AMANAT_CODENAME")
                let codename = try Codename(typed: typed)
                let id = try vault.followUp(testimony, attachments: sources, codename: codename)
                if output.json { return try output.printJSON(["record": id.description]) }
                print("Added to your earlier submission (record \(id)).")
                return
            }
            let (id, codename) = try vault.submit(testimony, attachments: sources)
            if output.json { return try output.printJSON(["record": id.description, "codename": codename.reveal()]) }
            print(
                """
                Your testimony was received and encrypted (record \(id)).

                Your codename is:

                    \(codename.reveal())

                Write it down now and keep it safe: it is the only way to read replies and to add more, \
                and it cannot be recovered. Do not keep it with anything that shows who you are.
                """)
        }

        private func readStatement() throws -> String {
            let data: Data
            if let textFile {
                guard let contents = FileManager.default.contents(atPath: textFile) else {
                    throw CLIError.notFound("\(textFile): cannot read this file")
                }
                data = contents
            } else {
                data = FileHandle.standardInput.readDataToEndOfFile()
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CLIError.usage(
                    "the testimony is not UTF-8 text", hint: "save it as UTF-8 (plain text) and try again")
            }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CLIError.usage(
                    "the testimony is empty; nothing was stored",
                    hint: "write it in a file and pass --text-file FILE, or pipe it in")
            }
            return text
        }
    }
}

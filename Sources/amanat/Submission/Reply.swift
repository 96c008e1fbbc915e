import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat reply RECORD`: a lawyer writes to the source.
    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reply to the source of a record; only her codename opens it.",
            discussion: """
                The reply is read from --text-file or standard input, never from an argument.

                Examples:
                  amanat reply 9c1f0a… --text-file reply.txt
                  amanat reply 9c1f0a… --identity ~/lawyer.id --text-file r.txt --json
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The record id.", valueName: "RECORD")) var record: String
        @Option(help: ArgumentHelp("Read the reply from FILE (default: standard input).", valueName: "FILE"))
        var textFile: String?

        func run() throws {
            let vault = try self.vault.open()
            let id = try IDArgument.record(record, in: vault)
            let data =
                try textFile.map { path -> Data in
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw CLIError.notFound("\(path): cannot read this file")
                    }
                    return data
                } ?? FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else {
                throw CLIError.usage("the reply is not UTF-8 text", hint: nil)
            }
            let person = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let isAdministrator = vault.isAdministrator(person)
            let accessor: Accessor = isAdministrator ? .administrator(person) : .grantee(person)
            let reply = try vault.reply(to: id, text: text, as: accessor, today: CLIClock.today)
            if output.json {
                let role: AmanatVault.Reply.Role = isAdministrator ? .administrator : .grantee
                return try output.printJSON(
                    Sent(
                        reply_id: reply.description, record_id: id.description,
                        from: person.publicKey.fingerprint.description, role: role.rawValue))
            }
            print("Sent reply \(reply) to the source of record \(id).")
        }

        /// What `reply --json` prints (Docs/cli.md): ids and the author, never the reply's text.
        struct Sent: Encodable { let reply_id: String, record_id: String, from: String, role: String }
    }

    /// `amanat replies`: the source reads replies with her codename.
    struct Replies: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the replies to your testimony (asks for your codename).",
            discussion: """
                The codename is asked without showing it on screen; it can also come from --codename-file \
                or AMANAT_CODENAME. The first four letters of each word are enough.

                Example:
                  amanat replies
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var codename: CodenameOptions

        struct Entry: Encodable {
            let id: String, day: String, from: String, role: String, name: String?, text: String
        }

        func run() throws {
            let vault = try self.vault.open()
            let replies = try vault.replies(codename: codename.read()).map {
                Entry(
                    id: $0.id.description, day: $0.day.description, from: $0.author.fingerprint.description,
                    role: $0.role.rawValue, name: $0.authorName, text: $0.text)
            }
            if output.json { return try output.printUntrustedJSON(replies) }
            if replies.isEmpty { return print("No replies yet. Check again later.") }
            let shown = replies.map { (entry: Entry) -> String in
                let role =
                    entry.role == "administrator" ? "the organisation" : "a lawyer the organisation gave the case to"
                let who: String = entry.name.map { "\($0), \(role)" } ?? role
                return
                    "— \(entry.day), from \(who) (key "
                    + "\(entry.from)):\n\(entry.text.trimmingCharacters(in: .newlines))"
            }
            TerminalText.print(shown.joined(separator: "\n\n"))
        }
    }
}

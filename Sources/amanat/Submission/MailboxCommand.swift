import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat mailbox`: what a source decides about her own mailbox, with her codename.
    struct MailboxCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mailbox",
            abstract: "As a source: close your mailbox, or ask for your testimony to be withdrawn.",
            discussion: """
                Both ask for your codename without showing it (or read --codename-file or AMANAT_CODENAME). \
                A mailbox nothing is added to or written into for twelve months is closed by the organisation \
                in the same way.

                Examples:
                  amanat mailbox withdraw
                  amanat mailbox close
                """,
            subcommands: [Close.self, Withdraw.self]
        )

        /// `amanat mailbox close`.
        struct Close: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Delete the replies in your mailbox; your codename then opens nothing more.",
                discussion: """
                    The replies are deleted at once and for good; no one can read them afterwards, with or \
                    without your codename. Your testimony stays with the organisation: to have it removed, run \
                    `amanat mailbox withdraw` first. To add testimony later, submit anew (you get a new \
                    codename). Asks before it closes; a script passes --yes.

                    Example:
                      amanat mailbox close
                    """
            )
            @OptionGroup var vault: VaultOptions
            @OptionGroup var output: OutputOptions
            @OptionGroup var codename: CodenameOptions
            @Flag(help: "Close without asking (for scripts).") var yes = false

            struct Closed: Encodable { let replies_deleted: Int }

            func run() throws {
                let vault = try self.vault.open()
                let codename = try self.codename.read()
                if !yes {
                    guard Confirmation.canAsk else {
                        throw CLIError.refused(
                            "closing a mailbox cannot be undone, and there is no terminal to ask on; nothing was "
                                + "closed",
                            hint: "add --yes to close it from a script")
                    }
                    // Checks the codename, and that the mailbox is still open, before asking.
                    if let closed = try vault.closure(codename: codename) {
                        throw AmanatVaultError.mailboxClosed(day: closed.day)
                    }
                    let question =
                        "Delete every reply in this mailbox and close it? This cannot be undone. Type yes to go on: "
                    guard Confirmation.ask(question) else { throw CLIError.refused("nothing was closed", hint: nil) }
                }
                let deleted = try vault.closeMailbox(codename: codename)
                if output.json { return try output.printJSON(Closed(replies_deleted: deleted)) }
                let replies = counted(deleted, "reply", plural: "replies")
                print(
                    "Your mailbox is closed: \(replies) deleted. Your codename opens nothing more here; "
                        + "you can forget it.")
            }
        }

        /// `amanat mailbox withdraw`.
        struct Withdraw: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Ask the organisation to remove your testimony.",
                discussion: """
                    Files a request the administrator sees beside each of your records in `amanat inbox`; she \
                    decides, and shreds them. Your mailbox stays open, so you can read her reply; close it \
                    afterwards with `amanat mailbox close` if you wish.

                    Example:
                      amanat mailbox withdraw
                    """
            )
            @OptionGroup var vault: VaultOptions
            @OptionGroup var output: OutputOptions
            @OptionGroup var codename: CodenameOptions

            struct Requested: Encodable { let records: Int }

            func run() throws {
                let vault = try self.vault.open()
                let records = try vault.requestWithdrawal(codename: codename.read())
                if output.json { return try output.printJSON(Requested(records: records.count)) }
                print(
                    "Your request is filed: the organisation will see that you asked for your testimony "
                        + "(\(counted(records.count, "record"))) to be withdrawn. Check `amanat replies` for its "
                        + "answer.")
            }
        }
    }
}

/// Where a source's codename comes from: asked without echo, or a file, or AMANAT_CODENAME.
struct CodenameOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read the codename from FILE (mode 600).", valueName: "FILE"))
    var codenameFile: String?

    func read() throws -> Codename {
        try Codename(typed: SecretInput.read(prompt: "Codename: ", file: codenameFile, variable: "AMANAT_CODENAME"))
    }
}

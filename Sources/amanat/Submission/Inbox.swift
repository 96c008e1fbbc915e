import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat inbox`: what has arrived, without decrypting.
    struct Inbox: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List submissions (id, day, size bucket, language, cases) without decrypting them.",
            discussion: """
                A record whose source asked for her testimony to be withdrawn (`amanat mailbox withdraw`, or the \
                return page) is marked with the day she asked; shred it with `amanat shred` once decided.

                Examples:
                  amanat inbox
                  amanat inbox --json
                """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: OutputOptions

        struct Entry: Encodable {
            let id: String, kind: String, day: String, language: String, size_bucket: Int, cases: [String]
            /// The day her source asked for it to be withdrawn, or nil.
            let withdrawal_requested: String?
        }

        func run() throws {
            let entries = try vault.open().inbox().map {
                Entry(
                    id: $0.id.description, kind: $0.kind == .submission ? "submission" : "follow-up",
                    day: $0.day.description,
                    language: $0.language, size_bucket: $0.sizeBucket, cases: $0.cases.map(\.description),
                    withdrawal_requested: $0.withdrawal?.day.description)
            }
            if output.json { return try output.printUntrustedJSON(entries) }
            if entries.isEmpty { return print("No submissions yet.") }
            print("RECORD                            DAY         KIND        LANG  SIZE    CASES")
            for e in entries {
                let kind = e.kind.padding(toLength: 10, withPad: " ", startingAt: 0)
                let size = "\(e.size_bucket)".padding(toLength: 6, withPad: " ", startingAt: 0)
                let cases = e.cases.isEmpty ? "-" : e.cases.joined(separator: ",")
                let withdrawal = e.withdrawal_requested.map { "  withdrawal asked \($0)" } ?? ""
                TerminalText.print("\(e.id)  \(e.day)  \(kind)  \(e.language)    \(size)  \(cases)\(withdrawal)")
            }
            let asked = entries.filter { $0.withdrawal_requested != nil }.count
            if asked > 0 {
                print(
                    "\(counted(asked, "record")) marked 'withdrawal asked': the source asked for her testimony to be "
                        + "withdrawn; shred with `amanat shred RECORD` once decided.")
            }
        }
    }
}

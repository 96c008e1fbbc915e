import Foundation
import Testing

/// `amanat mailbox withdraw` and `amanat mailbox close`: a source's decisions from the command line, what the
/// administrator sees of them, and mailboxes `retention run` closes after twelve months unused.
@Suite("A source's mailbox from the command line")
struct MailboxCommandTests {
    @Test("she asks for withdrawal (inbox marks her records), then closes her mailbox", arguments: StoryTests.backends)
    func withdrawThenClose(backend: String) throws {
        let s = try StoryTests.Setup(database: backend == "PostgreSQL")
        let (record, codename) = try s.submit("Мой сын пропал.")
        let (other, _) = try s.submit("Другой рассказ.")
        try s.cli.ok(["reply", record, "--text-file", s.cli.write("r.txt", "Мы получили.")] + s.admin)
        let mine = ["AMANAT_CODENAME": codename]

        let asked = try s.cli.ok(["mailbox", "withdraw"], env: mine)
        #expect(asked.contains("Your request is filed") && asked.contains("(1 record)"), "\(asked)")
        let inbox = try s.cli.ok(["inbox"])
        let marked = inbox.split(separator: "\n").filter { $0.contains("  withdrawal asked 2") }
        #expect(marked.count == 1 && marked[0].hasPrefix(record), "\(inbox)")
        #expect(inbox.contains("1 record marked 'withdrawal asked'"), "\(inbox)")
        let json = try s.cli.ok(["inbox", "--json"])
        #expect(json.contains(#""withdrawal_requested" : ""#) && json.contains(other), "\(json)")

        // A script must say --yes; nothing is closed without it.
        let unasked = try s.cli.run(["mailbox", "close"], env: mine)
        #expect(unasked.status == 1 && unasked.err.contains("add --yes"), "\(unasked.err)")
        #expect(try s.cli.ok(["replies"], env: mine).contains("Мы получили."))

        let closed = try s.cli.ok(["mailbox", "close", "--yes", "--json"], env: mine)
        #expect(closed.contains(#""replies_deleted" : 1"#), "\(closed)")
        for arguments in [["replies"], ["mailbox", "close", "--yes"], ["mailbox", "withdraw"]] {
            let refused = try s.cli.run(arguments, env: mine)
            #expect(
                refused.status == 66 && refused.err.contains("mailbox was closed on"), "\(arguments) \(refused.err)")
        }
        let follow = try s.cli.run(
            ["submit", "--follow-up", "--text-file", s.cli.write("f.txt", "Ещё.")], env: mine)
        #expect(follow.status == 66 && follow.err.contains("submits it anew"), "\(follow.err)")
        let reply = try s.cli.run(["reply", record, "--text-file", s.cli.write("r2.txt", "?")] + s.admin)
        #expect(reply.status == 66, "\(reply.err)")
        try s.cli.ok(["read", record] + s.admin)
        try s.cli.ok(["audit", "--verify"])
        let wrong = try s.cli.run(
            ["mailbox", "withdraw"],
            env: ["AMANAT_CODENAME": "aardvark aback abate abdicate abdomen abet abide ability"])
        #expect(wrong.status == 3, "\(wrong.err)")
    }

    @Test("retention run closes a mailbox unused for twelve months, and says so")
    func expiry() throws {
        let s = try StoryTests.Setup()
        let (record, codename) = try s.submit("Мой сын пропал.")
        try s.cli.ok(["reply", record, "--text-file", s.cli.write("r.txt", "Мы получили.")] + s.admin)
        let later = ["AMANAT_TEST_TODAY": RetentionCommandTests.day(in: 366)]
        let dry = try s.cli.run(["retention", "run", "--dry-run"] + s.admin, env: later)
        #expect(dry.status == 0 && dry.out.contains("Would close 1 mailbox unused for twelve months."), "\(dry.out)")
        #expect(try s.cli.ok(["replies"], env: ["AMANAT_CODENAME": codename]).contains("Мы получили."))
        let ran = try s.cli.run(["retention", "run", "--json"] + s.admin, env: later)
        #expect(ran.status == 0 && ran.out.contains(#""mailboxes_closed" : 1"#), "\(ran.out) \(ran.err)")
        #expect(ran.out.contains(#""replies_deleted" : 1"#), "\(ran.out)")
        let replies = try s.cli.run(["replies"], env: ["AMANAT_CODENAME": codename])
        #expect(replies.status == 66 && replies.err.contains("closed on \(RetentionCommandTests.day(in: 366))"))
        try s.cli.ok(["read", record] + s.admin)
        try s.cli.ok(["audit", "--verify"])
    }
}

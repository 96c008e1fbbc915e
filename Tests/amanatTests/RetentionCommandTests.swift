import AmanatCrypto
import Foundation
import Testing

/// `amanat retention` and `amanat case close`: records kept as long as their cases say, then shredded by a run
/// that needs no terminal, whole or not at all even when killed.
@Suite("Retention from the command line")
struct RetentionCommandTests {
    /// The day `days` from now, as the CLI's test clock takes it.
    static func day(in days: Int) -> String {
        ISO8601DateFormatter.string(
            from: Date().addingTimeInterval(Double(days) * 86_400), timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withFullDate])
    }

    /// A case holding `records`, with a rule of 30 days after closing, closed today.
    static func closedCase(_ s: StoryTests.Setup, _ records: [String]) throws -> String {
        let caseID = try #require(CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "T"] + s.admin)))
        try s.cli.ok(["case", "assign", caseID] + records + s.admin)
        let set = try s.cli.ok(["retention", "set", caseID, "--days-after-close", "30"] + s.admin)
        #expect(set.contains("kept 30 days after it is closed (open); due once it is closed"), "\(set)")
        let closed = try s.cli.ok(["case", "close", caseID] + s.admin)
        #expect(closed.contains("is closed") && closed.contains("due \(Self.day(in: 31))"), "\(closed)")
        return caseID
    }

    @Test(
        "nothing goes before the day; then the case's records are shredded and a record kept elsewhere stays",
        arguments: StoryTests.backends)
    func run(backend: String) throws {
        let s = try StoryTests.Setup(database: backend == "PostgreSQL")
        let (first, _) = try s.submit("Первая запись.")
        let (second, _) = try s.submit("Вторая запись.")
        let (other, _) = try s.submit("Другое дело.")
        _ = try Self.closedCase(s, [first, second])
        let keeper = try #require(CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "K"] + s.admin)))
        try s.cli.ok(["case", "assign", keeper, second, other] + s.admin)

        let early = try s.cli.ok(["retention", "run", "--json"] + s.admin)
        #expect(early.contains(#""shredded" : [\#n\#n  ]"#) || early.contains(#""shredded" : []"#), "\(early)")
        let later = ["AMANAT_TEST_TODAY": Self.day(in: 31)]
        let dry = try s.cli.run(["retention", "run", "--dry-run", "--json"] + s.admin, env: later)
        #expect(dry.status == 0 && dry.out.contains(first) && dry.out.contains(#""kept" : ["#), "\(dry.out)")
        try s.cli.ok(["read", first] + s.admin)
        let ran = try s.cli.run(["retention", "run"] + s.admin, env: later)
        #expect(ran.status == 0 && ran.out.contains("Shredded 1 record of 1 case(s)"), "\(ran.out) \(ran.err)")
        #expect(ran.out.contains("Kept 1 filed also in a case that still keeps it"), "\(ran.out)")
        let gone = try s.cli.run(["read", first] + s.admin)
        #expect(gone.status == 66 && gone.err.contains("was shredded on"), "\(gone.err)")
        try s.cli.ok(["read", second] + s.admin)
        try s.cli.ok(["read", other] + s.admin)
        try s.cli.ok(["audit", "--verify"])
        let shown = try s.cli.ok(["retention", "show"])
        #expect(shown.contains("kept 30 days after it is closed (closed ") && shown.contains("kept for ever (open)"))
        let bad = try s.cli.run(["retention", "set", keeper, "--until", "soon"] + s.admin)
        #expect(bad.status == 64, "\(bad.err)")
    }

    @Test("killed with SIGKILL at moments spread over a run, each record is whole or shredded; the next run finishes")
    func killed() throws {
        let s = try StoryTests.Setup()
        var records: [String] = []
        for index in 0..<3 {
            let attachment = s.cli.path("scan-\(index).bin")
            try Data(SecureRandom.bytes(8 << 20)).write(to: URL(fileURLWithPath: attachment))
            records.append(try s.submit("Запись \(index).", ["--attach", attachment]).0)
        }
        _ = try Self.closedCase(s, records)
        let later = ["AMANAT_TEST_TODAY": Self.day(in: 31)]
        var cli = s.cli
        cli.environment.merge(later) { $1 }
        let arguments = ["retention", "run"] + s.admin
        let start = Date()
        _ = try cli.run(["audit", "--verify"])
        let measured = Date().timeIntervalSince(start)
        var sawWhole = false
        for step in 1...8 {
            try ShredCommandTests.runKilled(cli, arguments, after: measured * Double(step) / 3)
            let states = try records.map { record in try s.cli.run(["read", record] + s.admin) }
            for state in states {
                #expect(state.status == 0 || (state.status == 66 && state.err.contains("was shredded")), "\(state.err)")
            }
            try s.cli.ok(["audit", "--verify"])
            sawWhole = sawWhole || states.contains { $0.status == 0 }
            if states.allSatisfy({ $0.status == 66 }) { break }
        }
        #expect(sawWhole, "no kill landed before the run shredded the records")
        try cli.ok(arguments)
        for record in records { #expect(try s.cli.run(["read", record] + s.admin).status == 66) }
        let blobs = s.cli.path("vault/blobs")
        #expect(try FileManager.default.contentsOfDirectory(atPath: blobs).filter { !$0.hasPrefix(".") }.isEmpty)
    }
}

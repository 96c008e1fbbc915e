import Foundation
import Testing

/// The editor's workflow as she types it: plan, review, publish, export, verify.
@Suite("amanat publish, export-public, verify-projection")
struct PublishTests {
    static let statement =
        "Мою дочь Заиру Мусаеву забрали 14 марта 2016 года в "
        + "Карабулаке. Магомед видел это. Её номер +7 (928) 123-45-67.\n"

    /// A vault with one record in one case, an editor granted to publish, and a reader who may only read.
    struct Newsroom {
        let story: StoryTests.Setup
        let record: String
        let caseID: String
        let readerID: String

        init() throws {
            story = try StoryTests.Setup()
            let fields = try story.cli.write(
                "fields.json", #"{"people":[{"name":"Заира Мусаева","role":"дочь"}],"places":["Карабулак"]}"#)
            (record, _) = try story.submit(PublishTests.statement, ["--fields-file", fields])
            caseID = try #require(
                CLI.value(after: "Created case ", in: try story.cli.ok(["case", "new", "Мусаева"] + story.admin)))
            try story.cli.ok(["case", "assign", caseID, record] + story.admin)
            try story.cli.ok(["grant", caseID, "--to", story.lawyerKey, "--expires", "30d", "--publish"] + story.admin)
            readerID = story.cli.path("reader.id")
            let reader = try story.cli.ok(["identity", "new", "--out", readerID, "--passphrase-file", story.lawyerPass])
            try story.cli.ok(
                [
                    "grant", caseID, "--to", try #require(CLI.value(after: "Public key: ", in: reader)), "--expires",
                    "30d",
                ] + story.admin)
        }

        var cli: CLI { story.cli }

        /// Plans the record into `name` and returns the parsed plan.
        func plan(_ name: String = "plan.json") throws -> [String: Any] {
            try cli.ok(["redact", record, "--plan-out", cli.path(name)] + story.lawyer)
            let data = try Data(contentsOf: URL(fileURLWithPath: cli.path(name)))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        /// Writes `plan` with the action of the span holding `text` changed.
        func edit(_ plan: [String: Any], _ text: String, to action: String, into name: String) throws -> String {
            var plan = plan
            var spans = try #require(plan["spans"] as? [[String: Any]])
            for index in spans.indices where spans[index]["text"] as? String == text { spans[index]["action"] = action }
            plan["spans"] = spans
            let data = try JSONSerialization.data(withJSONObject: plan)
            return try cli.write(name, String(decoding: data, as: UTF8.self))
        }
    }

    @Test("plan, review, publish, export in three formats, verify; tampering and a wrong key fail")
    func workflow() throws {
        let n = try Newsroom()
        let plan = try n.plan()
        var info = stat()
        #expect(
            stat(n.cli.path("plan.json"), &info) == 0 && info.st_mode & 0o777 == 0o600,
            "the plan holds names: owner only")
        let reviewed = try n.edit(plan, "Магомед", to: "remove", into: "reviewed.json")
        let published = try n.cli.ok(["publish", n.record, "--plan", reviewed, "--label", "Case 14"] + n.story.lawyer)
        let projectionID = try #require(CLI.value(after: "Published projection ", in: published))
        let key = n.story.lawyerKey
        for format in ["md", "html", "json"] {
            try n.cli.ok(["export-public", n.caseID, "--format", format, "--out", n.cli.path("public")])
            let file = n.cli.path("public/\(projectionID).\(format)")
            let content = try String(contentsOfFile: file, encoding: .utf8)
            // The phone's pieces as written ("928" alone also turns up, by chance, in a random id or signature).
            let names = ["Заир", "Мусаев", "Карабулак", "Магомед"]
            let secrets = names + ["(928)", "123-45-67", "14 марта"]
            for secret in secrets {
                #expect(!content.contains(secret), "\(secret) in \(format)")
            }
            #expect(content.contains("Ингушетия") && content.contains("март 2016"))
            #expect(
                try n.cli.ok(["verify-projection", file, "--key", key]).hasPrefix("Good projection \(projectionID)"))
            // One changed character of the visible text, and the file no longer verifies.
            let tampered = try n.cli.write(
                "tampered.\(format)", content.replacingOccurrences(of: "видел", with: "видела"), mode: 0o644)
            #expect(try n.cli.run(["verify-projection", tampered, "--key", key]).status == 65)
        }
        let other = try n.cli.ok(["identity", "show", n.readerID])
        let wrongKey = try #require(CLI.value(after: "Public key: ", in: other))
        #expect(
            try n.cli.run(["verify-projection", n.cli.path("public/\(projectionID).md"), "--key", wrongKey]).status
                == 65)
        #expect(try n.cli.ok(["audit"]).contains("projection.publish"))
        try n.cli.ok(["audit", "--verify"])
    }

    @Test("a plan that keeps a listed name is refused with exit 5 and nothing is published")
    func leakRefused() throws {
        let n = try Newsroom()
        let kept = try n.edit(try n.plan(), "Карабулаке", to: "keep", into: "kept.json")
        let result = try n.cli.run(["publish", n.record, "--plan", kept] + n.story.lawyer)
        #expect(result.status == 5 && result.out.isEmpty)
        #expect(result.err.contains("case-term at") && !result.err.contains("Карабулак"))
        #expect(
            try n.cli.run(["export-public", n.caseID, "--format", "md", "--out", n.cli.path("public")]).status == 66)
    }

    @Test("a read-only grantee cannot publish; a malformed, loose or foreign plan is refused clearly")
    func refusals() throws {
        let n = try Newsroom()
        _ = try n.plan()
        let reader = ["--identity", n.readerID, "--passphrase-file", n.story.lawyerPass]
        #expect(try n.cli.run(["publish", n.record, "--plan", n.cli.path("plan.json")] + reader).status == 4)
        let malformed = try n.cli.write("bad.json", "{\"format\": ")
        let bad = try n.cli.run(["publish", n.record, "--plan", malformed] + n.story.lawyer)
        #expect(bad.status == 64 && bad.err.contains("not a redaction plan"))
        let loose = try n.cli.write(
            "loose.json", try String(contentsOfFile: n.cli.path("plan.json"), encoding: .utf8), mode: 0o644)
        #expect(try n.cli.run(["publish", n.record, "--plan", loose] + n.story.lawyer).status == 64)
        // A plan for another record.
        let (other, _) = try n.story.submit("Другой текст о Заире.")
        try n.cli.ok(["case", "assign", n.caseID, other] + n.story.admin)
        #expect(try n.cli.run(["publish", other, "--plan", n.cli.path("plan.json")] + n.story.lawyer).status == 64)
        // An existing plan file is never overwritten.
        #expect(
            try n.cli.run(["redact", n.record, "--plan-out", n.cli.path("plan.json")] + n.story.lawyer).status == 64)
        #expect(
            try n.cli.run(
                ["publish", n.record, "--plan", n.cli.path("plan.json"), "--excerpt", "9..5"] + n.story.lawyer
            ).status == 64)
    }

    @Test("case terms: the editor lists a name for the case; plans remove it, and an older plan keeping it is refused")
    func caseTerms() throws {
        let n = try Newsroom()
        // An older plan in which the editor chose to keep "Магомед" (a review candidate).
        let kept = try n.edit(try n.plan(), "Магомед", to: "keep", into: "kept.json")
        let names = try n.cli.write("names.txt", "Магомед Мусаев\nplace: Назрань\n", mode: 0o600)
        let added = try n.cli.run(["case", "terms", n.caseID, "--from-file", names] + n.story.lawyer)
        #expect(added.status == 0 && added.err.contains("now lists 2"), "\(added.err)")
        let listed = try n.cli.ok(["case", "terms", n.caseID, "--list", "--json"] + n.story.lawyer)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [String: Any])
        let terms = try #require(json["terms"] as? [[String: String]])
        #expect(terms == [["text": "Магомед Мусаев", "kind": "person"], ["text": "Назрань", "kind": "place"]])
        // The reader may list but not change; the refusal names the permission.
        let reader = ["--identity", n.readerID, "--passphrase-file", n.story.lawyerPass]
        #expect(try n.cli.run(["case", "terms", n.caseID, "--list"] + reader).status == 0)
        #expect(try n.cli.run(["case", "terms", n.caseID, "--add", "Ахмед"] + reader).status == 4)
        // The older plan is refused: the name is now on the case's list.
        let refused = try n.cli.run(["publish", n.record, "--plan", kept] + n.story.lawyer)
        #expect(refused.status == 5 && !refused.err.contains("Магомед"), "\(refused.err)")
        // A new plan finds it as a case term, with a label.
        let plan = try n.plan("plan2.json")
        let spans = try #require(plan["spans"] as? [[String: Any]])
        let magomed = try #require(spans.first { $0["text"] as? String == "Магомед" })
        #expect(magomed["detector"] as? String == "case-term" && magomed["action"] as? String == "pseudonymise")
        let published = try n.cli.run(["publish", n.record, "--plan", n.cli.path("plan2.json")] + n.story.lawyer)
        #expect(published.status == 0, "\(published.err)")
        // Removing, and removing what is not listed.
        let removed = try n.cli.run(["case", "terms", n.caseID, "--remove", "Назрань", "--list"] + n.story.lawyer)
        #expect(removed.status == 0 && !removed.out.contains("Назрань") && removed.out.contains("Магомед Мусаев"))
        #expect(try n.cli.run(["case", "terms", n.caseID, "--remove", "Грозный"] + n.story.lawyer).status == 64)
        #expect(try n.cli.run(["case", "terms", n.caseID] + n.story.lawyer).status == 64)
        try n.cli.ok(["audit", "--verify"])
    }

    @Test("export-public and verify-projection print one JSON object with --json, public values only")
    func json() throws {
        let n = try Newsroom()
        _ = try n.plan()
        let published = try n.cli.ok(
            ["publish", n.record, "--plan", n.cli.path("plan.json"), "--json"] + n.story.lawyer)
        let projection = try #require(try JSONSerialization.jsonObject(with: Data(published.utf8)) as? [String: Any])
        let id = try #require(projection["id"] as? String)
        let exported = try n.cli.ok([
            "export-public", n.caseID, "--format", "html", "--out", n.cli.path("pub"), "--json",
        ])
        let written = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        let files = try #require(written["files"] as? [[String: String]])
        #expect(written["format"] as? String == "html" && files.map { $0["projection"] } == [id])
        let path = try #require(files.first?["path"])
        let verified = try n.cli.ok(["verify-projection", path, "--key", n.story.lawyerKey, "--json"])
        let good = try #require(try JSONSerialization.jsonObject(with: Data(verified.utf8)) as? [String: String])
        #expect(good["projection"] == id && good["format"] == "html" && good["language"] == "ru")
        #expect(!verified.contains("Заир") && !exported.contains("Заир"))
        // A bad file is still an error with no JSON on standard output.
        try n.cli.write("bad.html", "<p>nothing signed</p>", mode: 0o644)
        let bad = try n.cli.run(["verify-projection", n.cli.path("bad.html"), "--key", n.story.lawyerKey, "--json"])
        #expect(bad.status == 65 && bad.out.isEmpty)
    }
}

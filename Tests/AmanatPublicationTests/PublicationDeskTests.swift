import AmanatCrypto
import AmanatPublication
import AmanatRedaction
import AmanatTestSupport
import AmanatVault
import Foundation
import Testing

@Suite("Publishing through the desk: the case's terms, every record's fields, decisions required")
struct PublicationDeskTests {
    /// A case of two records: the mother's (her son and her town in its fields; a neighbour named only in
    /// the text) and a brother's (the neighbour in its fields). An editor holds a publish grant.
    struct Newsroom {
        let t: TestVault
        let mother: Testimony.ID
        let brother: Testimony.ID
        let caseID: Case.ID
        let editor = Identity()
        let desk: PublicationDesk

        static let statement =
            "Моего сына Руслана Хакиева забрали 14 марта 2016 года в "
            + "Малгобеке. Сосед Заур Бекиев видел машину. "
            + "Потом приходил Ислам Тагиров и сказал, что Руслана "
            + "увезли."

        init() throws {
            t = try TestVault()
            (mother, _) = try t.submit(
                Testimony(
                    statement: Self.statement, people: [.init(name: "Руслан Хакиев", role: "сын")],
                    places: ["Малгобек"], language: "ru"))
            (brother, _) = try t.submit(
                Testimony(
                    statement: "Брат пишет о том "
                        + "же дне.", people: [.init(name: "Ислам Тагиров", role: "свидетель")],
                    language: "ru"))
            caseID = try t.makeCase([mother, brother])
            try t.grant(caseID, to: editor, permissions: .readAndPublish)
            desk = PublicationDesk(vault: t.vault, as: .grantee(editor))
        }

        func request(_ plan: RedactionPlan) throws -> PublicationRequest {
            let json = try PlanDocument.encode(plan)
            return PublicationRequest(record: mother, plan: json.withUnsafeBytes { SecretBytes(copying: $0) })
        }

        func published() throws -> [Projection] { try t.vault.projections(case: caseID) }
    }

    static let names = ["Руслан", "Хакиев", "Малгобек", "Заур", "Бекиев", "Ислам", "Тагиров"]

    @Test("the case's terms and the other record's fields are in the plan; the default plan publishes no name")
    func defaultPlan() throws {
        let n = try Newsroom()
        try n.t.vault.setCaseTerms(
            [CaseTerm(text: "Заур Бекиев", kind: .person)], for: n.caseID, as: .grantee(n.editor))
        let plan = try n.desk.proposePlan(for: n.mother)
        #expect(plan.terms.map(\.text).contains("Заур Бекиев") && plan.terms.map(\.text).contains("Ислам Тагиров"))
        #expect(plan.spans.allSatisfy { $0.action != .keep && $0.action != .undecided })
        let (projection, caseID) = try n.desk.publish(try n.request(plan))
        #expect(caseID == n.caseID)
        for name in Self.names { #expect(!projection.text.contains(name), "\(name) was published") }
        #expect(try n.published() == [projection])
    }

    @Test("a name added to the case after the plan was made stops publication, and nothing is stored")
    func termAddedLater() throws {
        let n = try Newsroom()
        let plan = try n.desk.proposePlan(for: n.mother)
        // The editor keeps what the detectors were unsure of; then a colleague lists the neighbour.
        var kept = plan
        for index in kept.spans.indices where kept.spans[index].detector == .candidate {
            kept.spans[index].action = .keep
        }
        try n.t.vault.setCaseTerms(
            [CaseTerm(text: "Заур Бекиев", kind: .person)], for: n.caseID, as: .grantee(n.editor))
        #expect { try n.desk.publish(try n.request(kept)) } throws: {
            if case .leak = $0 as? PublicationError { true } else { false }
        }
        #expect(try n.published().isEmpty)
    }

    @Test("a plan holding a 1 MB term is refused at once, and nothing is stored (found by fuzzing)")
    func hugeTerm() throws {
        let n = try Newsroom()
        var plan = try n.desk.proposePlan(for: n.mother)
        plan.terms.append(RedactionPlan.Term(text: String(repeating: "Заур", count: 250_000), kind: .person))
        #expect { try n.desk.publish(try n.request(plan)) } throws: {
            if case .invalidPlan(let reason) = $0 as? AmanatRedactionError { reason.contains("1000000") } else { false }
        }
        #expect(try n.published().isEmpty)
    }

    @Test("a name in another record's fields is found in this record's text")
    func otherRecordsFields() throws {
        let n = try Newsroom()
        let plan = try n.desk.proposePlan(for: n.mother)
        let islam = try #require(plan.terms.firstIndex { $0.text == "Ислам Тагиров" })
        #expect(plan.spans.contains { $0.detector == .caseTerm && $0.term == islam })
        var kept = plan
        for index in kept.spans.indices where kept.spans[index].term == islam { kept.spans[index].action = .keep }
        #expect { try n.desk.publish(try n.request(kept)) } throws: {
            if case .leak = $0 as? PublicationError { true } else { false }
        }
    }

    @Test("a span left undecided stops publication, naming how many and where; nothing is stored")
    func undecided() throws {
        let n = try Newsroom()
        var plan = try n.desk.proposePlan(for: n.mother)
        plan.spans[0].action = .undecided
        plan.spans[plan.spans.count - 1].action = .undecided
        #expect(throws: AmanatRedactionError.undecidedSpans(count: 2, first: plan.spans[0].start..<plan.spans[0].end)) {
            try n.desk.publish(try n.request(plan))
        }
        #expect(try n.published().isEmpty)
    }

    @Test("a review candidate that reads like a family name is labelled by default, one that does not is removed")
    func candidates() throws {
        let t = try TestVault()
        let (record, _) = try t.submit(
            Testimony(
                statement: "Её видели с Мурадовым у "
                    + "Казбека.", people: [], language: "ru"))
        let caseID = try t.makeCase([record])
        let plan = try PublicationDesk(vault: t.vault, as: .administrator(t.administrator)).proposePlan(for: record)
        let actions = Dictionary(plan.spans.map { ($0.text, $0.action) }, uniquingKeysWith: { first, _ in first })
        #expect(actions["Мурадовым"] == .pseudonymise)
        #expect(actions["Казбека"] == .remove)
        _ = caseID
    }

    @Test("a plan for another record, a record in no case, and a reader's grant are refused")
    func refusals() throws {
        let n = try Newsroom()
        let plan = try n.desk.proposePlan(for: n.mother)
        var request = try n.request(plan)
        request.record = n.brother
        #expect { try n.desk.publish(request) } throws: {
            if case .planForAnotherRecord = $0 as? PublicationError { true } else { false }
        }
        let (loose, _) = try n.t.submit("Без дела.")
        request.record = loose
        var free = plan
        free.record = nil
        request.plan = try PlanDocument.encode(free).withUnsafeBytes { SecretBytes(copying: $0) }
        #expect(throws: PublicationError.recordInNoCase(record: loose.description)) { try n.desk.publish(request) }
        let reader = Identity()
        try n.t.grant(n.caseID, to: reader)
        #expect(throws: AmanatVaultError.self) {
            try PublicationDesk(vault: n.t.vault, as: .grantee(reader)).publish(try n.request(plan))
        }
        #expect(try n.published().isEmpty)
    }

    @Test("only AmanatPublication reaches the vault's publish call")
    func onlyPath() throws {
        let sources = TestPython.repository.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
        var users: [String] = []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            if text.contains("@_spi(Publication) ") && !text.contains("@_spi(Publication)\n") { users.append(file) }
        }
        #expect(users.allSatisfy { $0.hasPrefix("AmanatPublication/") } && !users.isEmpty, "\(users)")
    }
}

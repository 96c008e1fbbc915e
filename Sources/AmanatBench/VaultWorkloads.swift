@_spi(Benchmarks) import AmanatCrypto
import AmanatVault
import Foundation

/// Vault workloads for `make bench` (issue: submit scaling, grants, revocation, attachments, opening).
/// Each runs in a child process and prints "key=value" figures on one line plus the peak memory.
enum VaultWorkloads {
    static func run(_ mode: String, _ arguments: [String]) throws -> Bool {
        // These workloads measure storage over a hundred thousand submissions, not key stretching: their
        // vaults use 1 pass over 8 KiB for codenames, which only this process may accept (SPI, no switch).
        Argon2id.allowWeakParametersInThisProcess()
        switch mode {
        case "vault-submit": try submitScaling(total: Int(arguments[0])!, window: Int(arguments[1])!)
        case "vault-grant": try grantAndRevoke(records: Int(arguments[0])!)
        case "vault-attach": try attach(path: arguments[0])
        case "vault-submit-postgresql":
            try PostgreSQLWorkloads.submitScaling(
                small: arguments[0], large: arguments[1], total: Int(arguments[2])!, window: Int(arguments[3])!,
                rounds: Int(arguments[4])!)
        default: return false
        }
        return true
    }

    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "amanat-bench-vault-\(getpid())-\(UUID().uuidString)"
        ).path
        return path
    }

    static let testimony = Testimony(
        statement: String(repeating: "Мой сын ушёл и не вернулся. ", count: 20),
        people: [.init(name: "Ахмед", role: "сын")], places: ["Карабулак"], language: "ru")

    /// Submits `total` records; reports the cost per record over the first and the last `window`.
    static func submitScaling(total: Int, window: Int) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let administrator = Identity()
        let vault = try Vault.create(
            at: directory, administrator: administrator, codenameParameters: .minimumForTesting)
        var first = 0.0
        var last = 0.0
        var start = Clock.now()
        for index in 0..<total {
            if index == window { first = (Clock.now() - start) / Double(window) }
            if index == total - window { start = Clock.now() }
            _ = try vault.submit(testimony)
        }
        last = (Clock.now() - start) / Double(window)
        // Opening throughput: the administrator opens the last `window` records.
        let ids = try vault.inbox().suffix(window).map(\.id)
        start = Clock.now()
        for id in ids { _ = try vault.open(id, as: .administrator(administrator)) }
        let opening = Double(ids.count) / (Clock.now() - start)
        print(
            "first_ms=\(first * 1000) last_ms=\(last * 1000) open_per_s=\(opening) "
                + "peak_kib=\(Workloads.peakResidentKiB())"
        )
    }

    /// Grant time on a 1-record and an n-record case, and revocation of the n-record case.
    static func grantAndRevoke(records: Int) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let administrator = Identity()
        let vault = try Vault.create(
            at: directory, administrator: administrator, codenameParameters: .minimumForTesting)
        let ids = try (0..<records).map { _ in try vault.submit(testimony).record }
        let small = try vault.createCase(title: "one", administrator: administrator)
        try vault.assign([ids[0]], to: small, administrator: administrator)
        let large = try vault.createCase(title: "many", administrator: administrator)
        try vault.assign(ids, to: large, administrator: administrator)
        let expires = Day.today().adding(days: 30)
        func timeGrant(_ caseID: Case.ID) throws -> Double {
            let start = Clock.now()
            _ = try vault.issueGrant(
                case: caseID, to: Identity().publicKey, expires: expires, administrator: administrator)
            return Clock.now() - start
        }
        // Grants on the two cases alternate, so disk and machine noise (each grant is one fsync'd
        // transaction) hits both alike; the ratio is the median of the 21 paired ratios.
        var small1: [Double] = []
        var largeN: [Double] = []
        var ratios: [Double] = []
        for _ in 0..<21 {
            let s = try timeGrant(small)
            let l = try timeGrant(large)
            small1.append(s)
            largeN.append(l)
            ratios.append(l / s)
        }
        let grantSmall = small1.sorted()[10]
        let grantLarge = largeN.sorted()[10]
        let grantRatio = ratios.sorted()[10]
        let target = try vault.grants(case: large).first!.id
        let start = Clock.now()
        try vault.revoke(target, administrator: administrator)
        let revoke = Clock.now() - start
        print(
            "grant1_ms=\(grantSmall * 1000) grantN_ms=\(grantLarge * 1000) grant_ratio=\(grantRatio) "
                + "revokeN_ms=\(revoke * 1000) peak_kib=\(Workloads.peakResidentKiB())"
        )
    }

    /// Attaches the file at `path` to one submission; reports time and peak memory.
    static func attach(path: String) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let vault = try Vault.create(at: directory, administrator: Identity(), codenameParameters: .minimumForTesting)
        let start = Clock.now()
        _ = try vault.submit(testimony, attachments: [AttachmentSource(path: path)])
        print("attach_s=\(Clock.now() - start) peak_kib=\(Workloads.peakResidentKiB())")
    }
}

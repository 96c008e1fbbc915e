@_spi(Benchmarks) import AmanatCrypto
import AmanatVault
import Foundation

/// The PostgreSQL workload of `make bench` (Scripts/bench-postgresql.py runs it): what one submission costs
/// in a vault of a thousand records and in one of a million.
enum PostgreSQLWorkloads {
    /// What one submission costs in a small vault (`small`, up to `rounds` × `window` records) and in one that
    /// holds `total` (`large`, filled in bulk by SQL first): windows of `window` submissions alternate between
    /// the two, `rounds` times, so that the machine's drift (fsync latency above all) hits both alike; prints
    /// the medians of each side's windows and of the paired ratios, and the write-ahead log per submission.
    static func submitScaling(small: String, large: String, total: Int, window: Int, rounds: Int) throws {
        Argon2id.allowWeakParametersInThisProcess()
        let vaults = try [small, large].map {
            try Vault.create(VaultLocation($0), administrator: Identity(), codenameParameters: .minimumForTesting)
        }
        // The mean time of a submission over a window, and the write-ahead log it wrote.
        func timedWindow(_ vault: Vault, _ url: String) throws -> (seconds: Double, walBytes: Double) {
            let lsn = try psql(url, "SELECT pg_current_wal_insert_lsn()")
            let start = Clock.now()
            for _ in 0..<window { _ = try vault.submit(VaultWorkloads.testimony) }
            let seconds = (Clock.now() - start) / Double(window)
            let wal = try psql(url, "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '\(lsn)')")
            return (seconds, (Double(wal) ?? 0) / Double(window))
        }
        _ = try vaults[1].submit(VaultWorkloads.testimony)
        let filled = max(0, total - 1 - rounds * window)
        let start = Clock.now()
        try fill(url: large, count: filled)
        let fillSeconds = Clock.now() - start
        var smallRuns: [(seconds: Double, walBytes: Double)] = [], largeRuns = smallRuns, ratios: [Double] = []
        for round in 0..<rounds {
            printError("    round \(round + 1)/\(rounds)…\n")
            let order = round % 2 == 0 ? [0, 1] : [1, 0]
            var pair: [Int: (seconds: Double, walBytes: Double)] = [:]
            for index in order { pair[index] = try timedWindow(vaults[index], [small, large][index]) }
            smallRuns.append(pair[0]!)
            largeRuns.append(pair[1]!)
            ratios.append(pair[1]!.seconds / pair[0]!.seconds)
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        print(
            "small_ms=\(median(smallRuns.map(\.seconds)) * 1000) large_ms=\(median(largeRuns.map(\.seconds)) * 1000) "
                + "ratio=\(median(ratios)) small_wal=\(median(smallRuns.map(\.walBytes))) "
                + "large_wal=\(median(largeRuns.map(\.walBytes))) filled=\(filled) fill_s=\(fillSeconds) "
                + "peak_kib=\(Workloads.peakResidentKiB())")
    }

    /// Adds `count` records (mailbox, record and audit entry each, as a submission writes them) in chunks of
    /// 50,000, with random bytes of the sizes a real record of this vault has: every table and index grows
    /// as a million submissions would make it grow, in minutes instead of hours. The audit entries' hashes
    /// are random, so the bulk vault's log does not verify: it is thrown away after the run.
    static func fill(url: String, count: Int) throws {
        try psql(url, "CREATE EXTENSION IF NOT EXISTS pgcrypto")
        let shape = try psql(
            url,
            #"SELECT length("wrappedKey"), length("body"), "sizeBucket", "kind", "day", "language" "#
                + #"FROM "testimony" LIMIT 1"#
        ).split(separator: "|").map(String.init)
        guard shape.count == 6, let keyLength = Int(shape[0]), let bodyLength = Int(shape[1]) else {
            throw BenchError("the bench vault has no record to copy the shape of")
        }
        let (bucket, kind, day, language) = (shape[2], shape[3], shape[4], shape[5])
        // gen_random_bytes gives at most 1,024 bytes a call.
        let body = stride(from: 0, to: bodyLength, by: 1024).map { "gen_random_bytes(\(min(1024, bodyLength - $0)))" }
            .joined(separator: " || ")
        let chunk = 50_000
        for first in stride(from: 1, through: count, by: chunk) {
            let last = min(count, first + chunk - 1)
            printError("    filling records \(first) to \(last) of \(count)…\n")
            let series = "FROM generate_series(\(first), \(last)) i"
            try psql(
                url,
                """
                BEGIN;
                INSERT INTO "mailbox" SELECT decode(md5('m' || i), 'hex'), gen_random_bytes(32), '\(day)' \(series);
                INSERT INTO "testimony" SELECT decode(md5('t' || i), 'hex'), \(kind), decode(md5('m' || i), 'hex'),
                    '\(day)', '\(language)', \(bucket), gen_random_bytes(\(keyLength)), \(body) \(series);
                INSERT INTO "auditEntry" SELECT (SELECT max("sequence") FROM "auditEntry") + i - \(first) + 1,
                    '\(day)', NULL, 'submit', md5('t' || i), gen_random_bytes(32), gen_random_bytes(32), NULL
                    \(series);
                COMMIT;
                """)
        }
        try psql(url, "VACUUM ANALYZE")
    }

    @discardableResult
    private static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("psql failed on the bench database") }
        return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

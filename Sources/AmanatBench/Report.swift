import AmanatCrypto

#if canImport(Glibc)
import Glibc
#endif

/// The benchmark's results as a Markdown table.
struct Report: CustomStringConvertible {
    let rows: [Row]
    let vault: VaultFigures
    let peers: [String: PeerBench.Figures]
    let redaction: (milliseconds: Double, words: Int)
    let redactionProcesses: (bench: RedactionProcesses, figures: RedactionProcesses.Figures)?
    let intake: IntakeLoad?
    let options: BenchOptions

    var description: String {
        var lines: [String] = []
        lines.append("# Benchmarks")
        lines.append("")
        lines.append(
            "Written by `make bench` (release build). Each workload runs in its own process, \(options.rounds) "
                + "rounds, C and Swift alternating within each round; figures are medians."
        )
        lines.append(
            "The C baseline (`Sources/SodiumBaseline/main.c`) calls libsodium directly and does the same work as the "
                + "Swift API. The ratio is Swift's throughput over C's (1.00× = as fast; above 1 = faster), the "
                + "median of the per-round ratios of a C run and the Swift run right after it, so that drift in "
                + "this shared machine's speed cancels; the two throughput columns are each side's own median."
        )
        lines.append("")
        lines.append(
            "Fuzzing (hours, executions and findings of each parser's runs) is reported in "
                + "[fuzzing.md](fuzzing.md)."
        )
        lines.append("")
        lines.append(
            "Machine: \(cpuModel()), \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores; libsodium "
                + "\(CryptoLibrary.libsodiumVersion)."
        )
        lines.append("")
        lines.append("| Workload | C libsodium | Swift AmanatCrypto | Swift ÷ C | Target | Met |")
        lines.append("|---|---:|---:|---:|---:|:---:|")
        for row in rows {
            let target = row.target.map { "≥ \(format($0, 2))×" } ?? "—"
            let met = row.target.map { row.ratio >= $0 ? "yes" : "**no**" } ?? "—"
            lines.append(
                "| \(row.name) | \(format(row.c, 1)) \(row.unit) | \(format(row.swift, 1)) \(row.unit) | "
                    + "\(format(row.ratio, 2))× | \(target) | \(met) |"
            )
        }
        lines.append("")
        lines.append("## Peak resident memory")
        lines.append("")
        lines.append(
            "Largest peak resident set (VmHWM) of any round, whole process. Target for streaming "
                + "\(options.streamMiB) MiB through files: under 32 MiB."
        )
        lines.append("")
        lines.append("| Workload | C libsodium | Swift AmanatCrypto | Met |")
        lines.append("|---|---:|---:|:---:|")
        for row in rows {
            let streaming = row.name.contains("file → file")
            let met = streaming ? (row.swiftPeakKiB < 32 * 1024 ? "yes" : "**no**") : "—"
            lines.append("| \(row.name) | \(mebibytes(row.cPeakKiB)) | \(mebibytes(row.swiftPeakKiB)) | \(met) |")
        }
        lines.append("")
        lines.append(
            "Notes: the sealed-box workloads keep every box in memory, so their peak grows with the count on both "
                + "sides."
        )
        lines.append(
            "The \"page cache → discard\" rows measure the cryptography (input already cached, output dropped); "
                + "the \"file → file\" rows"
        )
        lines.append(
            "include writing a new file, fsync and rename, as `SecretStream.encryptFile`/`decryptFile` do, and so "
                + "depend on the disk."
        )
        lines.append("")
        lines += vault.lines(format: format, mebibytes: mebibytes)
        lines += peerLines()
        lines += [
            "", "## Redaction", "",
            "A \(redaction.words)-word Russian testimony (one word in fifty a name, place, phone or date), planned "
                + "as an editor gets it",
            "(every detector and the review candidates), then the plan applied (pseudonyms, generalised dates and "
                + "places) and the result",
            "leak-checked with every detector again; in-process, release build, median of 7 runs after a warm-up.", "",
            "| Measure | Value | Target | Met |", "|---|---:|---:|:---:|",
            "| plan + apply + leak check | \(format(redaction.milliseconds, 1)) ms | < 100 ms | \(redaction.milliseconds < 100 ? "yes" : "**no**") |",
        ]
        if let (bench, figures) = redactionProcesses { lines += bench.lines(figures, format: format) }
        lines += intake?.lines(format: format) ?? []
        return lines.joined(separator: "\n") + "\n"
    }

    static func write(_ report: Report, to path: String) throws {
        let writer = try AtomicFileWriter(path: path, permissions: 0o644, overwrite: true)
        try Array(report.description.utf8).withUnsafeBytes { try writer.write($0) }
        try writer.commit()
    }

    func format(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        if decimals == 0 { return "\(Int(value.rounded()))" }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let rounded = (value * factor).rounded() / factor
        var text = "\(rounded)"
        if let dot = text.firstIndex(of: ".") {
            let have = text.distance(from: dot, to: text.endIndex) - 1
            if have < decimals { text += String(repeating: "0", count: decimals - have) }
        }
        return text
    }

    /// The peer table: amanat export/open against age and gpg on the same file.
    func peerLines() -> [String] {
        guard let amanat = peers["amanat"], let age = peers["age"], let gpg = peers["gpg"] else { return [] }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let a = (median(amanat.encrypt), median(amanat.decrypt))
        let g = (median(age.encrypt), median(age.decrypt))
        let p = (median(gpg.encrypt), median(gpg.decrypt))
        func met(_ ok: Bool) -> String { ok ? "yes" : "**no**" }
        var lines = [
            "", "## Peers: the same \(options.streamMiB) MiB file to one recipient", "",
            "Whole processes timed by GNU time (`%e` wall seconds, `%M` peak resident memory), median of "
                + "\(options.rounds) rounds, the three tools",
            "alternating in each round. amanat: `amanat export` of a case whose record holds the file (the vault "
                + "already stores it encrypted;",
            "the bundle copies the ciphertext and signs it) and `amanat open` of the bundle (verify, then decrypt "
                + "into a file). age 1.1 (`age -r`,",
            "`age -d`) and GnuPG 2.2 (`gpg --encrypt`/`--decrypt` with its defaults, compression included) from "
                + "Debian.",
            "Each amanat command also unlocks an identity file at the weakest Argon2id setting a release build "
                + "accepts (2 passes,",
            "64 MiB); age's key file and gpg's key have no passphrase.", "",
            "| Tool | encrypt | decrypt | peak memory (enc / dec) |", "|---|---:|---:|---:|",
        ]
        for (name, figures) in [("amanat", amanat), ("age", age), ("gpg", gpg)] {
            lines.append(
                "| \(name) | \(format(median(figures.encrypt), 2)) s | \(format(median(figures.decrypt), 2)) s | "
                    + "\(mebibytes(figures.encryptPeak)) / \(mebibytes(figures.decryptPeak)) |"
            )
        }
        lines += [
            "", "| Target | Measured | Met |", "|---|---:|:---:|",
            "| amanat no slower than age (encrypt + decrypt) | \(format((a.0 + a.1) / (g.0 + g.1), 2))× age's time "
                + "| \(met(a.0 + a.1 <= g.0 + g.1)) |",
            "| amanat at least 2× faster than gpg (encrypt + decrypt) | \(format((p.0 + p.1) / (a.0 + a.1), 2))× "
                + "faster | \(met(p.0 + p.1 >= 2 * (a.0 + a.1))) |",
            "| amanat memory flat in file size (peak under 64 MiB for \(options.streamMiB) MiB) | "
                + "\(mebibytes(max(amanat.encryptPeak, amanat.decryptPeak))) | "
                + "\(met(max(amanat.encryptPeak, amanat.decryptPeak) < 64 * 1024)) |",
        ]
        return lines
    }

    func mebibytes(_ kib: Int) -> String { "\(format(Double(kib) / 1024, 1)) MiB" }

    private func cpuModel() -> String {
        guard let reader = try? FileReader(path: "/proc/cpuinfo") else { return "unknown CPU" }
        var r = reader
        var buffer = [UInt8](repeating: 0, count: 8192)
        let n = (try? buffer.withUnsafeMutableBytes { try r.readFully(into: $0) }) ?? 0
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingPrefixSpaces() } ?? "unknown CPU"
        }
        return "unknown CPU"
    }
}

extension Substring {
    func trimmingPrefixSpaces() -> String { String(drop(while: { $0 == " " || $0 == "\t" })) }
}

/// The vault's figures: one run each (they are long), in their own processes.
struct VaultFigures {
    let records: Int
    let grantRecords: Int
    let attachMiB: Int
    let submit: [String: Double]
    let grant: [String: Double]
    let attach: [String: Double]

    func lines(format: (Double, Int) -> String, mebibytes: (Int) -> String) -> [String] {
        let first = submit["first_ms"] ?? .nan
        let last = submit["last_ms"] ?? .nan
        let g1 = grant["grant1_ms"] ?? .nan
        let gN = grant["grantN_ms"] ?? .nan
        let gRatio = grant["grant_ratio"] ?? .nan
        let attachPeak = Int(attach["peak_kib"] ?? -1)
        func met(_ ok: Bool) -> String { ok ? "yes" : "**no**" }
        return [
            "## Vault (embedded SQLite, one process per workload)",
            "",
            "Submissions use the API as a source does (sealed record key, padded and encrypted body, one transaction "
                + "with its audit entry, fsync), with the",
            "smallest Argon2id setting for codenames so that the figures show the storage, not the key stretching.",
            "",
            "| Measure | Value | Target | Met |",
            "|---|---:|---:|:---:|",
            "| submit, cost per record over the first 1,000 | \(format(first, 3)) ms | — | — |",
            "| submit, cost per record over the last 1,000 of \(records) | \(format(last, 3)) ms | ≤ 1.5× the "
                + "first | \(met(last <= 1.5 * first)) (\(format(last / first, 2))×) |",
            "| open (administrator), records per second | \(format(submit["open_per_s"] ?? .nan, 0)) /s | — | — |",
            "| grant on a 1-record case (median of 21, alternating with the next row) | \(format(g1, 3)) ms | — "
                + "| — |",
            "| grant on a \(grantRecords)-record case (median of 21) | \(format(gN, 3)) ms | ≤ 1.2× the 1-record "
                + "grant (median of paired ratios) | \(met(gRatio <= 1.2)) (\(format(gRatio, 2))×) |",
            "| revoke on the \(grantRecords)-record case (re-wraps every record key) | \(format(grant["revokeN_ms"] ?? .nan, 1)) ms | — | — |",
            "| attach a \(attachMiB) MiB file | \(format(attach["attach_s"] ?? .nan, 2)) s | — | — |",
            "| attach a \(attachMiB) MiB file, peak resident memory | \(mebibytes(attachPeak)) | ≤ 64 MiB | "
                + "\(met(attachPeak >= 0 && attachPeak <= 64 * 1024)) |",
            "| submitting \(records) records, peak resident memory | \(mebibytes(Int(submit["peak_kib"] ?? -1))) | — | — |",
        ]
    }
}

import Foundation

/// The web intake under load: `Scripts/load-intake.py` starts `amanat serve` (release build, real
/// codename setting) on loopback, fires 200 concurrent submissions with attachments, samples the
/// server's resident memory, stops it with SIGTERM, and opens every record with the CLI.
struct IntakeLoad {
    /// What the script reported (its `--json` object).
    let figures: [String: Any]

    /// Runs the load test with `amanat`.
    static func run(amanat: String) throws -> IntakeLoad {
        let python =
            FileManager.default.isExecutableFile(atPath: ".venv/bin/python3") ? ".venv/bin/python3" : "/usr/bin/python3"
        let output = try Spawn.run(
            python,
            [
                "Scripts/load-intake.py", "--amanat", amanat, "--submissions", "200", "--concurrency", "200",
                "--attachment-kib", "256", "--json",
            ])
        guard let start = output.firstIndex(of: "{"),
            let object = try JSONSerialization.jsonObject(with: Data(output[start...].utf8)) as? [String: Any]
        else {
            throw BenchError("the intake load test printed no results")
        }
        return IntakeLoad(figures: object)
    }

    private func number(_ path: String...) -> Double? {
        var value: Any? = figures
        for key in path { value = (value as? [String: Any])?[key] }
        return (value as? NSNumber)?.doubleValue
    }

    /// The Markdown section.
    func lines(format: (Double, Int) -> String) -> [String] {
        func show(_ value: Double?, _ decimals: Int, _ unit: String) -> String {
            value.map { "\(format($0, decimals)) \(unit)" } ?? "—"
        }
        let accepted = number("load", "accepted") ?? 0, failed = number("load", "failed") ?? 0
        let verified = number("verification", "records_opened_and_matched") ?? 0
        let peak = number("memory", "vmhwm_mib"), bound = number("bound", "bound_this_run_mib")
        let ok = (figures["ok"] as? Bool) == true
        return [
            "", "## Web intake under load", "",
            "`Scripts/load-intake.py`: `amanat serve` (this release build, the vault's real codename setting: "
                + "Argon2id 64 MiB, at most 2 at once)",
            "on loopback; 200 clients submit at once, each a statement with a 256 KiB and a 32 KiB file; the "
                + "server's resident memory is sampled",
            "every 50 ms; then SIGTERM, and every record is opened with `amanat read` and its files compared by "
                + "SHA-256.",
            "",
            "| Measure | Value | Target | Met |", "|---|---:|---:|:---:|",
            "| submissions accepted / failed | \(Int(accepted)) / \(Int(failed)) | 200 / 0 | \(accepted == 200 && failed == 0 ? "yes" : "**no**") |",
            "| records that open with every file intact | \(Int(verified)) | 200 | \(verified == 200 ? "yes" : "**no**") |",
            "| throughput | \(show(number("load", "throughput_per_s"), 1, "submissions/s")) | — | — |",
            "| latency median / p95 / max | \(show(number("load", "latency_s", "median"), 2, "s")) / \(show(number("load", "latency_s", "p95"), 2, "s")) / \(show(number("load", "latency_s", "max"), 2, "s")) | — | — |",
            "| server peak resident memory (VmHWM) | \(show(peak, 1, "MiB")) | ≤ \(show(bound, 0, "MiB")) (the bound below) | \(peak != nil && bound != nil && peak! <= bound! ? "yes" : "**no**") |",
            "| idle before the load | \(show(number("baseline_rss_mib"), 1, "MiB")) | — | — |",
            "| shutdown on SIGTERM | \(show(number("shutdown", "seconds"), 2, "s")) | — | — |",
            "| whole test passed | \(ok ? "yes" : "no") | yes | \(ok ? "yes" : "**no**") |",
            "",
            "The bound: idle memory + key derivations at once × 64 MiB (Argon2id; the server runs at most 2, the "
                + "rest wait in line) + requests",
            "in flight × what one request holds while its body is read (network buffers of at most 10 reads of 64 "
                + "KiB, the form parser's buffer,",
            "one 64 KiB chunk of plaintext in protected memory, one frame, and the form's text fields, at most 1.1 "
                + "MiB). Files are streamed",
            "to disk encrypted and never held whole; the request limit (`--max-requests`, 256) caps the last term: \(show(number("bound", "bound_at_max_requests_mib"), 0, "MiB")) at 256 requests.",
        ]
    }
}

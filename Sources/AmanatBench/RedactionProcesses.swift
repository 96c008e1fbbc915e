import AmanatCrypto
#if canImport(Glibc)
import Glibc
#endif

/// `amanat redact` as an editor runs it: whole processes, start-up included, against `amanat --version`
/// (which loads the same binary and does nothing else). Rounds alternate the three commands so that drift
/// in the machine's speed hits all of them; each figure is a median over the rounds.
struct RedactionProcesses {
    /// Median CPU time (user + system) and wall time of each command, in milliseconds.
    struct Figures {
        let version: (cpu: Double, wall: Double)
        let oneLine: (cpu: Double, wall: Double)
        let testimony: (cpu: Double, wall: Double)
        let words: Int
        let terms: Int
        let rounds: Int

        /// CPU time of a one-line redaction over that of `--version`.
        var startUpRatio: Double { oneLine.cpu / version.cpu }
    }

    /// The case's list: four people and two places, as the vault's plans hold them.
    static let terms = [
        "Заира Мусаева", "place:Карабулак", "Ахмед Хакиев", "Хасанова",
        "Магомед-Эми Батукаев", "place:Дейр-эз-Зор",
    ]

    let amanat: String
    let directory: String
    let rounds: Int

    func run() throws -> Figures {
        let termsPath = directory + "/bench-terms.txt"
        let oneLinePath = directory + "/bench-one-line.txt"
        let testimonyPath = directory + "/bench-testimony.txt"
        let testimony = RedactionWorkload.testimony()
        try Self.write(Self.terms.joined(separator: "\n") + "\n", to: termsPath)
        let line =
            "Заира Мусаева звонила 14 марта 2016 года "
            + "с номера +7 928 123-45-67.\n"
        try Self.write(line, to: oneLinePath)
        try Self.write(testimony, to: testimonyPath)
        defer { for path in [termsPath, oneLinePath, testimonyPath] { unlink(path) } }
        let redact = { (text: String) in ["redact", "--text-file", text, "--terms-file", termsPath, "--lang", "ru"] }
        var version: [(Double, Double)] = []
        var oneLine: [(Double, Double)] = []
        var long: [(Double, Double)] = []
        // One warm-up round fills the page cache; it is not counted.
        for round in 0...rounds {
            let figures = (
                try Spawn.timed(amanat, ["--version"]), try Spawn.timed(amanat, redact(oneLinePath)),
                try Spawn.timed(amanat, redact(testimonyPath))
            )
            guard round > 0 else { continue }
            version.append(figures.0)
            oneLine.append(figures.1)
            long.append(figures.2)
        }
        return Figures(
            version: Self.medians(version), oneLine: Self.medians(oneLine), testimony: Self.medians(long),
            words: testimony.split(separator: " ").count, terms: Self.terms.count, rounds: rounds)
    }

    private static func medians(_ runs: [(Double, Double)]) -> (cpu: Double, wall: Double) {
        let cpu = runs.map(\.0).sorted(), wall = runs.map(\.1).sorted()
        return (cpu[cpu.count / 2], wall[wall.count / 2])
    }

    /// Writes a private file (the terms are names).
    private static func write(_ text: String, to path: String) throws {
        let writer = try AtomicFileWriter(path: path, permissions: 0o600, overwrite: true)
        try Array(text.utf8).withUnsafeBytes { try writer.write($0) }
        try writer.commit()
    }

    /// The table rows for Docs/bench.md.
    func lines(_ figures: Figures, format: (Double, Int) -> String) -> [String] {
        let ratio = figures.startUpRatio
        return [
            "",
            "Whole processes of the release `amanat`, start-up included: `amanat --version`, `amanat redact` of "
                + "one line, and of a",
            "\(figures.words)-word testimony made like the one above (plan, apply and leak check), "
                + "with a list of \(figures.terms) terms; "
                + "\(figures.rounds) rounds alternating the three, medians. CPU time is user + system of the child.",
            "", "| Command | CPU ms | Wall ms | Target | Met |", "|---|---:|---:|---:|:---:|",
            "| `amanat --version` | \(format(figures.version.cpu, 1)) | \(format(figures.version.wall, 1)) | | |",
            "| `amanat redact`, one line | \(format(figures.oneLine.cpu, 1)) | \(format(figures.oneLine.wall, 1)) | "
                + "≤ 1.5 × `--version` CPU (here \(format(ratio, 2)) ×) | \(ratio <= 1.5 ? "yes" : "**no**") |",
            "| `amanat redact`, \(figures.words) words | \(format(figures.testimony.cpu, 1)) | "
                + "\(format(figures.testimony.wall, 1)) | < 100 ms wall | "
                + "\(figures.testimony.wall < 100 ? "yes" : "**no**") |",
        ]
    }
}

/// "Did you mean": the subcommand closest to a mistyped one.
enum Suggestion {
    /// The subcommand names of `amanat`.
    static var subcommands: [String] {
        Amanat.configuration.subcommands.compactMap { $0.configuration.commandName ?? nil }
            + Amanat.configuration.subcommands.map { String(describing: $0).lowercased() }
    }

    /// The closest name within two edits (or of which `typed` is a prefix), if any.
    static func subcommand(for typed: String) -> String? {
        let names = Set(subcommands.filter { !$0.isEmpty })
        guard !typed.hasPrefix("-"), !names.contains(typed) else { return nil }
        let scored = names.map { ($0, distance(typed.lowercased(), $0)) }.filter { $0.1 <= 2 || $0.0.hasPrefix(typed) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance between two short strings.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
